import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { afterEach } from 'vitest';
import type { AarSubmission, ApprenticeSubmission, GraphDto } from '../../../../preload/contract';
import { CaptureService } from '../../../../main/core/capture/capture-service';
import { metaOfDb } from '../../../../main/core/db/meta-table';
import { openWorkspaceDb } from '../../../../main/core/db/workspace-db';
import { GraphStore } from '../../../../main/core/graph/graph-store';
import { seedSample } from '../../../../main/core/sample/seed-sample';
import { fixture, tempDir } from '../../helpers';

const open: Database.Database[] = [];
afterEach(() => {
  for (const db of open.splice(0)) db.close();
});

/** The id the sample seeds for its key (seed-sample.ts: `sample:<key>`). */
export const sid = (key: string) => `sample:${key}`;

/** A sample workspace open for one test. */
export interface SampleWorkspace {
  db: Database.Database;
  file: string;
  store: GraphStore;
  service: CaptureService;
  newId: () => string;
}

/**
 * A fresh workspace file seeded with the bundled sample, its store, and a CaptureService whose new node ids are
 * `new-1`, `new-2`, … in the order the planner asks for them.
 */
export function openSample(): SampleWorkspace {
  const file = path.join(tempDir(), 'capture.wellspring');
  const { db } = openWorkspaceDb(file, { create: true });
  open.push(db);
  seedSample(db);
  const store = new GraphStore(db);
  let n = 0;
  const newId = () => `new-${++n}`;
  const service = new CaptureService({ store, meta: metaOfDb(db), newId });
  return { db, file, store, service, newId };
}

interface AarFixture {
  targetKey: string;
  date: string;
  participantKeys: string[];
  ownerKey: string;
  values: AarSubmission['values'];
}
interface ApprenticeFixture {
  targetKey: string;
  date: string;
  masterKey: string;
  apprenticeKey: string;
  values: ApprenticeSubmission['values'];
}

const read = <T>(name: string): T => JSON.parse(fs.readFileSync(fixture(`capture/${name}`), 'utf8')) as T;

/** fixtures/capture/aar-spring-launch.json as a submission (sample keys turned into ids). */
export function springLaunchAar(): AarSubmission {
  const f = read<AarFixture>('aar-spring-launch.json');
  return {
    targetId: sid(f.targetKey),
    date: f.date,
    participantIds: f.participantKeys.map(sid),
    ownerId: sid(f.ownerKey),
    values: f.values,
  };
}

/** fixtures/capture/apprentice-cutting.json as a submission. */
export function cuttingRecord(): ApprenticeSubmission {
  const f = read<ApprenticeFixture>('apprentice-cutting.json');
  return {
    targetId: sid(f.targetKey),
    date: f.date,
    masterId: sid(f.masterKey),
    apprenticeId: sid(f.apprenticeKey),
    values: f.values,
  };
}

/** What the graph holds, without timestamps and in a stable order (to compare before / after). */
export function content(store: GraphStore): unknown {
  const g: GraphDto = store.getGraph();
  return {
    nodes: g.nodes.map((n) => JSON.stringify([n.id, n.kind, n.label, n.description, n.tags, n.props])).sort(),
    edges: g.edges.map((e) => JSON.stringify([e.id, e.kind, e.source, e.target, e.props])).sort(),
  };
}

/** Runs `fn` and answers the WellspringError it throws as plain values (fails when it does not throw). */
export function caught(fn: () => unknown): { code: string; key?: string; path: unknown; params?: unknown } {
  try {
    fn();
  } catch (e) {
    const w = e as { code: string; key?: string; path: unknown; params?: unknown };
    return { code: w.code, key: w.key, path: w.path, params: w.params };
  }
  throw new Error('expected an error');
}
