/** 0001: the graph itself — nodes, edges and workspace metadata (DESIGN §3). */
export const sql = `
CREATE TABLE meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
CREATE TABLE nodes (
  id          TEXT PRIMARY KEY,
  kind        TEXT NOT NULL,
  label       TEXT NOT NULL,
  aliases     TEXT NOT NULL DEFAULT '[]',
  description TEXT NOT NULL DEFAULT '',
  tags        TEXT NOT NULL DEFAULT '[]',
  props       TEXT NOT NULL DEFAULT '{}',
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL
);
CREATE INDEX nodes_kind ON nodes(kind);
CREATE TABLE edges (
  id         TEXT PRIMARY KEY,
  kind       TEXT NOT NULL,
  source     TEXT NOT NULL REFERENCES nodes(id) ON DELETE CASCADE,
  target     TEXT NOT NULL REFERENCES nodes(id) ON DELETE CASCADE,
  props      TEXT NOT NULL DEFAULT '{}',
  created_at TEXT NOT NULL,
  UNIQUE (kind, source, target)
);
CREATE INDEX edges_source ON edges(source);
CREATE INDEX edges_target ON edges(target);
`;
