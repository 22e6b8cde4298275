import path from 'node:path';
import type Database from 'better-sqlite3';
import type { GraphDto } from '../../../../preload/contract';
import { KnowledgeService } from '../../../../main/core/processes/knowledge-service';
import { openWorkspaceDb } from '../../../../main/core/db/workspace-db';
import { LibraryStore } from '../../../../main/core/documents/library-store';
import { GraphStore } from '../../../../main/core/graph/graph-store';
import { seedSample } from '../../../../main/core/sample/seed-sample';
import { DEFAULT_STRENGTH_SETTINGS } from '../../../../main/core/analytics/strength-settings';
import { buildGraphIndex, type GraphIndex } from '../../../../main/core/analytics/graph-index';
import { edge, node, tempDir } from '../../helpers';

/** The day every hand computation below is made on. */
export const TODAY = '2027-01-10';
export const SETTINGS = DEFAULT_STRENGTH_SETTINGS;

const item = (form: string, existence: string, importance: number, reviewDue?: string) => ({
  form,
  existence,
  status: 'active',
  confidentiality: 'internal',
  importance,
  ...(reviewDue ? { reviewDue } : {}),
});

/**
 * A process P with four steps and four knowledge items, strengths computed by hand with the default settings
 * (weights D 40, H 30, O 10, F 20; targetHolders 2; horizon 365) on 2027-01-10:
 *
 * - K1 explicit/document, imp 3, review 2027-06-01, documented by D1, known by E1 (4) and E2 (5), owned by E1:
 *   D 1, H min(1, (0.8 + 1) / 2) = 0.9, O 1, F 1 → (40 + 27 + 10 + 20) = 97 (strong)
 * - K2 tacit/person, imp 1, no review, nobody: D 0, H 0, O 0, F 0.5 → 10 (weak)
 * - K3 explicit/system, imp 2, review 2026-10-12 (90 days overdue), known by E1 (3): D 0.3, H 0.3, O 0,
 *   F 1 − 90/365 = 0.7534 → 12 + 9 + 15.07 = 36.07 → 36 (weak)
 * - K4 explicit/template, imp 2, review 2025-01-10 (730 days overdue), documented by D1, owned by E2:
 *   D 1, H 0, O 1, F 0 → 50 (medium)
 *
 * Steps: S1 (order 1) requires K1 (edge without importance → item's 3) and K2 (edge importance 2):
 * (3·97 + 2·10) / 5 = 62.2 → 62. S2 (order 2) requires K3 twice (importance 1 and 3 → 3) and K4 (→ 2):
 * (3·36 + 2·50) / 5 = 41.6 → 42. S3 (order 3) requires nothing → null. S4 (order 2, a parallel branch) requires
 * K1 only → 97. S1 produces K3, S2 produces K4; S3 requires nothing. next: S1→S2, S1→S4, S2→S3, S4→S3.
 * E1 attrition 4, available; E2 attrition 2, limited; E3 (designated on S2, knows nothing) attrition 1.
 */
export function processGraph(): GraphDto {
  return {
    nodes: [
      node('P', 'process', { ownerUnit: 'Sales' }),
      node('S1', 'step', { order: 1, phase: 'Plan' }),
      node('S2', 'step', { order: 2, phase: 'Do', responsibleRole: 'Designer' }),
      node('S3', 'step', { order: 3 }),
      node('S4', 'step', { order: 2, phase: 'Do' }),
      node('K1', 'knowledge', item('explicit', 'document', 3, '2027-06-01')),
      node('K2', 'knowledge', item('tacit', 'person', 1)),
      node('K3', 'knowledge', item('explicit', 'system', 2, '2026-10-12')),
      node('K4', 'knowledge', item('explicit', 'template', 2, '2025-01-10')),
      node('E1', 'expert', { attritionRisk: 4, availability: 'available' }),
      node('E2', 'expert', { attritionRisk: 2, availability: 'limited' }),
      node('E3', 'expert', { attritionRisk: 1 }),
      node('D1', 'document', { path: '/docs/sop.pdf' }),
    ],
    edges: [
      edge('S1', 'P', 'part_of'),
      edge('S2', 'P', 'part_of'),
      edge('S3', 'P', 'part_of'),
      edge('S4', 'P', 'part_of'),
      edge('S1', 'S2', 'next'),
      edge('S1', 'S4', 'next'),
      edge('S2', 'S3', 'next'),
      edge('S4', 'S3', 'next'),
      edge('S1', 'K1', 'requires'),
      edge('S1', 'K2', 'requires', { importance: 2 }),
      edge('S2', 'K3', 'requires', { importance: 1 }),
      edge('S2', 'K3', 'requires', { importance: 3 }),
      edge('S2', 'K4', 'requires'),
      edge('S4', 'K1', 'requires'),
      edge('S1', 'K3', 'produces'),
      edge('S2', 'K4', 'produces'),
      edge('S2', 'E3', 'consults'),
      edge('E1', 'K1', 'knows', { proficiency: 4 }),
      edge('E2', 'K1', 'knows', { proficiency: 5 }),
      edge('E1', 'K3', 'knows', { proficiency: 3 }),
      edge('E1', 'K1', 'owns'),
      edge('E2', 'K4', 'owns'),
      edge('K1', 'D1', 'documented_by', { page: 3 }),
      edge('K4', 'D1', 'documented_by'),
      edge('K3', 'S2', 'learned_at'),
      edge('K2', 'P', 'learned_at'),
    ],
  };
}

/** The index of processGraph(). */
export function processIndex(): GraphIndex {
  return buildGraphIndex(processGraph());
}

/**
 * A real workspace database (temporary file) with a KnowledgeService on it: empty, or seeded with the bundled
 * sample. `events` collects what the service emits.
 */
export interface KnowledgeFixture {
  file: string;
  db: Database.Database;
  store: GraphStore;
  library: LibraryStore;
  knowledge: KnowledgeService;
  events: string[];
  counts: Map<string, number>;
  make: () => KnowledgeService;
  close: () => void;
}

export function openKnowledge(options: { sample?: boolean; today?: string } = {}): KnowledgeFixture {
  const file = path.join(tempDir(), 'w.wellspring');
  const { db } = openWorkspaceDb(file, { create: true });
  if (options.sample) seedSample(db);
  const store = new GraphStore(db);
  const library = new LibraryStore(db);
  const events: string[] = [];
  const counts = new Map<string, number>();
  const make = () =>
    new KnowledgeService({
      db,
      store,
      library,
      candidateCounts: () => counts,
      today: () => options.today ?? TODAY,
      emit: (event) => events.push(event),
    });
  const knowledge = make();
  store.onDidChange(() => knowledge.invalidate());
  return { file, db, store, library, knowledge, events, counts, make, close: () => db.close() };
}
