import type Database from 'better-sqlite3';
import type { DocumentDto, DocumentStatus, LibraryFolderDto } from '../../../preload/contract';
import { nowIso } from '../util/clock';
import { WellspringError } from '../util/errors';
import type { ExtractResult } from './extract/types';
import { reasonOf } from './reasons';

/** A `documents` row. */
interface DocumentRow {
  id: number;
  folder_id: number;
  path: string;
  name: string;
  ext: string;
  size: number;
  mtime_ms: number;
  sha256: string | null;
  mime: string | null;
  encoding: string | null;
  page_count: number;
  status: DocumentStatus;
  error: string | null;
  indexed_at: string | null;
  /** JSON array of recorded authors (migration 0006); NULL for files extracted before it. */
  authors: string | null;
}

/** A library file with the authors it records (issue 8 §7). */
export interface AuthoredFile {
  id: number;
  path: string;
  name: string;
  /** Names as recorded in the file, at least one. */
  authors: string[];
}

/** A file found on disk by a folder scan. */
export interface ScannedFile {
  path: string;
  name: string;
  ext: string;
  size: number;
  mtimeMs: number;
  /** Set when no reader exists for the file's format: it is listed as `unsupported` with this error, never read. */
  unsupportedReason?: string;
}

/** A stored page (chunk) of extracted text; `id` is the search index's chunk id. */
export interface PageRow {
  id: number;
  doc_id: number;
  page: number;
  label: string | null;
  text: string;
  /** 1 when the text was recognised by OCR (migration 0008); set on rows read back, not on those handed to the index. */
  ocr?: number;
}

/** A `library_folders` row. */
interface FolderRow {
  id: number;
  path: string;
  added_at: string;
  /** OCR on (1) or off (0) for the folder (migration 0008). */
  ocr: number;
}

function toDto(r: DocumentRow): DocumentDto {
  const reason = reasonOf(r.error);
  return {
    ...(reason ? { errorKey: reason.key, errorParams: reason.params } : {}),
    id: r.id,
    folderId: r.folder_id,
    path: r.path,
    name: r.name,
    ext: r.ext,
    size: r.size,
    mtimeMs: r.mtime_ms,
    mime: r.mime,
    encoding: r.encoding,
    pageCount: r.page_count,
    status: r.status,
    error: r.error,
    indexedAt: r.indexed_at,
  };
}

/** A stored `authors` value as names; a damaged value reads as none. */
function parseAuthors(json: string): string[] {
  try {
    const v: unknown = JSON.parse(json);
    return Array.isArray(v) ? v.filter((a): a is string => typeof a === 'string' && a.trim() !== '') : [];
  } catch {
    return [];
  }
}

/** Statuses that the library view lists under "problems". */
export const PROBLEM_STATUSES: readonly DocumentStatus[] = [
  'needs-password',
  'no-text',
  'unsupported',
  'failed',
];

/**
 * SQL access to the library tables of migration 0003: folders, files with their status, and extracted pages.
 * Every multi-row write is one transaction, so a crash or a bad file never leaves half a document stored.
 */
export class LibraryStore {
  private readonly q;

