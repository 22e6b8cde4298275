import type { EdgeKind } from '../../../preload/contract';
import type { GraphIndex } from '../analytics/graph-index';

/** A category's fields that the taxonomy's edits read and change. */
export interface WorkingCategory {
  label: string;
  aliases: string[];
  description: string;
  tags: string[];
}

/** An edge touching a category, as the edits planned so far leave it. */
export interface WorkingEdge {
  id: string;
  kind: EdgeKind;
  source: string;
  target: string;
  props: Record<string, unknown>;
}

/**
 * The categories and every edge touching one, copied from a graph index so that a list of taxonomy edits can be
 * planned in order, each against the tree the earlier ones leave (the index itself is never changed). Edges keep
 * graph order; an edge added by the plan goes last. O(categories + their edges) to build.
 */
export class TaxonomyWorkingCopy {
  readonly categories = new Map<string, WorkingCategory>();
  /** Categories an earlier edit of the list removed: id → label. */
  readonly removed = new Map<string, string>();
  private readonly edges = new Map<string, WorkingEdge>();
  /** category id → ids of the edges touching it. */
  private readonly incident = new Map<string, Set<string>>();

  constructor(index: GraphIndex) {
    for (const c of index.idsOfKind('category')) {
      const n = index.node(c)!;
      this.categories.set(c, {
        label: n.label,
        aliases: [...n.aliases],
        description: n.description,
        tags: [...n.tags],
      });
      this.incident.set(c, new Set());
    }
    for (const c of index.idsOfKind('category'))
      for (const e of index.incidentEdges(c))
        this.addEdge({ id: e.id, kind: e.kind, source: e.source, target: e.target, props: { ...e.props } });
  }

  /** True when `id` is a category of the working copy. */
  isCategory(id: string): boolean {
    return this.categories.has(id);
  }

  /** The edges touching category `c`, in graph order (those the plan added last). */
  edgesOf(c: string): WorkingEdge[] {
    return [...(this.incident.get(c) ?? [])].map((id) => this.edges.get(id)!);
  }

  /** The categories `c` is `part_of`, in edge order, each once. */
  parentsOf(c: string): string[] {
    const out = new Set<string>();
    for (const e of this.edgesOf(c))
      if (e.kind === 'part_of' && e.source === c && e.target !== c && this.isCategory(e.target))
        out.add(e.target);
    return [...out];
  }

  /** True when `c` lies below `ancestor` (following every `part_of` edge up from `c`), or is `ancestor`. */
  isWithin(c: string, ancestor: string): boolean {
    const seen = new Set([c]);
    const up = [c];
    while (up.length) {
      const x = up.pop()!;
      if (x === ancestor) return true;
      for (const p of this.parentsOf(x))
        if (!seen.has(p)) {
          seen.add(p);
          up.push(p);
        }
    }
    return false;
  }

  /** The categories whose parents include `parent`, or the roots for null. */
  childrenOf(parent: string | null): string[] {
    if (parent === null) return [...this.categories.keys()].filter((c) => this.parentsOf(c).length === 0);
    const out = new Set<string>();
    for (const e of this.edgesOf(parent))
      if (e.kind === 'part_of' && e.target === parent && e.source !== parent && this.isCategory(e.source))
        out.add(e.source);
    return [...out];
  }

  /** Records a category (the plan added it). */
  addCategory(id: string, c: WorkingCategory): void {
    this.categories.set(id, c);
    this.incident.set(id, new Set());
  }

  /** Records an edge (the plan added it). */
  addEdge(e: WorkingEdge): void {
    this.edges.set(e.id, e);
    this.incident.get(e.source)?.add(e.id);
    this.incident.get(e.target)?.add(e.id);
  }

  /** Forgets an edge (the plan deleted it). */
  removeEdge(id: string): void {
    const e = this.edges.get(id);
    if (!e) return;
    this.edges.delete(id);
    this.incident.get(e.source)?.delete(id);
    this.incident.get(e.target)?.delete(id);
  }

  /** Forgets a category and the edges still touching it (the plan deleted the node). */
  removeCategory(c: string): void {
    for (const e of this.edgesOf(c)) this.removeEdge(e.id);
    this.removed.set(c, this.categories.get(c)!.label);
    this.categories.delete(c);
    this.incident.delete(c);
  }
}
