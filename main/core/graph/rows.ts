import type { EdgeDto, EdgeKind, NodeDto, NodeKind } from '../../../preload/contract';

/** A `nodes` table row (snake_case, JSON columns as text). Positions live in `view_positions` (migration 0004). */
export interface NodeRow {
  id: string;
  kind: NodeKind;
  label: string;
  aliases: string;
  description: string;
  tags: string;
  props: string;
  created_at: string;
  updated_at: string;
}

/** A node row read together with its position in one view (LEFT JOIN view_positions: null where it has none). */
export type PlacedNodeRow = NodeRow & { x: number | null; y: number | null };

/** An `edges` table row. */
export interface EdgeRow {
  id: string;
  kind: EdgeKind;
  source: string;
  target: string;
  props: string;
  created_at: string;
}

/** A `view_positions` row: where one node sits in one view, model px. */
export interface PositionRow {
  id: string;
  x: number;
  y: number;
}

/** Row → wire shape; x/y from the view the row was read for. */
export function nodeFromRow(r: NodeRow & { x?: number | null; y?: number | null }): NodeDto {
  return {
    id: r.id,
    kind: r.kind,
    label: r.label,
    aliases: JSON.parse(r.aliases) as string[],
    description: r.description,
    tags: JSON.parse(r.tags) as string[],
    props: JSON.parse(r.props) as Record<string, unknown>,
    x: r.x ?? null,
    y: r.y ?? null,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

/** Wire shape → row (the position is not part of the node row). */
export function nodeToRow(n: NodeDto): NodeRow {
  return {
    id: n.id,
    kind: n.kind,
    label: n.label,
    aliases: JSON.stringify(n.aliases),
    description: n.description,
    tags: JSON.stringify(n.tags),
    props: JSON.stringify(n.props),
    created_at: n.createdAt,
    updated_at: n.updatedAt,
  };
}

/**
 * Only the columns of `nodes`: history entries written before migration 0004 carry x/y in their rows, which the
 * table no longer has.
 */
export function nodeColumns(r: NodeRow): NodeRow {
  return {
    id: r.id,
    kind: r.kind,
    label: r.label,
    aliases: r.aliases,
    description: r.description,
    tags: r.tags,
    props: r.props,
    created_at: r.created_at,
    updated_at: r.updated_at,
  };
}

/** Row → wire shape. */
export function edgeFromRow(r: EdgeRow): EdgeDto {
  return {
    id: r.id,
    kind: r.kind,
    source: r.source,
    target: r.target,
    props: JSON.parse(r.props) as Record<string, unknown>,
    createdAt: r.created_at,
  };
}
