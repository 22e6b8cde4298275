import type Database from 'better-sqlite3';
import type {
  AreaChange,
  DepartureSimulation,
  EditSummary,
  ExpertProfile,
  ExpertRow,
  LocatorResult,
  ProficiencyHeatmap,
  RiskPatch,
  RiskRow,
} from '../../../preload/contract';
import type { GraphStore } from '../graph/graph-store';
import type { KnowledgeService } from '../processes/knowledge-service';
import type { SearchService } from '../search/search-service';
import { WellspringError } from '../util/errors';

/** What ExpertService reads: the graph (through the knowledge service's index and strengths) and search. */
export interface ExpertServiceDeps {
  db: Database.Database;
  store: GraphStore;
  knowledge: KnowledgeService;
  search: SearchService;
  /** Today as YYYY-MM-DD (tests pin it); the local calendar date when absent. */
  today?: () => string;
}

const todo = (what: string): never => {
  throw new WellspringError('internal', `ExpertService.${what} is being built (issue 8).`);
};

/**
 * Experts of one workspace (issue 8): directory, profiles, "my areas" edits, the expertise locator, key-person
 * risk, the heat map and the departure simulation, over the knowledge service's graph index.
 */
export class ExpertService {
  constructor(private readonly deps: ExpertServiceDeps) {}

  /** Drops memoised results; call on every graph change. */
  invalidate(): void {}

  directory(): ExpertRow[] {
    return todo('directory');
  }
  profile(_id: string): ExpertProfile {
    return todo('profile');
  }
  editAreas(_expertId: string, _changes: AreaChange[]): EditSummary {
    return todo('editAreas');
  }
  setRisk(_expertId: string, _patch: RiskPatch): EditSummary {
    return todo('setRisk');
  }
  locate(_input: {
    query?: string;
    itemIds?: string[];
    categoryIds?: string[];
    limit?: number;
  }): Promise<LocatorResult> | LocatorResult {
    return todo('locate');
  }
  risk(): RiskRow[] {
    return todo('risk');
  }
  heatmap(): ProficiencyHeatmap {
    return todo('heatmap');
  }
  simulate(_expertIds: string[]): DepartureSimulation {
    return todo('simulate');
  }
}
