/**
 * 0006: expertise from evidence (issue 8 §7).
 *
 * `documents.authors`: the authors recorded in the file (PDF Info / XMP, Office core properties, Markdown front
 * matter), a JSON array of names as recorded (`[]` when the file names none). NULL for files extracted before this
 * migration: they get their authors on their next extraction (a re-index of a changed file, or an unlock).
 *
 * `author_rejections`: (expert, knowledge item, library file) proposals a user rejected, never proposed again. No
 * foreign keys, like `evidence_rejections`: deleting an expert or an item and undoing that keeps the rejections.
 * Rows of a library file that leaves the library are harmless (a new file gets a new id).
 */
export const sql = `
ALTER TABLE documents ADD COLUMN authors TEXT;
CREATE TABLE author_rejections (
  expert_id    TEXT NOT NULL,
  knowledge_id TEXT NOT NULL,
  doc_id       INTEGER NOT NULL,
  rejected_at  TEXT NOT NULL,
  PRIMARY KEY (expert_id, knowledge_id, doc_id)
) WITHOUT ROWID;
`;
