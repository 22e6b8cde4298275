import { randomUUID } from 'node:crypto';
import type { EditSummary, GlossaryEdit, GraphOp, NodePatch, NodePropsOf } from '../../../preload/contract';
import type { GraphIndex } from '../analytics/graph-index';
import { WellspringError } from '../util/errors';
import { foldVariant } from './glossary';
import { glossaryError } from './glossary-messages';

type TermProps = NodePropsOf<'term'>;

/** A planned list of glossary edits: the operations for ONE GraphStore.apply and how the undo entry reads. */
export interface GlossaryEditPlan {
  /** Empty when the edits change nothing. */
  ops: GraphOp[];
  summary: EditSummary;
  /** Ids of the terms `add` creates, in edit order. */
  addedIds: string[];
}

/** A term as the edits of one call leave it. */
interface WorkingTerm {
  id: string;
  label: string;
  aliases: string[];
  description: string;
  props: TermProps;
  /** Target id → the `defines` edge's id. */
  defines: Map<string, string>;
}

/** The node kinds a term may define (DESIGN §3: `defines` term → knowledge | category). */
const DEFINABLE = new Set(['knowledge', 'category']);

/**
 * Plans the glossary edits of one call (issue 10 §3) as one operation list for GraphStore.apply — one
 * transaction, one undo step, all or nothing — each edit checked against the glossary as the earlier edits of the
 * list leave it:
 * - `add`: a `term` node (its definition also as its description, as the sample's terms have it) and a `defines`
 *   edge to each knowledge item or category of `defines`;
 * - `update`: an updateNode of what differs (the description follows the definition while it was empty or equal to
 *   it), and the `defines` edges that make its set equal `defines` when given (removed ones deleted, new ones added);
 * - `delete`: deleteNode, which removes its `defines` edges with it (undo restores both).
 *
 * Names are unique across terms: a name an edit gives a term — its label, an alias, a synonym or a translation it
 * did not have — may not equal (NFKC, case and whitespace folded: glossary.ts foldVariant) any name of another
 * term. Names two terms already shared before are left alone, so such a term can still be edited.
 *
 * @throws WellspringError, path `['edits', i, field]`: not_found `errors.nodeNotFound` {id}; invalid_input
 *   `glossary:errors.notTerm` {label}, `nameTaken` {name, term}, `notDefinable` {label, kind}
 */
export function planGlossaryEdits(
  index: GraphIndex,
  edits: readonly GlossaryEdit[],
  newId: () => string = randomUUID,
): GlossaryEditPlan {
  const terms = new Map<string, WorkingTerm>();
  for (const id of index.idsOfKind('term')) terms.set(id, workingTerm(index, id));
  const ops: GraphOp[] = [];
  const addedIds: string[] = [];
  const summaries: EditSummary[] = [];

  edits.forEach((edit, i) => {
    if (edit.edit === 'add') {
      const id = newId();
      const props: TermProps = {
        definition: edit.definition ?? '',
        synonyms: unique(edit.synonyms ?? []),
        translations: cleanTranslations(edit.translations ?? {}),
      };
      const term: WorkingTerm = {
        id,
        label: edit.label,
        aliases: unique(edit.aliases ?? []),
        description: props.definition,
        props,
        defines: new Map(),
      };
      checkNames(terms, term, new Set(), i);
      terms.set(id, term);
      ops.push({
        op: 'addNode',
        id,
        node: {
          kind: 'term',
          label: term.label,
          aliases: term.aliases,
          description: term.description,
          props: { ...props },
        },
      });
      setDefines(index, term, edit.defines ?? [], ops, newId, i);
      addedIds.push(id);
      summaries.push({ action: 'add', kind: 'term', label: term.label });
      return;
    }
    const term = requireTerm(index, terms, edit.id, i);
    if (edit.edit === 'delete') {
      ops.push({ op: 'deleteNode', id: term.id });
      terms.delete(term.id);
      summaries.push({ action: 'delete', kind: 'term', label: term.label });
      return;
    }
    const before = new Set(namesOf(term));
    const patch: NodePatch = {};
    const next: WorkingTerm = { ...term, props: { ...term.props }, defines: new Map(term.defines) };
    if (edit.label !== undefined && edit.label !== term.label) next.label = patch.label = edit.label;
    if (edit.aliases !== undefined && !sameList(unique(edit.aliases), term.aliases))
      next.aliases = patch.aliases = unique(edit.aliases);
    const props: TermProps = {
      definition: edit.definition ?? term.props.definition,
      synonyms: edit.synonyms !== undefined ? unique(edit.synonyms) : term.props.synonyms,
      translations:
        edit.translations !== undefined ? cleanTranslations(edit.translations) : term.props.translations,
    };
    if (!sameProps(props, term.props)) {
      next.props = props;
      // NodePatch merges props one key deep: `translations` is replaced whole, so a cleared one goes away.
      patch.props = {
        definition: props.definition,
        synonyms: props.synonyms,
        translations: { ...props.translations },
      };
      const mirrors = term.description.trim() === '' || term.description === term.props.definition;
      if (mirrors && props.definition !== term.props.definition)
        next.description = patch.description = props.definition;
    }
    checkNames(terms, next, before, i);
    terms.set(term.id, next);
    const opsBefore = ops.length;
    if (Object.keys(patch).length) ops.push({ op: 'updateNode', id: term.id, patch });
    if (edit.defines !== undefined) setDefines(index, next, edit.defines, ops, newId, i);
    if (ops.length > opsBefore) summaries.push({ action: 'edit', kind: 'term', label: next.label });
  });

  const summary: EditSummary =
    summaries.length === 1
      ? summaries[0]!
      : {
          action: 'batch',
          kind: 'term',
          label: summaries
            .map((s) => s.label)
            .join(', ')
            .slice(0, 200),
          count: summaries.length,
        };
  return { ops, summary, addedIds };
}

