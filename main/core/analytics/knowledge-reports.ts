/**
 * The reports of the knowledge views in one pass, as the views' services compute them: the composition the
 * analytics worker runs (metrics-worker.ts) and the main-thread baseline of the analytics benchmark. It sits above
 * the services (main/core/processes, experts, inventory, competencies) on purpose: the worker must give the very
 * numbers the main thread's services give, so it runs the same code on its own read-only connection.
 */
import type Database from 'better-sqlite3';
import type {
  CompetencyRadar,
  CompetencyTree,
  ExpertRow,
  GapRow,
  InventorySummary,
  InventoryTrend,
  ItemStrength,
  ProcessSummary,
  ProficiencyHeatmap,
  RiskRow,
  StepStrength,
} from '../../../preload/contract';
import { CompetencyService } from '../competencies/competency-service';
import { LibraryStore } from '../documents/library-store';
import { ExpertService } from '../experts/expert-service';
import { GraphStore } from '../graph/graph-store';
import { DEFAULT_TREND_WEEKS, InventoryService } from '../inventory/inventory-service';
import { KnowledgeService } from '../processes/knowledge-service';
import type { SearchService } from '../search/search-service';

/** The names of the parts of KnowledgeReports, in the order they are computed. */
export const REPORT_PARTS = [
  'index',
  'itemStrengths',
  'stepStrengths',
  'processes',
  'gaps',
  'risk',
  'directory',
  'heatmap',
  'inventory',
  'inventoryTrend',
  'competencyTree',
  'competencyRadar',
] as const;
export type ReportPart = (typeof REPORT_PARTS)[number];

/**
 * Every report the knowledge views ask for without an argument, for one graph, strength settings and day. Each
 * field is what the channel of the same meaning answers (`strength:items` {}, `strength:steps` {},
 * `processes:list`, `strength:gaps` {}, `experts:risk`, `experts:directory`, `experts:heatmap`,
 * `inventory:summary`, `inventory:trend` {weeks: 26}, `competencies:tree`, `competencies:radar`).
 */
export interface KnowledgeReports {
  itemStrengths: ItemStrength[];
  stepStrengths: StepStrength[];
  processes: ProcessSummary[];
  gaps: GapRow[];
  risk: RiskRow[];
  directory: ExpertRow[];
  heatmap: ProficiencyHeatmap;
  inventory: InventorySummary;
  inventoryTrend: InventoryTrend;
  competencyTree: CompetencyTree;
  competencyRadar: CompetencyRadar;
  /** Milliseconds each part took (`index`: reading the graph and building its GraphIndex), wall clock. */
  partMs: Record<ReportPart, number>;
  /** Wall-clock milliseconds of the whole computation. */
  tookMs: number;
}

/** What computeKnowledgeReports reads. */
export interface KnowledgeReportsInput {
  /** A connection to the workspace (read-only is enough: nothing is written). */
  db: Database.Database;
  /** Today as YYYY-MM-DD, the day the main thread's services use (strength freshness, attrition, trend). */
  today: string;
  /** Evidence-finder proposal counts per knowledge item id (the main thread's EvidenceService.candidateCounts()). */
  candidateCounts: Readonly<Record<string, number>>;
}

/**
 * Computes KnowledgeReports with the views' own services (KnowledgeService, ExpertService, InventoryService,
 * CompetencyService) over `db`, inside one read transaction so that every part sees one snapshot of the graph even
 * while the app writes (WAL). Cost at 50k nodes: a few seconds in all, dominated by the graph read and index build,
 * the strengths and the directory (see `npm run bench:analytics`); run it in the analytics worker.
 * @throws whatever the services throw on a damaged file (SqliteError); never for a well-formed workspace
 */
export function computeKnowledgeReports(input: KnowledgeReportsInput): KnowledgeReports {
  const started = performance.now();
  const { db } = input;
  const store = new GraphStore(db);
  const today = () => input.today;
  const counts = new Map(Object.entries(input.candidateCounts));
  const knowledge = new KnowledgeService({
    db,
    store,
    library: new LibraryStore(db),
    candidateCounts: () => counts,
    today,
  });
  // The locator is the one ExpertService read that searches; no report here calls it.
  const noSearch = {} as SearchService;
  const experts = new ExpertService({ db, store, knowledge, search: noSearch, today });
  const inventory = new InventoryService({ db, store, knowledge, today });
  const competencies = new CompetencyService({ store, knowledge, today });

  const partMs = {} as Record<ReportPart, number>;
  const timed = <T>(part: ReportPart, f: () => T): T => {
    const t0 = performance.now();
    const value = f();
    partMs[part] = performance.now() - t0;
    return value;
  };
  const read = db.inTransaction ? null : db.prepare('BEGIN');
  read?.run();
  try {
    timed('index', () => knowledge.index());
    const reports: Omit<KnowledgeReports, 'partMs' | 'tookMs'> = {
      itemStrengths: timed('itemStrengths', () => knowledge.itemStrengths()),
      stepStrengths: timed('stepStrengths', () => knowledge.stepStrengths()),
      processes: timed('processes', () => knowledge.processes()),
      gaps: timed('gaps', () => knowledge.gaps()),
      risk: timed('risk', () => experts.risk()),
      directory: timed('directory', () => experts.directory()),
      heatmap: timed('heatmap', () => experts.heatmap()),
      inventory: timed('inventory', () => inventory.summary()),
      inventoryTrend: timed('inventoryTrend', () => inventory.trend(DEFAULT_TREND_WEEKS)),
      competencyTree: timed('competencyTree', () => competencies.tree()),
      competencyRadar: timed('competencyRadar', () => competencies.radar()),
    };
    return { ...reports, partMs, tookMs: performance.now() - started };
  } finally {
    if (read) db.prepare('COMMIT').run();
  }
}