  constructor(private readonly db: Database.Database) {
    this.q = {
      folders: db.prepare('SELECT id, path, added_at, ocr FROM library_folders ORDER BY id'),
      folder: db.prepare('SELECT id, path, added_at, ocr FROM library_folders WHERE id = ?'),
      folderByPath: db.prepare('SELECT id, path, added_at, ocr FROM library_folders WHERE path = ?'),
      setFolderOcr: db.prepare('UPDATE library_folders SET ocr = ? WHERE id = ?'),
      // Turning OCR on: files without text (scans, images with OCR off). Off: files with OCR text, and images.
      docsForOcrOn: db.prepare("SELECT id FROM documents WHERE folder_id = ? AND status = 'no-text'").pluck(),
      docsForOcrOff: db
        .prepare(
          `SELECT id FROM documents d WHERE folder_id = ? AND status <> 'pending' AND status <> 'unsupported'
             AND (mime LIKE 'image/%' OR EXISTS (SELECT 1 FROM document_pages p WHERE p.doc_id = d.id AND p.ocr = 1))`,
        )
        .pluck(),
      ocrPages: db
        .prepare('SELECT page FROM document_pages WHERE doc_id = ? AND ocr = 1 ORDER BY page')
        .pluck(),
      insertFolder: db.prepare('INSERT INTO library_folders (path, added_at) VALUES (?, ?)'),
      deleteFolder: db.prepare('DELETE FROM library_folders WHERE id = ?'),
      counts: db.prepare('SELECT status, COUNT(*) AS n FROM documents WHERE folder_id = ? GROUP BY status'),
      doc: db.prepare('SELECT * FROM documents WHERE id = ?'),
      docByPath: db.prepare('SELECT * FROM documents WHERE path = ?'),
      docsOfFolder: db.prepare('SELECT id, path, size, mtime_ms, status FROM documents WHERE folder_id = ?'),
      insertDoc: db.prepare(
        `INSERT INTO documents (folder_id, path, name, ext, size, mtime_ms, status)
         VALUES (?, ?, ?, ?, ?, ?, 'pending')`,
      ),
      insertUnsupported: db.prepare(
        `INSERT INTO documents (folder_id, path, name, ext, size, mtime_ms, status, error, indexed_at)
         VALUES (?, ?, ?, ?, ?, ?, 'unsupported', ?, ?)`,
      ),
      markUnsupported: db.prepare(
        `UPDATE documents SET size = ?, mtime_ms = ?, status = 'unsupported', error = ?, mime = NULL,
           encoding = NULL, page_count = 0, sha256 = NULL, indexed_at = ?, authors = '[]' WHERE id = ?`,
      ),
      markPending: db.prepare(
        "UPDATE documents SET size = ?, mtime_ms = ?, status = 'pending', error = NULL WHERE id = ?",
      ),
      deleteDoc: db.prepare('DELETE FROM documents WHERE id = ?'),
      pending: db.prepare("SELECT * FROM documents WHERE status = 'pending' ORDER BY id"),
      pendingOfFolder: db.prepare(
        "SELECT * FROM documents WHERE status = 'pending' AND folder_id = ? ORDER BY id",
      ),
      deletePages: db.prepare('DELETE FROM document_pages WHERE doc_id = ?'),
      insertPage: db.prepare(
        'INSERT INTO document_pages (doc_id, page, label, text, ocr) VALUES (?, ?, ?, ?, ?)',
      ),
      pageIds: db.prepare('SELECT id FROM document_pages WHERE doc_id = ?'),
      page: db.prepare('SELECT * FROM document_pages WHERE doc_id = ? AND page = ?'),
      pageById: db.prepare('SELECT text FROM document_pages WHERE id = ?'),
      pagesByIds: db.prepare(
        'SELECT id, text FROM document_pages WHERE id IN (SELECT value FROM json_each(?))',
      ),
      allPages: db.prepare('SELECT id, doc_id, page, label, text FROM document_pages ORDER BY id'),
      generation: db.prepare("SELECT value FROM meta WHERE key = 'library_generation'").pluck(),
      bump: db.prepare(
        `INSERT INTO meta (key, value) VALUES ('library_generation', '1')
         ON CONFLICT(key) DO UPDATE SET value = CAST(value AS INTEGER) + 1`,
      ),
      result: db.prepare(
        `UPDATE documents SET status = ?, error = ?, mime = ?, encoding = ?, page_count = ?, sha256 = ?,
           indexed_at = ?, authors = ? WHERE id = ?`,
      ),
      authored: db.prepare(
        "SELECT id, path, name, authors FROM documents WHERE authors IS NOT NULL AND authors <> '[]' ORDER BY id",
      ),
    };
  }

  /**
   * A counter that changes with every write to the library's pages (stored in `meta`), so that a saved search
   * index can tell whether it still matches the database.
   */
  generation(): number {
    return Number(this.q.generation.get() ?? 0);
  }

  /** Every folder with its file counts by status. */
  folders(): LibraryFolderDto[] {
    return (this.q.folders.all() as FolderRow[]).map((f) => this.folderDto(f));
  }

  /** One folder. @throws not_found */
  folder(id: number): LibraryFolderDto {
    const f = this.q.folder.get(id) as FolderRow | undefined;
    if (!f)
      throw new WellspringError('not_found', `No library folder with id ${id}.`, ['id'], {
        key: 'library:errors.folderMissing',
        params: { id },
      });
    return this.folderDto(f);
  }

  private folderDto(f: FolderRow): LibraryFolderDto {
    const counts = Object.fromEntries(
      (this.q.counts.all(f.id) as Array<{ status: string; n: number }>).map((r) => [r.status, r.n]),
    );
    return { id: f.id, path: f.path, addedAt: f.added_at, counts, ocr: f.ocr !== 0 };
  }

  /**
   * Turns OCR on or off for a folder and marks pending, in the same transaction, the files the change affects: when
   * turned on, those without text ('no-text': scanned PDFs, images read with OCR off); when turned off, those with
   * OCR text and the image files. Returns their ids (empty when the setting did not change).
   *
   * @throws not_found
   */
  setFolderOcr(id: number, ocr: boolean): number[] {
    return this.db.transaction(() => {
      const folder = this.folder(id);
      if ((folder.ocr ?? true) === ocr) return [];
      this.q.setFolderOcr.run(ocr ? 1 : 0, id);
      const ids = (ocr ? this.q.docsForOcrOn.all(id) : this.q.docsForOcrOff.all(id)) as number[];
      for (const doc of ids) this.markPending(doc);
      return ids;
    })();
  }

