/**
 * 0002: the persistent undo/redo log and stored layout positions.
 *
 * `history` holds one row per user edit with the operations to redo (`forward`) and undo (`backward`) it, as JSON;
 * `undone = 1` rows form the redo stack. Positions live on the node row so a 10k-node map opens without a layout.
 */
export const sql = `
CREATE TABLE history (
  seq        INTEGER PRIMARY KEY AUTOINCREMENT,
  label      TEXT NOT NULL,
  forward    TEXT NOT NULL,
  backward   TEXT NOT NULL,
  undone     INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL
);
ALTER TABLE nodes ADD COLUMN x REAL;
ALTER TABLE nodes ADD COLUMN y REAL;
`;
