/**
 * 0007: big undo entries in parts (issue 10, the 100k-row import).
 *
 * An entry of more than HistoryLog's PART_OPS row operations on a side keeps that side in `history_parts`, in
 * parts of at most PART_OPS operations (JSON arrays, in `part` order), and `[]` in its `history.forward` /
 * `history.backward` column; a side's operations are the column's followed by its parts'. One JSON text of a
 * 100,000-row import was ~40 MB, held three times over while written (the JS string, its UTF-8 copy, SQLite's
 * copy): parts of 1,000 operations keep the write's memory flat. Parts go with their entry (ON DELETE CASCADE:
 * the redo stack dropped, the log trimmed).
 */
export const sql = `
CREATE TABLE history_parts (
  seq  INTEGER NOT NULL REFERENCES history(seq) ON DELETE CASCADE,
  side TEXT NOT NULL CHECK (side IN ('forward', 'backward')),
  part INTEGER NOT NULL,
  ops  TEXT NOT NULL,
  PRIMARY KEY (seq, side, part)
) WITHOUT ROWID;
`;
