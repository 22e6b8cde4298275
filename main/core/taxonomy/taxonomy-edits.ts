import { randomUUID } from 'node:crypto';
import type {
  EditSummary,
  GraphOp,
  NodePatch,
  TaxonomyChange,
  TaxonomyEdit,
} from '../../../preload/contract';
import type { GraphIndex } from '../analytics/graph-index';
import { WellspringError } from '../util/errors';
import { foldText } from '../util/text';
import { taxonomyError } from './taxonomy-messages';
import { TaxonomyWorkingCopy, type WorkingEdge } from './taxonomy-working-copy';

/** The most aliases a node may have (NodePatch in preload/contract/model.ts). */
const MAX_ALIASES = 50;
/** The longest note of a `related` edge (EDGE_PROPS.related). */
const MAX_NOTE = 1000;

/** A planned list of taxonomy edits: the operations for ONE GraphStore.apply, the undo summary, what each does. */
export interface TaxonomyEditPlan {
  ops: GraphOp[];
  summary: EditSummary;
  /** Ids of the categories `add` creates, in edit order. */
  addedIds: string[];
  /** One per edit, in order (an edit that changes nothing has zero counts and plans no operation). */
  changes: TaxonomyChange[];
}

/** How two labels compare for "the same name": NFKC, case-folded, trimmed (as process names are). */
const fold = (s: string) => foldText(s).trim();

/**
 * Plans the taxonomy edits of one call (issue 10 §4) as one operation list, all or nothing, each edit checked
 * against the tree as the earlier edits of the list leave it (TaxonomyWorkingCopy):
 * - `add`: a new category node and, under a parent, its `part_of` edge; its id is returned in `addedIds`;
 * - `rename`: updateNode of the label (nothing when unchanged);
 * - `reparent`: its `part_of` edges to categories are deleted and one to the new parent added (none for a root);
 *   refused under itself or under a category of its own subtree, following every `part_of` edge up from the new
 *   parent (the tree would loop);
 * - `merge` from → into: each edge touching `from` is re-pointed to `into` — deleted and added again with the same
 *   id, kind and props — except `from`'s own `part_of` edges (into keeps its place) and edges that would join
 *   `into` to itself. Where `into` has that edge already (same kind and ends; `related` either way round) it is
 *   not doubled: `knows` keeps the higher proficiency, `related` keeps both notes when they fit in one. Then
 *   `from`'s label and aliases are added to `into`'s aliases (those it lacks, folded), its description is appended
 *   when `into`'s does not contain it, its tags are added, and `from` is deleted. Refused into itself or into a
 *   category of its subtree;
 * - `delete`: its sub-categories' `part_of` and its items' `classified_as` edges move to its first parent (those
 *   already there are not doubled), then the node is deleted with its remaining edges (its own place, experts'
 *   `knows`, terms' `defines`, `related`), which undo restores. A root's sub-categories become roots; a root with
 *   items is refused, since they would lose their only classification.
 * Siblings may not share a label (folded): `add`, `rename` and `reparent` are refused beside a namesake.
 * A list whose edits change nothing plans no operation (GraphStore.apply then refuses with errors.noOps).
 *
 * @throws WellspringError, path `['edits', i, field]`: not_found `errors.nodeNotFound` {id},
 *   `taxonomy:errors.removedEarlier` {label}; invalid_input `taxonomy:errors.notCategory` {label},
 *   `ownParent` {label}, `cycle` {child, parent}, `siblingExists` {label, parent}, `rootExists` {label},
 *   `mergeSelf` {label}, `mergeIntoDescendant` {from, into}, `deleteRootWithItems` {label, count},
 *   `tooManyAliases` {label, count, max}
 */
