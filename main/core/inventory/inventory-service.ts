import type Database from 'better-sqlite3';
import type {
  InventoryItem,
  InventoryQuery,
  InventorySummary,
  InventoryTrend,
} from '../../../preload/contract';
import type { GraphIndex } from '../analytics/graph-index';
import { inventoryList, inventorySummary, type InventoryOptions } from '../analytics/inventory';
import { inventoryTrend } from '../analytics/inventory-trend';
import type { GraphStore } from '../graph/graph-store';
import type { KnowledgeService } from '../processes/knowledge-service';
import { localToday } from '../util/clock';

/** What InventoryService reads: the graph index and strengths of the knowledge service, and the history log. */
export interface InventoryServiceDeps {
  db: Database.Database;
  store: GraphStore;
  knowledge: KnowledgeService;
  /** Today as YYYY-MM-DD (tests pin it); the local calendar date when absent. */
  today?: () => string;
}

/** The trend's default span: half a year of weeks. */
export const DEFAULT_TREND_WEEKS = 26;

/** What is memoised for one graph index and one day. */
interface Memo {
  index: GraphIndex;
  today: string;
  options: InventoryOptions;
  summary?: InventorySummary;
  trends: Map<number, InventoryTrend>;
}

/**
 * The knowledge inventory (知识盘点) of one workspace (issue 8 §5): the dashboard's totals, the list behind each
 * bucket and the weekly trend from the history log, over the knowledge service's graph index and item strengths
 * (so the inventory's strengths are the process views'). Results are memoised per index (a new one after every
 * graph change) and day; `invalidate()` also drops them (a change that trims the history log moves the trend).
 */
export class InventoryService {
  private memo: Memo | null = null;

  constructor(private readonly deps: InventoryServiceDeps) {}

  /** Drops memoised results; call on every graph change. */
  invalidate(): void {
    this.memo = null;
  }

  /** The dashboard's totals (inventorySummary). Never throws once a workspace is open. */
  summary(): InventorySummary {
    const memo = this.current();
    memo.summary ??= inventorySummary(memo.index, memo.options);
    return memo.summary;
  }

  /**
   * The list behind one bucket, by label (inventoryList).
   * @throws WellspringError invalid_input `errors.inventoryKeyUnknown` for a key the facet does not know
   */
  list(query: InventoryQuery): InventoryItem[] {
    const memo = this.current();
    return inventoryList(memo.index, query, memo.options);
  }

  /** Weekly counts of the last `weeks` weeks (default 26), the current week last (inventoryTrend). */
  trend(weeks: number = DEFAULT_TREND_WEEKS): InventoryTrend {
    const memo = this.current();
    let t = memo.trends.get(weeks);
    if (!t) {
      t = inventoryTrend(this.deps.db, memo.index, { weeks, today: memo.today });
      memo.trends.set(weeks, t);
    }
    return t;
  }

  private current(): Memo {
    const index = this.deps.knowledge.index();
    const today = this.deps.today?.() ?? localToday();
    if (this.memo?.index !== index || this.memo.today !== today) {
      const strengths = new Map(this.deps.knowledge.itemStrengths().map((s) => [s.id, s]));
      this.memo = { index, today, options: { today, strengths }, trends: new Map() };
    }
    return this.memo;
  }
}
