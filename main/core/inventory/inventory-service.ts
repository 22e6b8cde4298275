import type Database from 'better-sqlite3';
import type {
  InventoryItem,
  InventoryQuery,
  InventorySummary,
  InventoryTrend,
} from '../../../preload/contract';
import type { GraphStore } from '../graph/graph-store';
import type { KnowledgeService } from '../processes/knowledge-service';
import { WellspringError } from '../util/errors';

/** What InventoryService reads: the graph index and strengths of the knowledge service, and the history log. */
export interface InventoryServiceDeps {
  db: Database.Database;
  store: GraphStore;
  knowledge: KnowledgeService;
  /** Today as YYYY-MM-DD (tests pin it); the local calendar date when absent. */
  today?: () => string;
}

const todo = (what: string): never => {
  throw new WellspringError('internal', `InventoryService.${what} is being built (issue 8).`);
};

/** The knowledge inventory (知识盘点) of one workspace (issue 8 §5). */
export class InventoryService {
  constructor(private readonly deps: InventoryServiceDeps) {}

  /** Drops memoised results; call on every graph change. */
  invalidate(): void {}

  summary(): InventorySummary {
    return todo('summary');
  }
  list(_query: InventoryQuery): InventoryItem[] {
    return todo('list');
  }
  trend(_weeks?: number): InventoryTrend {
    return todo('trend');
  }
}
