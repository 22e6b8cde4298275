import type {
  GlossaryCsvPlanDto,
  GlossaryEdit,
  GlossaryEditResult,
  GlossaryMention,
  GlossaryTermDto,
} from '../../../preload/contract';
import type { GraphIndex } from '../analytics/graph-index';
import type { GraphStore } from '../graph/graph-store';
import type { Glossary } from './glossary';
import { decodeGlossaryCsv, glossaryToCsv, importGlossaryCsv, planGlossaryCsvImport } from './glossary-csv';
import { planGlossaryEdits } from './glossary-edits';
import { glossaryError } from './glossary-messages';
import { findTermMentions } from './term-mentions';

/** What GlossaryService reads: the store it writes through, the graph index and the glossary of its graph. */
export interface GlossaryServiceDeps {
  store: GraphStore;
  /** The index of the store's current graph, rebuilt after each change (KnowledgeService.index). */
  index: () => GraphIndex;
  /** The glossary of the store's terms, the same object until a term changes (SearchService.glossary). */
  glossary: () => Glossary;
}

/** Most changes a CSV plan lists by name (the counts are always complete). */
const MAX_LISTED_CHANGES = 500;

const collator = new Intl.Collator('zh-CN');

/**
 * The glossary editor of one workspace (issue 10 §3): the terms with what they define and how often they are
 * named, mentions of terms in texts for underlining, the edits as ONE GraphStore.apply (one undo step), and CSV
 * import and export. Reads are memoised per graph index (one computation per graph change).
 */
export class GlossaryService {
  private memo: { index: GraphIndex; glossary: Glossary; terms: GlossaryTermDto[] } | null = null;

  constructor(private readonly deps: GlossaryServiceDeps) {}

  /**
   * Every term by label (zh-CN collation): its fields, the knowledge items and categories it defines, and the
   * number of other nodes whose label or description names it (findTermMentions over every node: O(nodes ×
   * text length); 233 nodes take a few ms). Never throws once a workspace is open.
   */
  terms(): GlossaryTermDto[] {
    const index = this.deps.index();
    const glossary = this.deps.glossary();
    if (this.memo?.index === index && this.memo.glossary === glossary) return this.memo.terms;
    const named = new Map<string, number>();
    for (const node of index.graph.nodes) {
      const ids = new Set(
        findTermMentions(`${node.label}\n${node.description}`, glossary).map((m) => m.termId),
      );
      ids.delete(node.id);
      for (const id of ids) named.set(id, (named.get(id) ?? 0) + 1);
    }
    const terms = glossary.terms.map((t): GlossaryTermDto => {
      const defines = index
        .out(t.id, 'defines')
        .map((e) => ({ edge: e, node: index.node(e.target) }))
        .filter((x) => x.node && (x.node.kind === 'knowledge' || x.node.kind === 'category'))
        .map((x) => ({
          edgeId: x.edge.id,
          id: x.node!.id,
          kind: x.node!.kind as 'knowledge' | 'category',
          label: x.node!.label,
        }))
        .sort((a, b) => collator.compare(a.label, b.label));
      return {
        id: t.id,
        label: t.label,
        aliases: t.aliases,
        definition: t.definition,
        synonyms: t.synonyms,
        translations: t.translations,
        defines,
        mentionedIn: named.get(t.id) ?? 0,
        updatedAt: index.node(t.id)?.updatedAt ?? '',
      };
    });
    terms.sort((a, b) => collator.compare(a.label, b.label));
    this.memo = { index, glossary, terms };
    return terms;
  }

  /**
   * Where terms are named in each of `texts` (findTermMentions: leftmost-longest, word boundaries as the search's
   * phrases, one-character Chinese names left out), with each term's label, definition and English name. Pure
   * over the current glossary; one list per text, in text order.
   */
  mentions(texts: readonly string[]): GlossaryMention[][] {
    const glossary = this.deps.glossary();
    return texts.map((text) =>
      findTermMentions(text, glossary).map((m) => {
        const term = glossary.byId.get(m.termId)!;
        return {
          start: m.start,
          end: m.end,
          termId: m.termId,
          label: term.label,
          definition: term.definition,
          ...(term.translations.en ? { en: term.translations.en } : {}),
        };
      }),
    );
  }

  /**
   * Plans the edits (planGlossaryEdits) and, unless `dryRun` or they change nothing, applies them as ONE
   * GraphStore.apply with reason `glossary-edit`. `applied` says whether anything was written.
   * @throws WellspringError from planGlossaryEdits or the write path (nothing is written then)
   */
  edit(edits: readonly GlossaryEdit[], options: { dryRun?: boolean } = {}): GlossaryEditResult {
    const plan = planGlossaryEdits(this.deps.index(), edits);
    const apply = !options.dryRun && plan.ops.length > 0;
    if (apply) this.deps.store.apply(plan.ops, { reason: 'glossary-edit', summary: plan.summary });
    return { addedIds: plan.addedIds, summary: plan.summary, applied: apply };
  }

  /**
   * Reads a glossary CSV from its bytes (base64; any encoding decodeGlossaryCsv reads) and plans it against the
   * current terms. Unless `dryRun`, a plan without skipped rows is applied as ONE undo step (importGlossaryCsv);
   * a plan with skipped rows is refused, so nothing is imported until the file is clean (issue 10, bad input).
   * @throws WellspringError of decoding and planning (naming the file and line); invalid_input
   *   `glossary:errors.importBlocked` {file, count, line} when not a dry run and rows would be skipped
   */
  importCsv(fileName: string, base64: string, dryRun: boolean): GlossaryCsvPlanDto {
    const { text, encoding } = decodeGlossaryCsv(Buffer.from(base64, 'base64'), fileName);
    const store = this.deps.store;
    const terms = store.getGraph({ kinds: ['term'] });
    const plan = planGlossaryCsvImport(text, fileName, terms);
    const skipped = plan.problems.filter((p) => p.skipped);
    const blocked = skipped.length > 0;
    if (!dryRun && blocked) {
      const line = skipped[0]!.line;
      throw glossaryError(
        'invalid_input',
        `${fileName}: ${skipped.length} rows have problems (the first on line ${line}); nothing was imported. Correct the file and import it again.`,
        'importBlocked',
        { file: fileName, count: skipped.length, line },
      );
    }
    const labelOf = new Map(terms.nodes.map((n) => [n.id, n.label]));
    const changes: GlossaryCsvPlanDto['changes'] = [];
    for (const op of plan.ops.slice(0, MAX_LISTED_CHANGES)) {
      if (op.op === 'addNode') changes.push({ change: 'add', label: op.node.label });
      else if (op.op === 'updateNode') changes.push({ change: 'update', label: labelOf.get(op.id) ?? op.id });
    }
    const applied = !dryRun && plan.ops.length > 0;
    if (applied) importGlossaryCsv(store, text, fileName);
    return {
      fileName,
      encoding,
      rows: plan.rows,
      added: plan.added,
      updated: plan.updated,
      unchanged: plan.unchanged,
      changes,
      problems: plan.problems.map((p) => ({
        line: p.line,
        message: p.message,
        key: p.translated.key,
        params: p.translated.params ?? {},
        skipped: p.skipped,
      })),
      blocked,
      applied,
    };
  }

  /** The glossary as CSV for Excel (glossaryToCsv: UTF-8 BOM, CRLF), in the glossary's order, named `name`. */
  exportCsv(name = 'glossary.csv'): { fileName: string; content: string; terms: number } {
    const glossary = this.deps.glossary();
    return { fileName: name, content: glossaryToCsv(glossary.terms), terms: glossary.terms.length };
  }
}
