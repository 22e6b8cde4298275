import type Database from 'better-sqlite3';
import type {
  AreaChange,
  DepartureSimulation,
  EditSummary,
  ExpertProfile,
  ExpertRow,
  ItemStrength,
  LocatorMatch,
  LocatorResult,
  ProficiencyHeatmap,
  RiskPatch,
  RiskRow,
} from '../../../preload/contract';
import { categorySubtree, itemsInCategories } from '../analytics/category-tree';
import { simulateDeparture } from '../analytics/departure-simulation';
import { expertProfile, expertRows } from '../analytics/expert-directory';
import { rankExperts } from '../analytics/expertise-locator';
import type { GraphIndex } from '../analytics/graph-index';
import { keyPersonRisk } from '../analytics/key-person-risk';
import { localToday } from '../analytics/knowledge-strength';
import { expertNotFound } from '../analytics/position-risk';
import { proficiencyHeatmap } from '../analytics/proficiency-heatmap';
import type { GraphStore } from '../graph/graph-store';
import type { KnowledgeService } from '../processes/knowledge-service';
import type { SearchService } from '../search/search-service';
import { WellspringError } from '../util/errors';
import { planAreaEdits } from './area-edits';

/** What ExpertService reads: the graph (through the knowledge service's index and strengths) and search. */
export interface ExpertServiceDeps {
  db: Database.Database;
  store: GraphStore;
  knowledge: KnowledgeService;
  search: SearchService;
  /** Today as YYYY-MM-DD (tests pin it); the local calendar date when absent. */
  today?: () => string;
}

/** How many nodes the locator asks the search for, and how many experts it returns by default. */
const SEARCH_LIMIT = 50;
const DEFAULT_LOCATE_LIMIT = 20;

/** What is memoised for one graph index, one strength-settings value and one day. */
interface Memo {
  index: GraphIndex;
  settingsKey: string;
  today: string;
  risk: RiskRow[];
  riskById: Map<string, RiskRow>;
  strengths: Map<string, ItemStrength>;
  directory?: ExpertRow[];
  heatmap?: ProficiencyHeatmap;
}

/**
 * Experts of one workspace (issue 8): directory, profiles, "my areas" edits, the expertise locator, key-person
 * risk, the heat map and the departure simulation, over the knowledge service's graph index. Results are
 * memoised per graph index (identity of `knowledge.index()`, which is rebuilt after every change), strength
 * settings and day, so the views, reports and the CLI read the same numbers. Returned arrays are shared with the
 * memo: callers must not mutate them.
 *
 * Errors are WellspringError: `not_found` (errors.expertNotFound {value}, errors.nodeNotFound {id}),
 * `invalid_input` (see planAreaEdits; the write path's errors.leavingDateInPast / leavingDateMalformed), and the
 * write path's own (GraphStore.apply).
 */
export class ExpertService {
  private memo: Memo | null = null;

  constructor(private readonly deps: ExpertServiceDeps) {}

  /** Drops memoised results; call on every graph change. */
  invalidate(): void {
    this.memo = null;
  }

  /** Every expert (expertRows), by total risk (highest first), then label. */
  directory(): ExpertRow[] {
    const m = this.current();
    m.directory ??= expertRows(m.index, m.riskById);
    return m.directory;
  }

  /** The profile of one expert (expertProfile). @throws not_found errors.expertNotFound {value} */
  profile(id: string): ExpertProfile {
    const m = this.current();
    return expertProfile(m.index, id, { risk: m.riskById, strengths: m.strengths });
  }

  /**
   * "My areas": proficiency and description changes of one expert as ONE write (one undo step), planned by
   * planAreaEdits. Returns the undo entry's summary.
   * @throws see planAreaEdits (nothing is written then); invalid_input errors.noOps when no change changes anything
   */
  editAreas(expertId: string, changes: AreaChange[]): EditSummary {
    const plan = planAreaEdits(this.deps.knowledge.index(), expertId, changes);
    this.deps.store.apply(plan.ops, { reason: 'edit-areas', summary: plan.summary });
    return plan.summary;
  }

  /**
   * Sets the expert's risk inputs (entered attrition risk, expected leaving date, position-risk override and
   * note) as one updateNode; `null` removes a key, an absent key is left as it is. Returns the undo summary.
   * @throws not_found errors.expertNotFound {value}; invalid_input from the write path (errors.leavingDateInPast
   *   {value, today}, errors.leavingDateMalformed {value}, props out of range) or errors.noOps for an empty patch;
   *   nothing is written then
   */
  setRisk(expertId: string, patch: RiskPatch): EditSummary {
    const node = this.deps.knowledge.index().node(expertId);
    if (!node || node.kind !== 'expert') throw expertNotFound(expertId);
    const props = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
    if (Object.keys(props).length === 0)
      throw new WellspringError('invalid_input', 'No operations to apply.', ['patch'], {
        key: 'errors.noOps',
      });
    const summary: EditSummary = { action: 'edit', kind: 'expert', label: node.label };
    this.deps.store.apply([{ op: 'updateNode', id: expertId, patch: { props } }], {
      reason: 'set-risk',
      summary,
    });
    return summary;
  }

