/**
 * 0003: the document library — watched folders, one row per file with its extraction status, and the extracted
 * text per page (or section), which the search index is rebuilt from.
 *
 * `documents.status`: pending (to extract; the queue that resumes after a restart), indexed, needs-password,
 * no-text, unsupported, failed. `document_pages.id` is the chunk id the search index uses.
 */
export const sql = `
CREATE TABLE library_folders (
  id       INTEGER PRIMARY KEY,
  path     TEXT NOT NULL UNIQUE,
  added_at TEXT NOT NULL
);
CREATE TABLE documents (
  id         INTEGER PRIMARY KEY,
  folder_id  INTEGER NOT NULL REFERENCES library_folders(id) ON DELETE CASCADE,
  path       TEXT NOT NULL UNIQUE,
  name       TEXT NOT NULL,
  ext        TEXT NOT NULL,
  size       INTEGER NOT NULL,
  mtime_ms   REAL NOT NULL,
  sha256     TEXT,
  mime       TEXT,
  encoding   TEXT,
  page_count INTEGER NOT NULL DEFAULT 0,
  status     TEXT NOT NULL,
  error      TEXT,
  indexed_at TEXT
);
CREATE INDEX documents_folder ON documents(folder_id);
CREATE INDEX documents_status ON documents(status);
CREATE TABLE document_pages (
  id     INTEGER PRIMARY KEY,
  doc_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  page   INTEGER NOT NULL,
  label  TEXT,
  text   TEXT NOT NULL,
  UNIQUE (doc_id, page)
);
`;
