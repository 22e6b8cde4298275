import type Database from 'better-sqlite3';
import type { EdgeDto, EvidenceProgress, EvidenceProposal } from '../../../preload/contract';
import type { LibraryStore } from '../documents/library-store';
import type { GraphStore } from '../graph/graph-store';
import type { SearchService } from '../search/search-service';
import type { EventSink } from '../workspace/event-sink';
import { WellspringError } from '../util/errors';

/** What EvidenceService works with. */
export interface EvidenceServiceDeps {
  db: Database.Database;
  store: GraphStore;
  library: LibraryStore;
  search: SearchService;
  emit: EventSink;
}

/** A proposal's key: the item and the library page. */
export interface EvidenceKey {
  knowledgeId: string;
  docId: number;
  page: number;
}

/**
 * The evidence finder of one workspace (issue 7). SKELETON: filled in by the evidence-finder work.
 */
export class EvidenceService {
  constructor(private readonly deps: EvidenceServiceDeps) {}

  /** Proposal counts per knowledge item id. */
  candidateCounts(): ReadonlyMap<string, number> {
    return new Map();
  }
  proposals(_knowledgeId?: string, _limit?: number): EvidenceProposal[] {
    throw todo();
  }
  counts(): Record<string, number> {
    return Object.fromEntries(this.candidateCounts());
  }
  accept(_key: EvidenceKey): EdgeDto {
    throw todo();
  }
  reject(_key: EvidenceKey): void {
    throw todo();
  }
  progress(): EvidenceProgress {
    throw todo();
  }
  run(): EvidenceProgress {
    throw todo();
  }
  /** Stops a run under way. */
  async close(): Promise<void> {}
}

function todo(): WellspringError {
  return new WellspringError('unsupported', 'Not built yet.');
}
