import type { EdgeDto, EdgeKind, NodeDto, NodeKind } from '../../../preload/contract';

/** A `nodes` table row (snake_case, JSON columns as text). */
export interface NodeRow {
  id: string;
  kind: NodeKind;
  label: string;
  aliases: string;
  description: string;
  tags: string;
  props: string;
  x: number | null;
  y: number | null;
  created_at: string;
  updated_at: string;
}

/** An `edges` table row. */
export interface EdgeRow {
  id: string;
  kind: EdgeKind;
  source: string;
  target: string;
  props: string;
  created_at: string;
}

/** Row → wire shape. */
export function nodeFromRow(r: NodeRow): NodeDto {
  return {
    id: r.id,
    kind: r.kind,
    label: r.label,
    aliases: JSON.parse(r.aliases) as string[],
    description: r.description,
    tags: JSON.parse(r.tags) as string[],
    props: JSON.parse(r.props) as Record<string, unknown>,
    x: r.x,
    y: r.y,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

/** Wire shape → row. */
export function nodeToRow(n: NodeDto): NodeRow {
  return {
    id: n.id,
    kind: n.kind,
    label: n.label,
    aliases: JSON.stringify(n.aliases),
    description: n.description,
    tags: JSON.stringify(n.tags),
    props: JSON.stringify(n.props),
    x: n.x,
    y: n.y,
    created_at: n.createdAt,
    updated_at: n.updatedAt,
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
