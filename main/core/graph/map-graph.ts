/**
 * The knowledge map's lean read (`graph:map`, issue 12): only the columns the map draws, straight from SQLite,
 * so that a 50k-node map does not parse and send every node's props, description and times. Knowledge items'
 * `form` and `importance` are read with json_extract; tags and aliases stay JSON text until parsed here.
 */
import type Database from 'better-sqlite3';
import type { MapEdgeDto, MapGraphDto, MapNodeDto } from '../../../preload/contract';

/** A row of the lean node query (JSON columns as text, json_extract results as SQLite gives them). */
interface MapNodeRow {
  id: string;
  kind: MapNodeDto['kind'];
  label: string;
  aliases: string;
  tags: string;
  form: unknown;
  importance: unknown;
  x: number | null;
  y: number | null;
}

/** Reads the map's graph from one workspace database. Prepared once per store. */
export class MapGraphReader {
  private readonly nodes;
  private readonly node;
  private readonly edges;
  private readonly edge;

  constructor(db: Database.Database) {
    const columns = `n.id, n.kind, n.label, n.aliases, n.tags,
      CASE WHEN n.kind = 'knowledge' THEN json_extract(n.props, '$.form') END AS form,
      CASE WHEN n.kind = 'knowledge' THEN json_extract(n.props, '$.importance') END AS importance,
      p.x AS x, p.y AS y
      FROM nodes n LEFT JOIN view_positions p ON p.node_id = n.id AND p.view_id = ?`;
    this.nodes = db.prepare(`SELECT ${columns} ORDER BY n.rowid`);
    this.node = db.prepare(`SELECT ${columns} WHERE n.id = ?`);
    this.edges = db.prepare('SELECT id, kind, source, target FROM edges ORDER BY rowid');
    this.edge = db.prepare('SELECT id, kind, source, target FROM edges WHERE id = ?');
  }

  /** Every node (x/y in `viewId`, null where it has none) and every edge, in insertion order. */
  all(viewId: string): MapGraphDto {
    return {
      nodes: (this.nodes.all(viewId) as MapNodeRow[]).map(mapNodeFromRow),
      edges: this.edges.all() as MapEdgeDto[],
    };
  }

  /** The nodes and edges of the given ids that exist, in the given order (what a change event names). */
  elements(nodeIds: readonly string[], edgeIds: readonly string[], viewId: string): MapGraphDto {
    const nodes: MapNodeDto[] = [];
    for (const id of nodeIds) {
      const row = this.node.get(viewId, id) as MapNodeRow | undefined;
      if (row) nodes.push(mapNodeFromRow(row));
    }
    const edges: MapEdgeDto[] = [];
    for (const id of edgeIds) {
      const row = this.edge.get(id) as MapEdgeDto | undefined;
      if (row) edges.push(row);
    }
    return { nodes, edges };
  }
}

/** Row → the map's wire shape; `form`/`importance` only when the props hold a string / a number. */
function mapNodeFromRow(r: MapNodeRow): MapNodeDto {
  const n: MapNodeDto = {
    id: r.id,
    kind: r.kind,
    label: r.label,
    aliases: JSON.parse(r.aliases) as string[],
    tags: JSON.parse(r.tags) as string[],
    x: r.x,
    y: r.y,
  };
  if (typeof r.form === 'string') n.form = r.form;
  if (typeof r.importance === 'number') n.importance = r.importance;
  return n;
}
