/**
 * 0009: the desktop's replica of a team workspace (issue 13). A team workspace lives on PostgreSQL; the desktop keeps
 * it in an ordinary workspace file (its document library and undo log stay local) and needs, per node and edge, the
 * server version it last saw: a write names that version, and the server refuses it when someone changed the row
 * since (optimistic concurrency). Keys are `n:<node id>` and `e:<edge id>`. `mine` is the version this desktop's
 * own last write made (null when it never wrote the row): undo and redo restore rows as this user left them, and
 * are refused where someone else's write came after (`version` ≠ `mine`). Empty in a file that is no replica.
 */
export const sql = `
CREATE TABLE team_versions (
  key     TEXT PRIMARY KEY,
  version INTEGER NOT NULL,
  mine    INTEGER
) WITHOUT ROWID;
`;
