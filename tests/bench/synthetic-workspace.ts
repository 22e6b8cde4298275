/**
 * Synthetic workspaces for benchmarks: a deterministic graph of `size` nodes with about two edges per node and a
 * stored position on every node, written with the real core (openWorkspaceDb: schema, migrations, pragmas) and
 * raw prepared INSERTs in one transaction (GraphStore.addNode would record undo history and take minutes).
 *
 * Kinds follow a realistic mix (mostly knowledge items, then experts, steps, competencies, categories, a few
 * processes, terms and units) and every edge kind is allowed by EDGE_RULES for its ends. Nodes sit on a jittered
 * grid and link to nearby nodes, so the map looks like a real one and "fit to screen" is meaningful.
 */
import { GraphStore } from '../../main/core/graph/graph-store';
import { mulberry32 } from '../../main/core/analytics/seeded-random';
import { openWorkspaceDb } from '../../main/core/db/workspace-db';
import {
  DEFAULT_NODE_PROPS,
  MAP_VIEW_ID,
  allowedEdgeKinds,
  type EdgeKind,
  type GraphDto,
  type NodeKind,
} from '../../preload/contract';

/** Share of each node kind (the rest of the rounding goes to knowledge items). */
const KIND_MIX: ReadonlyArray<readonly [NodeKind, number]> = [
  ['expert', 0.08],
  ['step', 0.07],
  ['competency', 0.05],
  ['category', 0.05],
  ['process', 0.01],
  ['term', 0.01],
  ['unit', 0.01],
];

/** Grid pitch in model px; the app's nodes are 24–44 px wide with a label below. */
const PITCH = 90;

/** Business topics the synthetic labels are made of (also the filler words of the evidence bench's pages). */
export const TOPICS = [
  '客户',
  '供应商',
  '质量',
  '安全',
  '设备',
  '财务',
  '采购',
  '库存',
  '生产',
  '售后',
  '合同',
  '培训',
];
/** Kinds of document or know-how the synthetic labels name (topic + thing: 客户拜访记录 …). */
export const THINGS = [
  '拜访记录',
  '操作规程',
  '检查清单',
  '故障案例',
  '培训手册',
  '报价模板',
  '经验总结',
  '审批流程',
];
const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴'];
const GIVEN = ['伟', '芳', '娜', '敏', '静', '磊', '洋', '勇', '艳', '杰'];

/** A small seeded PRNG (mulberry32, the analytics' own), so every run benchmarks the same graph. */
const prng = mulberry32;

