import type Database from 'better-sqlite3';
import type {
  GapRow,
  GraphChange,
  ItemStrength,
  JourneyMap,
  MatrixCell,
  Pipeline,
  ProcessEdit,
  ProcessSummary,
  StepDetail,
  StepMatrix,
  StepStrength,
  StrengthSettings,
} from '../../../preload/contract';
import type { LibraryStore } from '../documents/library-store';
import type { GraphStore } from '../graph/graph-store';
import { WellspringError } from '../util/errors';

/** What KnowledgeService reads besides the graph. */
export interface KnowledgeServiceDeps {
  db: Database.Database;
  store: GraphStore;
  library: LibraryStore;
  /** Evidence-finder proposal counts per knowledge item id (empty until a run finished). */
  candidateCounts: () => ReadonlyMap<string, number>;
  /** Today as YYYY-MM-DD (tests pin it). */
  today?: () => string;
}

/**
 * Process knowledge of one workspace (issue 7): strengths, gaps, pipelines, step details, process edits, the
 * matrix and the journey map, over one GraphIndex rebuilt after each graph change (`invalidate`).
 * SKELETON: filled in by the process-knowledge work.
 */
export class KnowledgeService {
  constructor(private readonly deps: KnowledgeServiceDeps) {}

  /** Drops the cached graph index and strengths; call on every graph change. */
  invalidate(): void {}

  settings(): StrengthSettings {
    throw todo();
  }
  updateSettings(_settings: StrengthSettings): StrengthSettings {
    throw todo();
  }
  itemStrengths(_ids?: string[]): ItemStrength[] {
    throw todo();
  }
  stepStrengths(_processId?: string): StepStrength[] {
    throw todo();
  }
  gaps(_processId?: string): GapRow[] {
    throw todo();
  }
  processes(): ProcessSummary[] {
    throw todo();
  }
  createProcess(_input: {
    label: string;
    aliases?: string[];
    ownerUnit?: string;
    steps?: string[];
  }): { processId: string; stepIds: string[]; change: GraphChange } {
    throw todo();
  }
  pipeline(_processId: string): Pipeline {
    throw todo();
  }
  stepDetail(_stepId: string): StepDetail {
    throw todo();
  }
  editProcess(_processId: string, _edits: ProcessEdit[]): { addedStepIds: string[]; change: GraphChange } {
    throw todo();
  }
  matrix(_processId: string, _rows: 'all' | 'templates'): StepMatrix {
    throw todo();
  }
  setCell(_stepId: string, _knowledgeId: string, _cell: MatrixCell): { cell: MatrixCell; change: GraphChange | null } {
    throw todo();
  }
  journey(_processId: string): JourneyMap {
    throw todo();
  }
}

function todo(): WellspringError {
  return new WellspringError('unsupported', 'Not built yet.');
}
