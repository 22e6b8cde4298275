/**
 * 0005: the evidence finder (issue 7).
 *
 * `evidence_rejections`: pages a user rejected as evidence of a knowledge item, never proposed again. Keyed by the
 * document's absolute path (not its library id), so a rejection survives removing and re-adding the folder, and by
 * the item's id without a foreign key, so deleting an item and undoing that keeps its rejections.
 *
 * `evidence_proposals`: the last run's ranked proposals (`rank` 0 = best, per item), so the gaps report and the
 * renderer have them after a restart without a new run. A proposal goes with its library file (ON DELETE CASCADE);
 * items deleted since the run are filtered out when reading. `snippet` is JSON `{ text, highlights }`.
 */
export const sql = `
CREATE TABLE evidence_rejections (
  knowledge_id TEXT NOT NULL,
  doc_path     TEXT NOT NULL,
  page         INTEGER NOT NULL,
  rejected_at  TEXT NOT NULL,
  PRIMARY KEY (knowledge_id, doc_path, page)
) WITHOUT ROWID;
CREATE TABLE evidence_proposals (
  knowledge_id TEXT NOT NULL,
  doc_id       INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  page         INTEGER NOT NULL,
  rank         INTEGER NOT NULL,
  score        REAL NOT NULL,
  matched      TEXT NOT NULL,
  snippet      TEXT NOT NULL,
  PRIMARY KEY (knowledge_id, doc_id, page)
) WITHOUT ROWID;
CREATE INDEX evidence_proposals_doc ON evidence_proposals(doc_id);
`;