/** A UUID-shaped id (the app's ids are UUIDs), drawn from the PRNG. */
function fakeUuid(rnd: () => number): string {
  let hex = '';
  for (let i = 0; i < 32; i++) hex += Math.floor(rnd() * 16).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20)}`;
}

function pick<T>(rnd: () => number, list: readonly T[]): T {
  return list[Math.floor(rnd() * list.length)]!;
}

function labelFor(kind: NodeKind, i: number, rnd: () => number): string {
  switch (kind) {
    case 'expert':
      return `${pick(rnd, SURNAMES)}${pick(rnd, GIVEN)}${rnd() < 0.5 ? pick(rnd, GIVEN) : ''}`;
    case 'step':
      return `步骤 ${i}：${pick(rnd, TOPICS)}审核`;
    case 'process':
      return `${pick(rnd, TOPICS)}管理流程 ${i}`;
    case 'competency':
      return `${pick(rnd, TOPICS)}能力 ${i}`;
    case 'category':
      return `${pick(rnd, TOPICS)}类 ${i}`;
    case 'term':
      return `术语 ${i}`;
    case 'unit':
      return `${pick(rnd, TOPICS)}部 ${i}`;
    default:
      return `${pick(rnd, TOPICS)}${pick(rnd, THINGS)} ${i}`;
  }
}

function propsFor(kind: NodeKind, i: number, rnd: () => number): Record<string, unknown> {
  switch (kind) {
    case 'knowledge':
      return {
        form: rnd() < 0.3 ? 'tacit' : 'explicit',
        existence: pick(rnd, ['document', 'template', 'system', 'case', 'training', 'person'] as const),
        status: 'active',
        confidentiality: 'internal',
        importance: 1 + Math.floor(rnd() * 3),
      };
    case 'expert':
      return { attritionRisk: 1 + Math.floor(rnd() * 5), department: `${pick(rnd, TOPICS)}部` };
    case 'step':
      return { order: 1 + (i % 12) };
    default:
      return DEFAULT_NODE_PROPS[kind];
  }
}

/**
 * Creates `file` (which must not exist) as a workspace of `size` nodes and about `2 × size` edges, all with
 * stored positions. Returns the graph exactly as the app's `graph:get` reads it back.
 */
export function createSyntheticWorkspace(file: string, size: number, seed = 20_240_601): GraphDto {
  const rnd = prng(seed ^ size);
  const kinds: NodeKind[] = [];
  for (const [kind, share] of KIND_MIX) {
    for (let i = 0; i < Math.max(1, Math.round(size * share)); i++) kinds.push(kind);
  }
  while (kinds.length < size) kinds.push('knowledge');
  kinds.length = size;
  for (let i = kinds.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [kinds[i], kinds[j]] = [kinds[j]!, kinds[i]!];
  }

  // A jittered grid about 1.6 times wider than tall (the map canvas is landscape).
  const cols = Math.ceil(Math.sqrt(size * 1.6));
  const ids = kinds.map(() => fakeUuid(rnd));
  const { db } = openWorkspaceDb(file, { create: true });
  try {
    const now = new Date().toISOString();
    const insertNode = db.prepare(
      `INSERT INTO nodes (id, kind, label, aliases, description, tags, props, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    // Positions belong to a view (migration 0004); the knowledge map is the view created with the schema.
    const insertPosition = db.prepare(
      'INSERT INTO view_positions (view_id, node_id, x, y) VALUES (?, ?, ?, ?)',
    );
    const insertEdge = db.prepare(
      'INSERT INTO edges (id, kind, source, target, props, created_at) VALUES (?, ?, ?, ?, ?, ?)',
    );
    db.transaction(() => {
      kinds.forEach((kind, i) => {
        const x = (i % cols) * PITCH + (rnd() - 0.5) * PITCH * 0.6;
        const y = Math.floor(i / cols) * PITCH + (rnd() - 0.5) * PITCH * 0.6;
        const tags = kind === 'knowledge' ? [pick(rnd, TOPICS)] : [];
        insertNode.run(
          ids[i]!,
          kind,
          labelFor(kind, i + 1, rnd),
          '[]',
          '',
          JSON.stringify(tags),
          JSON.stringify(propsFor(kind, i, rnd)),
          now,
          now,
        );
        insertPosition.run(MAP_VIEW_ID, ids[i]!, Math.round(x * 10) / 10, Math.round(y * 10) / 10);
      });
      // Two edges from every node to a node at most three cells away, of a kind EDGE_RULES allows.
      const seen = new Set<string>();
      for (let i = 0; i < size; i++) {
        for (let made = 0, tries = 0; made < 2 && tries < 12; tries++) {
          const dx = Math.floor(rnd() * 7) - 3;
          const dy = Math.floor(rnd() * 7) - 3;
          const col = (i % cols) + dx;
          const j = i + dy * cols + dx;
          if ((dx === 0 && dy === 0) || col < 0 || col >= cols || j < 0 || j >= size) continue;
          // Prefer a specific kind in whichever direction the rules allow one; fall back to `related`.
          const forward = allowedEdgeKinds(kinds[i]!, kinds[j]!).filter((k) => k !== 'related');
          const backward = allowedEdgeKinds(kinds[j]!, kinds[i]!).filter((k) => k !== 'related');
          let [source, target, kind]: [number, number, EdgeKind] = [i, j, 'related'];
          if (rnd() < 0.75 && forward.length) kind = pick(rnd, forward);
          else if (rnd() < 0.75 && backward.length) [source, target, kind] = [j, i, pick(rnd, backward)];
          const key = `${kind} ${source} ${target}`;
          if (seen.has(key)) continue;
          seen.add(key);
          insertEdge.run(
            fakeUuid(rnd),
            kind,
            ids[source]!,
            ids[target]!,
            kind === 'knows' ? JSON.stringify({ proficiency: 1 + Math.floor(rnd() * 5) }) : '{}',
            now,
          );
          made++;
        }
      }
      db.prepare("INSERT OR REPLACE INTO meta (key, value) VALUES ('name', ?)").run(`Benchmark ${size}`);
    })();
    return new GraphStore(db).getGraph();
  } finally {
    db.close();
  }
}

/** A Cytoscape element definition as plain JSON (what the baseline page fetches). */
export interface ElementJson {
  group: 'nodes' | 'edges';
  data: Record<string, string | number | undefined>;
  position?: { x: number; y: number };
}

/**
 * The graph as Cytoscape elements at the stored positions, with the data the app's stylesheet reads: kind, label
 * and knowledge form (as GraphEngine.nodeData gives them).
 */
export function toCytoscapeElements(graph: GraphDto): ElementJson[] {
  return [
    ...graph.nodes.map((n): ElementJson => ({
      group: 'nodes',
      data: {
        id: n.id,
        label: n.label,
        kind: n.kind,
        form: n.kind === 'knowledge' ? (n.props.form as string) : undefined,
      },
      position: { x: n.x ?? 0, y: n.y ?? 0 },
    })),
    ...graph.edges.map((e): ElementJson => ({
      group: 'edges',
      data: { id: e.id, source: e.source, target: e.target, kind: e.kind },
    })),
  ];
}