  /** Adds a folder (an absolute path), or returns the existing one. */
  addFolder(path: string): LibraryFolderDto {
    const existing = this.q.folderByPath.get(path) as { id: number } | undefined;
    if (existing) return this.folder(existing.id);
    const id = Number(this.q.insertFolder.run(path, nowIso()).lastInsertRowid);
    return this.folder(id);
  }

  /** Removes a folder and every file and page of it (one transaction); returns the removed chunk ids. */
  removeFolder(id: number): number[] {
    return this.db.transaction(() => {
      this.folder(id);
      const chunkIds = this.db
        .prepare(
          'SELECT p.id FROM document_pages p JOIN documents d ON d.id = p.doc_id WHERE d.folder_id = ?',
        )
        .pluck()
        .all(id) as number[];
      this.q.deleteFolder.run(id);
      this.q.bump.run();
      return chunkIds;
    })();
  }

  /**
   * Brings the folder's file rows in line with a scan, in one transaction: new files are inserted as pending,
   * files whose size or mtime changed become pending again, files no longer on disk are removed with their pages.
   * A file with an `unsupportedReason` is stored as `unsupported` with that error instead of pending (it is never
   * extracted). Unchanged files are left alone (their text stays indexed). Returns what changed and the removed
   * chunk ids.
   */
  applyScan(
    folderId: number,
    files: readonly ScannedFile[],
  ): { added: number; changed: number; removed: number; removedChunks: number[]; changedDocs: number[] } {
    return this.db.transaction(() => {
      const known = new Map(
        (
          this.q.docsOfFolder.all(folderId) as Array<
            Pick<DocumentRow, 'id' | 'path' | 'size' | 'mtime_ms' | 'status'>
          >
        ).map((r) => [r.path, r]),
      );
      let added = 0;
      const changedDocs: number[] = [];
      const removedChunks: number[] = [];
      for (const f of files) {
        const row = known.get(f.path);
        known.delete(f.path);
        if (!row) {
          if (f.unsupportedReason)
            this.q.insertUnsupported.run(
              folderId,
              f.path,
              f.name,
              f.ext,
              f.size,
              f.mtimeMs,
              f.unsupportedReason,
              nowIso(),
            );
          else this.q.insertDoc.run(folderId, f.path, f.name, f.ext, f.size, f.mtimeMs);
          added++;
        } else if (f.unsupportedReason) {
          // Also turns a row a rescan finds unreadable by name (say, pending from an older version) unsupported.
          if (row.status === 'unsupported' && row.size === f.size && row.mtime_ms === f.mtimeMs) continue;
          const chunks = this.q.pageIds.pluck().all(row.id) as number[];
          if (chunks.length) {
            removedChunks.push(...chunks);
            this.q.deletePages.run(row.id);
            this.q.bump.run();
          }
          this.q.markUnsupported.run(f.size, f.mtimeMs, f.unsupportedReason, nowIso(), row.id);
          changedDocs.push(row.id);
        } else if (row.size !== f.size || row.mtime_ms !== f.mtimeMs) {
          this.q.markPending.run(f.size, f.mtimeMs, row.id);
          changedDocs.push(row.id);
        }
      }
      for (const gone of known.values()) {
        removedChunks.push(...(this.q.pageIds.pluck().all(gone.id) as number[]));
        this.q.deleteDoc.run(gone.id);
      }
      if (known.size > 0) this.q.bump.run();
      return { added, changed: changedDocs.length, removed: known.size, removedChunks, changedDocs };
    })();
  }

  /** Files waiting for extraction (the queue that survives a restart), optionally of one folder. */
  pending(folderId?: number): DocumentDto[] {
    const rows = (
      folderId === undefined ? this.q.pending.all() : this.q.pendingOfFolder.all(folderId)
    ) as DocumentRow[];
    return rows.map(toDto);
  }

  /** Marks a file pending (to extract again, e.g. with a password). */
  markPending(id: number): void {
    const d = this.document(id);
    this.q.markPending.run(d.size, d.mtimeMs, id);
  }

