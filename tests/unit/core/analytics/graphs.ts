import { bundledSample } from '../../../../main/core/sample/seed-sample';
import type { EdgeDto, GraphDto } from '../../../../preload/contract';
import { edge, node } from '../../helpers';

export { edge, node } from '../../helpers';

/** A graph of `related` edges written as "a-b b-c …", nodes in order of first mention (all knowledge items). */
export function undirected(spec: string): GraphDto {
  const ids: string[] = [];
  const edges: EdgeDto[] = [];
  for (const pair of spec.trim().split(/\s+/)) {
    const [s, t] = pair.split('-') as [string, string];
    for (const id of [s, t]) if (!ids.includes(id)) ids.push(id);
    edges.push(edge(s, t));
  }
  return { nodes: ids.map((id) => node(id)), edges };
}

/** Every pair of `ids` joined, as an undirected() spec: the complete graph K_n. */
export function clique(ids: string[]): string {
  return ids.flatMap((a, i) => ids.slice(i + 1).map((b) => `${a}-${b}`)).join(' ');
}

/**
 * A small process with its knowledge (DESIGN §3 kinds, every edge allowed by EDGE_RULES):
 *
 *   S1 —part_of→ P ←part_of— S2,  S1 —next→ S2,  S1 —requires→ K1,  S2 —requires→ K1,  S2 —requires→ K2,
 *   S2 —consults→ E1,  E1 —knows(4)→ K1,  E1 —owns→ K1,  K1 —documented_by(p.3)→ D1,  K2 —supports(0.5)→ C1
 */
export function smallProcess(): GraphDto {
  return {
    nodes: [
      node('P', 'process', {}),
      node('S1', 'step', { order: 1 }),
      node('S2', 'step', { order: 2, responsibleRole: 'sales rep' }),
      node('K1', 'knowledge', {
        form: 'explicit',
        existence: 'document',
        status: 'active',
        confidentiality: 'internal',
        importance: 3,
      }),
      node('K2', 'knowledge', {
        form: 'tacit',
        existence: 'person',
        status: 'active',
        confidentiality: 'internal',
        importance: 1,
      }),
      node('E1', 'expert', { attritionRisk: 4 }),
      node('D1', 'document', { path: '/docs/sop.pdf' }),
      node('C1', 'competency', { level: 'sub', target: 3 }),
    ],
    edges: [
      edge('S1', 'P', 'part_of'),
      edge('S2', 'P', 'part_of'),
      edge('S1', 'S2', 'next'),
      edge('S1', 'K1', 'requires'),
      edge('S2', 'K1', 'requires'),
      edge('S2', 'K2', 'requires'),
      edge('S2', 'E1', 'consults'),
      edge('E1', 'K1', 'knows', { proficiency: 4 }),
      edge('E1', 'K1', 'owns'),
      edge('K1', 'D1', 'documented_by', { page: 3 }),
      edge('K2', 'C1', 'supports', { weight: 0.5 }),
    ],
  };
}

/** The bundled sample workspace as a GraphDto, keys as ids, without a database: its real topology. */
export function sampleGraph(): GraphDto {
  const s = bundledSample();
  return {
    nodes: s.nodes.map((n) => node(n.key, n.kind)),
    edges: s.edges.map((e) => edge(e.source, e.target, e.kind)),
  };
}
