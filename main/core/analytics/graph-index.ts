import type { z } from 'zod';
import type {
  EDGE_PROPS,
  EdgeDto,
  EdgeKind,
  GraphDto,
  NodeDto,
  NodeKind,
  NodePropsOf,
} from '../../../preload/contract';

/** Props of an edge of kind `K` (EDGE_PROPS[K]), e.g. `{ proficiency: 1…5 }` for `knows`. */
export type EdgePropsOf<K extends EdgeKind> = z.infer<(typeof EDGE_PROPS)[K]>;

/** An edge of kind `K` with its props typed for that kind. The same object as in the GraphDto, not a copy. */
export type EdgeRecord<K extends EdgeKind = EdgeKind> = Omit<EdgeDto, 'kind' | 'props'> & {
  kind: K;
  props: EdgePropsOf<K>;
};

const NONE: readonly never[] = Object.freeze([]);

/**
 * Read-only lookups over one GraphDto, built once per graph change in O(nodes + edges) and shared by every
 * measure, so no measure scans the edge list again.
 *
 * Edges whose source or target is not among the graph's nodes (a graph cut by a caller) are left out, so
 * every measure sees the same consistent graph. Props are the ones the store validated against NODE_PROPS /
 * EDGE_PROPS on write; the index types them by kind without validating them a second time.
 */
export class GraphIndex {
  /** The graph the index was built from (not copied: do not mutate it). */
  readonly graph: GraphDto;
  /** Edges kept (both ends present), in graph order. */
  readonly edges: readonly EdgeDto[];
  private readonly byId = new Map<string, NodeDto>();
  private readonly byKind = new Map<NodeKind, string[]>();
  private readonly outByKind = new Map<string, Map<EdgeKind, EdgeDto[]>>();
  private readonly inByKind = new Map<string, Map<EdgeKind, EdgeDto[]>>();
  private readonly incident = new Map<string, EdgeDto[]>();
  private readonly adjacent = new Map<string, Set<string>>();

  constructor(graph: GraphDto) {
    this.graph = graph;
    for (const n of graph.nodes) {
      this.byId.set(n.id, n);
      push(this.byKind, n.kind, n.id);
    }
    const edges: EdgeDto[] = [];
    for (const e of graph.edges) {
      if (!this.byId.has(e.source) || !this.byId.has(e.target)) continue;
      edges.push(e);
      pushByKind(this.outByKind, e.source, e);
      pushByKind(this.inByKind, e.target, e);
      push(this.incident, e.source, e);
      // The store refuses self-loops (addEdge); one that arrives anyway counts once and adds no neighbour.
      if (e.target !== e.source) {
        push(this.incident, e.target, e);
        addTo(this.adjacent, e.source, e.target);
        addTo(this.adjacent, e.target, e.source);
      }
    }
    this.edges = edges;
  }

  /** Number of nodes. */
  get nodeCount(): number {
    return this.byId.size;
  }

  /** True when the graph has a node with this id. */
  has(id: string): boolean {
    return this.byId.has(id);
  }

  /** The node with this id, or null. */
  node(id: string): NodeDto | null {
    return this.byId.get(id) ?? null;
  }

  /** The kind of the node with this id, or null when there is no such node. */
  kindOf(id: string): NodeKind | null {
    return this.byId.get(id)?.kind ?? null;
  }

  /** Ids of every node of one kind, in graph order (empty when none). */
  idsOfKind(kind: NodeKind): readonly string[] {
    return this.byKind.get(kind) ?? NONE;
  }

  /** The props of node `id` typed for `kind`, or null when the node is missing or of another kind. */
  propsOf<K extends NodeKind>(id: string, kind: K): NodePropsOf<K> | null {
    const n = this.byId.get(id);
    return n && n.kind === kind ? (n.props as NodePropsOf<K>) : null;
  }

  /** Props of a knowledge item (form, existence, importance 1–3, …), or null when `id` is not one. */
  knowledgeProps(id: string): NodePropsOf<'knowledge'> | null {
    return this.propsOf(id, 'knowledge');
  }

  /** Props of an expert (attritionRisk 1–5, department, …), or null when `id` is not one. */
  expertProps(id: string): NodePropsOf<'expert'> | null {
    return this.propsOf(id, 'expert');
  }

  /** Props of a process step (order ≥ 1, responsibleRole, phase), or null when `id` is not one. */
  stepProps(id: string): NodePropsOf<'step'> | null {
    return this.propsOf(id, 'step');
  }

  /** Props of a competency (level core / capability / sub, target 1–5), or null when `id` is not one. */
  competencyProps(id: string): NodePropsOf<'competency'> | null {
    return this.propsOf(id, 'competency');
  }

  /** Edges of kind `kind` leaving `id` (id is the source), in graph order; empty for an unknown id. */
  out<K extends EdgeKind>(id: string, kind: K): readonly EdgeRecord<K>[] {
    return (this.outByKind.get(id)?.get(kind) ?? NONE) as readonly EdgeRecord<K>[];
  }

  /** Edges of kind `kind` arriving at `id` (id is the target), in graph order; empty for an unknown id. */
  in<K extends EdgeKind>(id: string, kind: K): readonly EdgeRecord<K>[] {
    return (this.inByKind.get(id)?.get(kind) ?? NONE) as readonly EdgeRecord<K>[];
  }

  /** Every edge touching `id`, any kind and direction, in graph order. */
  incidentEdges(id: string): readonly EdgeDto[] {
    return this.incident.get(id) ?? NONE;
  }

  /** Distinct neighbour ids of `id`, edges followed both ways, in order of first edge. */
  neighbours(id: string): readonly string[] {
    const s = this.adjacent.get(id);
    return s ? [...s] : NONE;
  }

  /** Neighbour ids as a live set (no copy), for hot loops such as breadth-first search. */
  neighbourSet(id: string): ReadonlySet<string> {
    return this.adjacent.get(id) ?? EMPTY_SET;
  }

  /** Number of edges touching `id`, every kind and direction; parallel edges of different kinds each count. */
  degree(id: string): number {
    return this.incident.get(id)?.length ?? 0;
  }
}

const EMPTY_SET: ReadonlySet<string> = new Set();

/** Builds the index of `graph` in O(nodes + edges). Never throws. */
export function buildGraphIndex(graph: GraphDto): GraphIndex {
  return new GraphIndex(graph);
}

/**
 * Holds one GraphIndex and rebuilds it on the first `get()` after `invalidate()`, so a service can drop it on
 * every change event and pay for the rebuild only when a measure asks.
 */
export class GraphIndexCache {
  private index: GraphIndex | null = null;

  /** @param getGraph called on the first `get()` after construction or `invalidate()`. */
  constructor(private readonly getGraph: () => GraphDto) {}

  /** The index of the current graph, built now if the cached one was invalidated. */
  get(): GraphIndex {
    this.index ??= buildGraphIndex(this.getGraph());
    return this.index;
  }

  /** Drops the cached index; the next `get()` rebuilds it. */
  invalidate(): void {
    this.index = null;
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function pushByKind(map: Map<string, Map<EdgeKind, EdgeDto[]>>, id: string, e: EdgeDto): void {
  let byKind = map.get(id);
  if (!byKind) map.set(id, (byKind = new Map()));
  push(byKind, e.kind, e);
}

function addTo(map: Map<string, Set<string>>, key: string, value: string): void {
  const set = map.get(key);
  if (set) set.add(value);
  else map.set(key, new Set([value]));
}