function workingTerm(index: GraphIndex, id: string): WorkingTerm {
  const node = index.node(id)!;
  const p = node.props as Partial<TermProps>;
  const defines = new Map<string, string>();
  for (const e of index.out(id, 'defines')) if (!defines.has(e.target)) defines.set(e.target, e.id);
  return {
    id,
    label: node.label,
    aliases: [...node.aliases],
    description: node.description,
    props: {
      definition: p.definition ?? '',
      synonyms: p.synonyms ?? [],
      translations: cleanTranslations(p.translations ?? {}),
    },
    defines,
  };
}

function requireTerm(
  index: GraphIndex,
  terms: ReadonlyMap<string, WorkingTerm>,
  id: string,
  i: number,
): WorkingTerm {
  const term = terms.get(id);
  if (term) return term;
  const node = index.node(id);
  if (node && node.kind !== 'term')
    throw glossaryError(
      'invalid_input',
      `“${node.label}” is not a glossary term.`,
      'notTerm',
      { label: node.label },
      ['edits', i, 'id'],
    );
  throw new WellspringError(
    'not_found',
    `The node ${id} no longer exists (it may have been deleted).`,
    ['edits', i, 'id'],
    { key: 'errors.nodeNotFound', params: { id } },
  );
}

/** Every name of a term, folded, blank ones left out. */
function namesOf(t: WorkingTerm): string[] {
  const all = [t.label, ...t.aliases, ...t.props.synonyms, t.props.translations.en, t.props.translations.zh];
  return all
    .filter((n): n is string => n !== undefined)
    .map(foldVariant)
    .filter(Boolean);
}

/** Refuses a name of `term` that it did not have before (`before`, folded) and another term has. */
function checkNames(
  terms: ReadonlyMap<string, WorkingTerm>,
  term: WorkingTerm,
  before: ReadonlySet<string>,
  i: number,
): void {
  const fresh = new Map<string, string>();
  const written = [
    term.label,
    ...term.aliases,
    ...term.props.synonyms,
    term.props.translations.en,
    term.props.translations.zh,
  ];
  for (const n of written) {
    if (n === undefined) continue;
    const key = foldVariant(n);
    if (key && !before.has(key) && !fresh.has(key)) fresh.set(key, n.trim());
  }
  if (fresh.size === 0) return;
  for (const other of terms.values()) {
    if (other.id === term.id) continue;
    for (const key of namesOf(other)) {
      const name = fresh.get(key);
      if (name === undefined) continue;
      throw glossaryError(
        'invalid_input',
        `“${name}” is already a name of the glossary term “${other.label}”: each name belongs to one term.`,
        'nameTaken',
        { name, term: other.label },
        ['edits', i],
      );
    }
  }
}

/** Adds and deletes `defines` edges of `term` so that its targets are `targets`. */
function setDefines(
  index: GraphIndex,
  term: WorkingTerm,
  targets: readonly string[],
  ops: GraphOp[],
  newId: () => string,
  i: number,
): void {
  const wanted = new Set(targets);
  for (const [target, edgeId] of term.defines) {
    if (wanted.has(target)) continue;
    ops.push({ op: 'deleteEdge', id: edgeId });
    term.defines.delete(target);
  }
  for (const target of wanted) {
    if (term.defines.has(target)) continue;
    const node = index.node(target);
    if (!node)
      throw new WellspringError(
        'not_found',
        `The node ${target} no longer exists (it may have been deleted).`,
        ['edits', i, 'defines'],
        { key: 'errors.nodeNotFound', params: { id: target } },
      );
    if (!DEFINABLE.has(node.kind))
      throw glossaryError(
        'invalid_input',
        `A term defines knowledge items and categories; “${node.label}” is a ${node.kind}.`,
        'notDefinable',
        { label: node.label, kind: node.kind },
        ['edits', i, 'defines'],
      );
    const id = newId();
    ops.push({ op: 'addEdge', id, edge: { kind: 'defines', source: term.id, target } });
    term.defines.set(target, id);
  }
}

/** Trimmed, blank ones dropped, each once by folded form (the first spelling kept). */
function unique(names: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const n of names) {
    const key = foldVariant(n);
    if (!key || seen.has(key)) continue;
    seen.add(key);
    out.push(n.trim());
  }
  return out;
}

function cleanTranslations(t: { en?: string; zh?: string }): TermProps['translations'] {
  const out: TermProps['translations'] = {};
  if (t.en?.trim()) out.en = t.en.trim();
  if (t.zh?.trim()) out.zh = t.zh.trim();
  return out;
}

const sameList = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((x, k) => x === b[k]);

function sameProps(a: TermProps, b: TermProps): boolean {
  return (
    a.definition === b.definition &&
    sameList(a.synonyms, b.synonyms) &&
    a.translations.en === b.translations.en &&
    a.translations.zh === b.translations.zh
  );
}