export function planTaxonomyEdits(
  index: GraphIndex,
  edits: readonly TaxonomyEdit[],
  newId: () => string = randomUUID,
): TaxonomyEditPlan {
  const w = new TaxonomyWorkingCopy(index);
  const ops: GraphOp[] = [];
  const summaries: EditSummary[] = [];
  const addedIds: string[] = [];
  const changes: TaxonomyChange[] = [];

  const nameOf = (id: string) => w.categories.get(id)?.label ?? index.node(id)?.label ?? id;
  const deleteEdge = (e: WorkingEdge) => {
    ops.push({ op: 'deleteEdge', id: e.id });
    w.removeEdge(e.id);
  };
  const addEdge = (e: WorkingEdge) => {
    ops.push({
      op: 'addEdge',
      id: e.id,
      edge: { kind: e.kind, source: e.source, target: e.target, props: e.props },
    });
    w.addEdge(e);
  };
  const deleteCategory = (c: string) => {
    ops.push({ op: 'deleteNode', id: c });
    w.removeCategory(c);
  };

  edits.forEach((edit, i) => {
    const at = (field: string) => ['edits', i, field];
    /** The label of category `cid`, or the error naming why it is none. */
    const category = (cid: string, field: string): string => {
      const c = w.categories.get(cid);
      if (c) return c.label;
      const gone = w.removed.get(cid);
      if (gone !== undefined)
        throw taxonomyError(
          'not_found',
          'removedEarlier',
          `“${gone}” was removed by an earlier edit of the same list.`,
          { label: gone },
          at(field),
        );
      const node = index.node(cid);
      if (!node)
        throw new WellspringError('not_found', `No node with id ${cid}.`, at(field), {
          key: 'errors.nodeNotFound',
          params: { id: cid },
        });
      throw taxonomyError(
        'invalid_input',
        'notCategory',
        `“${node.label}” is not a category.`,
        { label: node.label },
        at(field),
      );
    };
    /** Refuses `label` for a category `self` (null: a new one) under `parent` when a sibling has that name. */
    const requireFreeName = (label: string, parent: string | null, self: string | null, field: string) => {
      const wanted = fold(label);
      const taken = w.childrenOf(parent).find((c) => c !== self && fold(nameOf(c)) === wanted);
      if (taken === undefined) return;
      if (parent === null)
        throw taxonomyError(
          'invalid_input',
          'rootExists',
          `There is a top-level category “${nameOf(taken)}” already: merge the two instead.`,
          { label: nameOf(taken) },
          at(field),
        );
      throw taxonomyError(
        'invalid_input',
        'siblingExists',
        `“${nameOf(parent)}” has a sub-category “${nameOf(taken)}” already: merge the two instead.`,
        { label: nameOf(taken), parent: nameOf(parent) },
        at(field),
      );
    };
    const change = (
      kind: TaxonomyChange['edit'],
      id: string,
      target: string | null,
      counts: Partial<Omit<TaxonomyChange, 'edit' | 'id' | 'label' | 'targetId' | 'targetLabel'>> = {},
    ): TaxonomyChange => ({
      edit: kind,
      id,
      label: nameOf(id),
      targetId: target,
      targetLabel: target === null ? null : nameOf(target),
      items: 0,
      children: 0,
      edgesMoved: 0,
      edgesMerged: 0,
      edgesRemoved: 0,
      aliasesAdded: [],
      ...counts,
    });

    switch (edit.edit) {
      case 'add': {
        if (edit.parentId !== null) category(edit.parentId, 'parentId');
        requireFreeName(edit.label, edit.parentId, null, 'label');
        const cid = newId();
        ops.push({
          op: 'addNode',
          id: cid,
          node: {
            kind: 'category',
            label: edit.label,
            ...(edit.aliases ? { aliases: edit.aliases } : {}),
            ...(edit.description !== undefined ? { description: edit.description } : {}),
          },
        });
        w.addCategory(cid, {
          label: edit.label,
          aliases: edit.aliases ?? [],
          description: edit.description ?? '',
          tags: [],
        });
        if (edit.parentId !== null)
          addEdge({ id: newId(), kind: 'part_of', source: cid, target: edit.parentId, props: {} });
        addedIds.push(cid);
        changes.push(change('add', cid, edit.parentId));
        summaries.push({ action: 'add', kind: 'category', label: edit.label });
        break;
      }
      case 'rename': {
        const name = category(edit.id, 'id');
        if (name === edit.label) {
          changes.push(change('rename', edit.id, null));
          break;
        }
        const parents = w.parentsOf(edit.id);
        for (const p of parents.length ? parents : [null]) requireFreeName(edit.label, p, edit.id, 'label');
        ops.push({ op: 'updateNode', id: edit.id, patch: { label: edit.label } });
        w.categories.get(edit.id)!.label = edit.label;
        changes.push(change('rename', edit.id, null));
        summaries.push({ action: 'edit', kind: 'category', label: edit.label });
        break;
      }
      case 'reparent': {
        const child = category(edit.id, 'id');
        const to = edit.parentId;
        if (to !== null) {
          const parent = category(to, 'parentId');
          if (to === edit.id)
            throw taxonomyError(
              'invalid_input',
              'ownParent',
              `“${child}” cannot go under itself.`,
              { label: child },
              at('parentId'),
            );
          if (w.isWithin(to, edit.id))
            throw taxonomyError(
              'invalid_input',
              'cycle',
              `“${child}” cannot go under “${parent}”: “${parent}” is part of “${child}”, so the tree would loop.`,
              { child, parent },
              at('parentId'),
            );
        }
        const now = w.parentsOf(edit.id);
        if (to === null ? now.length === 0 : now.length === 1 && now[0] === to) {
          changes.push(change('reparent', edit.id, to));
          break;
        }
        requireFreeName(child, to, edit.id, 'parentId');
        for (const e of w.edgesOf(edit.id))
          if (e.kind === 'part_of' && e.source === edit.id && w.isCategory(e.target)) deleteEdge(e);
        if (to !== null) addEdge({ id: newId(), kind: 'part_of', source: edit.id, target: to, props: {} });
        changes.push(change('reparent', edit.id, to));
        summaries.push({ action: 'edit', kind: 'category', label: child });
        break;
      }
      case 'merge': {
        const from = category(edit.fromId, 'fromId');
        const into = category(edit.intoId, 'intoId');
        if (edit.fromId === edit.intoId)
          throw taxonomyError(
            'invalid_input',
            'mergeSelf',
            `“${from}” cannot be merged into itself.`,
            { label: from },
            at('intoId'),
          );
        if (w.isWithin(edit.intoId, edit.fromId))
          throw taxonomyError(
            'invalid_input',
            'mergeIntoDescendant',
            `“${from}” cannot be merged into “${into}”: “${into}” is part of “${from}”, so the tree would loop. ` +
              `Merge “${into}” into “${from}”, or move it out first.`,
            { from, into },
            at('intoId'),
          );
        const c = change('merge', edit.fromId, edit.intoId);
        const fromCat = w.categories.get(edit.fromId)!;
        const intoCat = w.categories.get(edit.intoId)!;
        // The aliases first, so a merge that cannot keep every name writes nothing.
        const names = new Set([intoCat.label, ...intoCat.aliases].map(fold));
        for (const a of [fromCat.label, ...fromCat.aliases])
          if (!names.has(fold(a))) {
            names.add(fold(a));
            c.aliasesAdded.push(a);
          }
        const aliases = [...intoCat.aliases, ...c.aliasesAdded];
        if (aliases.length > MAX_ALIASES)
          throw taxonomyError(
            'invalid_input',
            'tooManyAliases',
            `“${into}” would have ${aliases.length} aliases after taking “${from}”'s names, more than ${MAX_ALIASES}: remove some first.`,
            { label: into, count: aliases.length, max: MAX_ALIASES },
            at('intoId'),
          );
        /** `kind|source|target` → the edge `into` has (related: under both orders). */
        const key = (e: Pick<WorkingEdge, 'kind' | 'source' | 'target'>) =>
          `${e.kind}|${e.source}|${e.target}`;
        const existing = new Map<string, WorkingEdge>();
        const remember = (e: WorkingEdge) => {
          existing.set(key(e), e);
          if (e.kind === 'related') existing.set(key({ ...e, source: e.target, target: e.source }), e);
        };
        w.edgesOf(edit.intoId).forEach(remember);
        const items = new Set<string>();
        const children = new Set<string>();
        for (const e of w.edgesOf(edit.fromId)) {
          const source = e.source === edit.fromId ? edit.intoId : e.source;
          const target = e.target === edit.fromId ? edit.intoId : e.target;
          if (e.kind === 'classified_as') items.add(e.source);
          if (e.kind === 'part_of' && e.target === edit.fromId) children.add(e.source);
          // from's own place in the tree, and what would join into to itself, go with from.
          const ownPlace = e.kind === 'part_of' && e.source === edit.fromId;
          if (ownPlace || source === target) {
            c.edgesRemoved++;
            continue;
          }
          const twin = existing.get(key({ kind: e.kind, source, target }));
          if (twin) {
            const props = mergedProps(e, twin);
            if (props) {
              ops.push({ op: 'updateEdge', id: twin.id, props });
              twin.props = props;
            }
            c.edgesMerged++;
            continue;
          }
          deleteEdge(e);
          const moved: WorkingEdge = { ...e, source, target };
          addEdge(moved);
          remember(moved);
          c.edgesMoved++;
        }
        c.items = items.size;
        c.children = children.size;
        const patch: NodePatch = {};
        if (c.aliasesAdded.length) patch.aliases = aliases;
        const description = appendedDescription(intoCat.description, fromCat.description);
        if (description !== intoCat.description) patch.description = description;
        const tags = [...new Set([...intoCat.tags, ...fromCat.tags])];
        if (tags.length !== intoCat.tags.length) patch.tags = tags;
        if (Object.keys(patch).length) {
          ops.push({ op: 'updateNode', id: edit.intoId, patch });
          Object.assign(intoCat, patch);
        }
        deleteCategory(edit.fromId);
        changes.push(c);
        summaries.push({ action: 'edit', kind: 'category', label: `${from} → ${into}` });
        break;
      }
      case 'delete': {
        const name = category(edit.id, 'id');
        const parent = w.parentsOf(edit.id)[0] ?? null;
        const edges = w.edgesOf(edit.id);
        const itemEdges = edges.filter((e) => e.kind === 'classified_as' && e.target === edit.id);
        const items = new Set(itemEdges.map((e) => e.source));
        if (parent === null && items.size > 0)
          throw taxonomyError(
            'invalid_input',
            'deleteRootWithItems',
            `“${name}” is a top-level category with ${items.size} knowledge items, which would lose their classification: merge it into another category, or move its items first.`,
            { label: name, count: items.size },
            at('id'),
          );
        const c = change('delete', edit.id, parent, { items: items.size });
        const children = new Set<string>();
        const there = new Set(
          parent === null ? [] : w.edgesOf(parent).map((e) => `${e.kind}|${e.source}|${e.target}`),
        );
        for (const e of edges) {
          const isChild = e.kind === 'part_of' && e.target === edit.id && w.isCategory(e.source);
          if (isChild) children.add(e.source);
          // Only sub-categories and items move up; a root's children become roots (their edge goes with it).
          if (!(isChild || e.kind === 'classified_as') || parent === null || e.source === parent) {
            c.edgesRemoved++;
            continue;
          }
          if (there.has(`${e.kind}|${e.source}|${parent}`)) {
            c.edgesMerged++;
            continue;
          }
          deleteEdge(e);
          addEdge({ ...e, target: parent });
          c.edgesMoved++;
        }
        c.children = children.size;
        deleteCategory(edit.id);
        changes.push(c);
        summaries.push({ action: 'delete', kind: 'category', label: name });
        break;
      }
    }
  });

  const summary: EditSummary =
    summaries.length === 1
      ? summaries[0]!
      : { action: 'batch', kind: 'category', label: summaries[0]?.label ?? '', count: ops.length };
  return { ops, summary, addedIds, changes };
}

/**
 * The props `twin` (into's edge) takes when `from`'s edge `e` of the same kind and ends folds into it, or null
 * when they stay: `knows` the higher proficiency (an expert who knows either category that well knows the merged
 * one); `related` both notes, one per line, when they fit in one note (else into's).
 */
function mergedProps(e: WorkingEdge, twin: WorkingEdge): Record<string, unknown> | null {
  if (e.kind === 'knows') {
    const p = Number(e.props.proficiency ?? 0);
    return p > Number(twin.props.proficiency ?? 0) ? { ...twin.props, proficiency: p } : null;
  }
  if (e.kind === 'related') {
    const a = typeof twin.props.note === 'string' ? twin.props.note : '';
    const b = typeof e.props.note === 'string' ? e.props.note : '';
    if (!b || a.includes(b)) return null;
    const note = a ? `${a}\n${b}` : b;
    return note.length <= MAX_NOTE ? { ...twin.props, note } : null;
  }
  return null;
}

/** into's description with from's appended after a blank line, unless from's is empty or already in it. */
function appendedDescription(into: string, from: string): string {
  const add = from.trim();
  if (!add || into.includes(add)) return into;
  return into.trim() ? `${into.trimEnd()}\n\n${add}` : add;
}
