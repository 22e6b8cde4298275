/**
 * 0004: views as data (DESIGN §4). A view — the knowledge map, an ego graph, a process pipeline, a competency
 * diagram, a saved view — has its own filters, layout settings and camera (`views`) and its own node positions
 * (`view_positions`), so each diagram keeps its own arrangement and laying out one never moves another's nodes.
 *
 * The knowledge map is the view `map`; the positions of earlier workspaces (nodes.x / nodes.y, 0002) move into it
 * and the columns go. A position row goes with its node (ON DELETE CASCADE); the store restores it on undo.
 */
export const sql = `
CREATE TABLE views (
  id         TEXT PRIMARY KEY,
  kind       TEXT NOT NULL CHECK (kind IN ('map', 'ego', 'process', 'competency', 'saved')),
  name       TEXT NOT NULL,
  filters    TEXT NOT NULL DEFAULT '{}',
  layout     TEXT NOT NULL DEFAULT '{}',
  camera     TEXT,
  sort_order INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE TABLE view_positions (
  view_id TEXT NOT NULL REFERENCES views(id) ON DELETE CASCADE,
  node_id TEXT NOT NULL REFERENCES nodes(id) ON DELETE CASCADE,
  x       REAL NOT NULL,
  y       REAL NOT NULL,
  PRIMARY KEY (view_id, node_id)
) WITHOUT ROWID;
CREATE INDEX view_positions_node ON view_positions(node_id);
INSERT INTO views (id, kind, name, sort_order, created_at, updated_at)
  VALUES ('map', 'map', '', 0, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
INSERT INTO view_positions (view_id, node_id, x, y)
  SELECT 'map', id, x, y FROM nodes WHERE x IS NOT NULL AND y IS NOT NULL;
ALTER TABLE nodes DROP COLUMN x;
ALTER TABLE nodes DROP COLUMN y;
`;
