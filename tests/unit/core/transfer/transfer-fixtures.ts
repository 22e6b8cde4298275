import fs from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import type { GraphDto, GraphOp } from '../../../../preload/contract';
import { openWorkspaceDb } from '../../../../main/core/db/workspace-db';
import { GraphStore } from '../../../../main/core/graph/graph-store';
import { WorkspaceService } from '../../../../main/core/workspace/workspace-service';
import { fixture, tempDir } from '../../helpers';

/** A record of the Debian team/package fixture (fixtures/transfer/README.md). */
export interface DebianRecord {
  team: string;
  package: string;
  section: string;
  homepage: string;
  debtags: string;
  short_description: string;
  description_zh_CN: string;
  long_description_zh_CN: string;
}

/** The 40 records of the fixture, parsed with papaparse. */
export function debianRecords(): DebianRecord[] {
  const text = fs.readFileSync(fixture('transfer/debian_team_packages_zh.head40.csv'), 'utf8');
  return Papa.parse<DebianRecord>(text, { header: true, skipEmptyLines: true }).data;
}

/**
 * A real workspace made from the Debian fixture through the write path: each team an organisational unit, each
 * package a knowledge item (label: its Chinese name, alias: the package name, description: the Chinese long
 * description, tags: its debtags), `related` to its team with the homepage as note, placed on the map in a grid
 * (the first ten unplaced). Returns the graph as GraphStore.getGraph() reads it.
 */
export function debianGraph(): GraphDto {
  const { db } = openWorkspaceDb(path.join(tempDir(), 'debian.wellspring'), { create: true });
  try {
    const store = new GraphStore(db);
    const records = debianRecords();
    const ops: GraphOp[] = [];
    const teams = [...new Set(records.map((r) => r.team))];
    teams.forEach((team, i) =>
      ops.push({
        op: 'addNode',
        id: `team-${i}`,
        node: { kind: 'unit', label: team, props: { unitType: 'department' } },
      }),
    );
    records.forEach((r, i) => {
      ops.push({
        op: 'addNode',
        id: `pkg-${r.package}`,
        node: {
          kind: 'knowledge',
          label: r.description_zh_CN,
          aliases: [r.package, r.short_description],
          description: r.long_description_zh_CN,
          tags: r.debtags ? r.debtags.split(' | ').slice(0, 100) : [],
          props: {
            form: 'explicit',
            existence: 'document',
            status: 'active',
            confidentiality: 'public',
            importance: (i % 3) + 1,
          },
          ...(i >= 10 ? { x: (i % 8) * 160.5, y: Math.floor(i / 8) * -120.25 } : {}),
        },
      });
      ops.push({
        op: 'addEdge',
        id: `rel-${i}`,
        edge: {
          kind: 'related',
          source: `pkg-${r.package}`,
          target: `team-${teams.indexOf(r.team)}`,
          props: { note: r.homepage },
        },
      });
    });
    store.apply(ops);
    return store.getGraph();
  } finally {
    db.close();
  }
}

/**
 * A new sample workspace (DESIGN §6) arranged as a user's would be: every node placed on the knowledge map (the
 * bundled sample has no positions), a saved view with its filters, camera and positions of 30 nodes, and a process
 * view of the sales process with its own positions. The caller shuts it down.
 */
export function arrangedSample(): WorkspaceService {
  const dir = tempDir();
  const ws = new WorkspaceService(path.join(dir, 'data'), 'node', { watch: false });
  ws.open(path.join(dir, 'sample.wellspring'), { create: true, sample: true });
  const nodes = ws.store.getGraph().nodes;
  ws.store.savePositions(
    'map',
    nodes.map((n, i) => ({ id: n.id, x: (i % 20) * 160.25, y: Math.floor(i / 20) * -90.5 })),
    'layout',
  );
  const saved = ws.views.create({
    kind: 'saved',
    name: '销售阶段的知识',
    filters: { kinds: ['knowledge', 'step'], tags: ['销售'] },
    layout: { name: 'fcose', quality: 'draft' },
    camera: { zoom: 1.25, pan: { x: 40, y: -12.5 } },
  });
  ws.store.savePositions(
    saved.id,
    nodes.slice(0, 30).map((n, i) => ({ id: n.id, x: i * 33.3, y: 1000 - i })),
  );
  const process = ws.views.create({
    kind: 'process',
    name: '团体定制销售流程',
    layout: { processId: 'sample:pr-sales' },
  });
  ws.store.savePositions(process.id, [{ id: 'sample:pr-sales', x: 0, y: 0 }]);
  return ws;
}