  /**
   * Who knows X (rankExperts). The areas: knowledge items and categories found by `query` through the core's
   * search (via `search`), the picked `itemIds` / `categoryIds` (via `picked`), and the items classified in any
   * found or picked category or its sub-categories (via `category`); each area once, in that order of precedence.
   * An empty query with no ids gives no matches and no experts.
   * @throws not_found errors.nodeNotFound {id} for a picked id that names nothing; invalid_input
   *   errors.areaTargetKind {label, nodeKind} for one that is not a knowledge item or category
   */
  locate(input: {
    query?: string;
    itemIds?: string[];
    categoryIds?: string[];
    limit?: number;
  }): LocatorResult {
    const index = this.deps.knowledge.index();
    const matches: LocatorMatch[] = [];
    const seen = new Set<string>();
    const add = (id: string, via: LocatorMatch['via'], pinyin?: LocatorMatch['pinyin']) => {
      const node = index.node(id);
      if (seen.has(id) || !node || (node.kind !== 'knowledge' && node.kind !== 'category')) return;
      seen.add(id);
      matches.push({ id, kind: node.kind, label: node.label, via, ...(pinyin && { pinyin }) });
    };
    for (const [field, ids] of [
      ['itemIds', input.itemIds ?? []],
      ['categoryIds', input.categoryIds ?? []],
    ] as const)
      ids.forEach((id, i) => {
        const node = index.node(id);
        if (!node)
          throw new WellspringError('not_found', `No node with id ${id}.`, [field, i], {
            key: 'errors.nodeNotFound',
            params: { id },
          });
        if (node.kind !== 'knowledge' && node.kind !== 'category')
          throw new WellspringError(
            'invalid_input',
            `“${node.label}” is of the kind ${node.kind}: an expert's areas are knowledge items and categories.`,
            [field, i],
            { key: 'errors.areaTargetKind', params: { label: node.label, nodeKind: node.kind } },
          );
        add(id, 'picked');
      });
    // The whole query first; when no area names every word, who knows any of them (locatorQueries).
    const search = (q: string) => this.deps.search.nodes(q, SEARCH_LIMIT, ['knowledge', 'category']).nodes;
    const [whole, ...words] = locatorQueries(input.query ?? '');
    if (whole !== undefined) {
      const hits = search(whole);
      for (const hit of hits.length ? hits : words.flatMap(search)) add(hit.node.id, 'search', hit.pinyin);
    }
    const categories = matches.filter((m) => m.kind === 'category').map((m) => m.id);
    const subtree = [...new Set(categories.flatMap((c) => categorySubtree(index, c)))];
    for (const itemId of itemsInCategories(index, subtree)) add(itemId, 'category');
    if (matches.length === 0) return { matches: [], experts: [] };
    return { matches, experts: rankExperts(index, matches, input.limit ?? DEFAULT_LOCATE_LIMIT) };
  }

  /** The key-person risk ranking (keyPersonRisk), highest first. */
  risk(): RiskRow[] {
    return this.current().risk;
  }

  /** The experts × top-level categories heat map (proficiencyHeatmap). */
  heatmap(): ProficiencyHeatmap {
    const m = this.current();
    m.heatmap ??= proficiencyHeatmap(m.index);
    return m.heatmap;
  }

  /**
   * The departure simulation of the given experts (simulateDeparture) with the workspace's strength settings.
   * @throws not_found errors.expertNotFound {value} for an id that is not an expert
   */
  simulate(expertIds: string[]): DepartureSimulation {
    const m = this.current();
    return simulateDeparture(m.index, expertIds, {
      settings: this.deps.knowledge.settings(),
      today: m.today,
      strengths: m.strengths,
    });
  }

  private today(): string {
    return this.deps.today?.() ?? localToday();
  }

  /** The memo of the current graph index, settings and day, rebuilt when any of them changed. */
  private current(): Memo {
    const index = this.deps.knowledge.index();
    const settingsKey = JSON.stringify(this.deps.knowledge.settings());
    const today = this.today();
    const m = this.memo;
    if (m && m.index === index && m.settingsKey === settingsKey && m.today === today) return m;
    const risk = keyPersonRisk(index, { today });
    const strengths = new Map(this.deps.knowledge.itemStrengths().map((s) => [s.id, s]));
    this.memo = { index, settingsKey, today, risk, riskById: new Map(risk.map((r) => [r.id, r])), strengths };
    return this.memo;
  }
}

/**
 * What the locator searches for a free-text question: the whole query, then each of its words. The core's search
 * ANDs the words of one query, so "排料 客户" finds no single area; the locator then asks who knows either (it looks
 * for people, not for one item naming every word), while a query some area answers whole keeps its precision
 * ("marker making" does not widen to every item with "making"). A query with a quoted phrase is searched only as
 * it is. Empty: nothing.
 */
export function locatorQueries(query: string): string[] {
  const whole = query.trim();
  if (!whole) return [];
  if (whole.includes('"')) return [whole];
  const words = [...new Set(whole.split(/\s+/))];
  return words.length > 1 ? [whole, ...words] : [whole];
}