  /**
   * Stores an extraction result in one transaction: the old pages go, the new ones come in, the row gets its
   * status and its recorded authors (`[]` when none). Returns the removed and the new pages (for the search index).
   */
  storeResult(
    id: number,
    result: ExtractResult & { sha256?: string },
  ): { removedChunks: number[]; pages: PageRow[] } {
    return this.db.transaction(() => {
      const removedChunks = this.q.pageIds.pluck().all(id) as number[];
      this.q.deletePages.run(id);
      const pages: PageRow[] = [];
      for (const p of result.pages) {
        const chunkId = Number(
          this.q.insertPage.run(id, p.page, p.label ?? null, p.text, p.ocr ? 1 : 0).lastInsertRowid,
        );
        pages.push({ id: chunkId, doc_id: id, page: p.page, label: p.label ?? null, text: p.text });
      }
      this.q.result.run(
        result.status,
        result.error ?? null,
        result.mime,
        result.encoding ?? null,
        result.pageCount,
        result.sha256 ?? null,
        nowIso(),
        JSON.stringify(result.authors ?? []),
        id,
      );
      this.q.bump.run();
      return { removedChunks, pages };
    })();
  }

  /**
   * Files that record at least one author, by id. Files extracted before migration 0006 have no authors stored
   * (NULL) and are not listed until their next extraction.
   */
  authoredFiles(): AuthoredFile[] {
    const out: AuthoredFile[] = [];
    for (const r of this.q.authored.all() as Array<{
      id: number;
      path: string;
      name: string;
      authors: string;
    }>) {
      const authors = parseAuthors(r.authors);
      if (authors.length > 0) out.push({ id: r.id, path: r.path, name: r.name, authors });
    }
    return out;
  }

  /** One file, with the pages OCR recognised (`ocrPages`, when there are some). @throws not_found */
  document(id: number): DocumentDto {
    const r = this.q.doc.get(id) as DocumentRow | undefined;
    if (!r)
      throw new WellspringError('not_found', `No library file with id ${id}.`, ['id'], {
        key: 'library:errors.fileMissing',
        params: { id },
      });
    const dto = toDto(r);
    const ocrPages = this.q.ocrPages.all(id) as number[];
    if (ocrPages.length > 0) dto.ocrPages = ocrPages;
    return dto;
  }

  /** The file stored under an absolute path, or null. */
  documentByPath(path: string): DocumentDto | null {
    const r = this.q.docByPath.get(path) as DocumentRow | undefined;
    return r ? toDto(r) : null;
  }

  /** Files, newest problems first when `problemsOnly`; paged. */
  documents(options: { folderId?: number; problemsOnly?: boolean; offset?: number; limit?: number }): {
    docs: DocumentDto[];
    total: number;
  } {
    const where: string[] = [];
    const args: unknown[] = [];
    if (options.folderId !== undefined) {
      where.push('folder_id = ?');
      args.push(options.folderId);
    }
    if (options.problemsOnly) {
      where.push(`status IN (${PROBLEM_STATUSES.map(() => '?').join(', ')})`);
      args.push(...PROBLEM_STATUSES);
    }
    const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const total = this.db
      .prepare(`SELECT COUNT(*) FROM documents ${clause}`)
      .pluck()
      .get(...args) as number;
    const rows = this.db
      .prepare(`SELECT * FROM documents ${clause} ORDER BY path LIMIT ? OFFSET ?`)
      .all(...args, options.limit ?? 200, options.offset ?? 0) as DocumentRow[];
    return { docs: rows.map(toDto), total };
  }

  /** One page's text. @throws not_found */
  page(docId: number, page: number): PageRow {
    const r = this.q.page.get(docId, page) as PageRow | undefined;
    if (!r)
      throw new WellspringError('not_found', `File ${docId} has no page ${page}.`, ['page'], {
        key: 'library:errors.pageMissing',
        params: { id: docId, page },
      });
    return r;
  }

  /** The database file (the search index is built in a worker that reads the pages from it); ':memory:' in tests. */
  get file(): string {
    return this.db.name;
  }

  /** Text of a chunk, for verifying search candidates. */
  chunkText(chunkId: number): string | undefined {
    return (this.q.pageById.get(chunkId) as { text: string } | undefined)?.text;
  }

  /**
   * Texts of many chunks in one statement (rowid lookups of a JSON array of ids), for verifying search candidates:
   * chunk id → text; ids with no stored page are left out.
   */
  chunkTexts(chunkIds: readonly number[]): Map<number, string> {
    const out = new Map<number, string>();
    for (const r of this.q.pagesByIds.all(JSON.stringify(chunkIds)) as Array<{ id: number; text: string }>)
      out.set(r.id, r.text);
    return out;
  }

  /** Every stored page, in id order (to rebuild the search index). */
  *allPages(): IterableIterator<PageRow> {
    yield* this.q.allPages.iterate() as IterableIterator<PageRow>;
  }
}
