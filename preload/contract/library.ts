/** The document library: folders, files and their statuses, page text, links to knowledge items. Imports only zod. */
import { z } from 'zod';
import type { ChannelMap } from './channel';
import { EdgeDto, id } from './model';

/** Extraction status of a library file (see main/core/documents/extract/types.ts). */
export const DocumentStatus = z.enum([
  'pending',
  'indexed',
  'needs-password',
  'no-text',
  'unsupported',
  'failed',
]);
export type DocumentStatus = z.infer<typeof DocumentStatus>;

/** A file of the library. `mtimeMs` in ms since the epoch; `size` in bytes. */
export const DocumentDto = z.object({
  id: z.number().int(),
  folderId: z.number().int(),
  path: z.string(),
  name: z.string(),
  ext: z.string(),
  size: z.number(),
  mtimeMs: z.number(),
  mime: z.string().nullable(),
  encoding: z.string().nullable(),
  pageCount: z.number().int(),
  status: DocumentStatus,
  /** Why the file is not (fully) indexed, in English: "x.csv line 17: unclosed quote". */
  error: z.string().nullable(),
  /** The translation of `error` (`library:reasons.*`) and its values, when the reason is a known one. */
  errorKey: z.string().optional(),
  errorParams: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
  indexedAt: z.string().nullable(),
  /**
   * Pages (1-based) whose text was recognised by OCR, not read from a text layer (issue 11 §3). Set by
   * `library:document` (and so on search hits); absent in lists.
   */
  ocrPages: z.array(z.number().int()).optional(),
});
export type DocumentDto = z.infer<typeof DocumentDto>;

export const LibraryFolderDto = z.object({
  id: z.number().int(),
  path: z.string(),
  addedAt: z.string(),
  /** Files by status. */
  counts: z.record(z.string(), z.number().int()),
  /** OCR of pages without a text layer and of image files (default true; switched per folder). */
  ocr: z.boolean().optional(),
});
export type LibraryFolderDto = z.infer<typeof LibraryFolderDto>;

/** Progress of the indexing run: files done of total, the file being read, pages extracted so far. */
export const LibraryProgress = z.object({
  running: z.boolean(),
  done: z.number().int(),
  total: z.number().int(),
  current: z.string().nullable(),
  pages: z.number().int(),
  failed: z.number().int(),
  cancelled: z.boolean(),
  /**
   * Page progress of the file being read when it takes long (OCR of a scanned PDF): `page` of `pages` done, and the
   * file. Absent when no such file is being read.
   */
  pageProgress: z.object({ path: z.string(), page: z.number().int(), pages: z.number().int() }).optional(),
});
export type LibraryProgress = z.infer<typeof LibraryProgress>;

const empty = z.strictObject({});
const ok = z.object({ ok: z.literal(true) });

export const LIBRARY_CHANNELS = {
  'library:folders': { input: empty, output: z.array(LibraryFolderDto) },
  /** Adds a folder to the library and starts indexing it. */
  'library:add-folder': {
    input: z.strictObject({ path: z.string().min(1).max(4096) }),
    output: LibraryFolderDto,
  },
  'library:remove-folder': { input: z.strictObject({ id: z.number().int() }), output: ok },
  /**
   * Turns OCR on or off for a folder; files it changes (those without text when turned on, those with OCR text when
   * turned off) are extracted again in the background.
   */
  'library:set-folder-ocr': {
    input: z.strictObject({ id: z.number().int(), ocr: z.boolean() }),
    output: LibraryFolderDto,
  },
  /** Rescans (one folder or all) and extracts what is new or changed. */
  'library:reindex': {
    input: z.strictObject({ folderId: z.number().int().optional() }),
    output: LibraryProgress,
  },
  'library:cancel': { input: empty, output: LibraryProgress },
  'library:progress': { input: empty, output: LibraryProgress },
  /** Files of the library, optionally only those with problems; paged. */
  'library:documents': {
    input: z.strictObject({
      folderId: z.number().int().optional(),
      problemsOnly: z.boolean().optional(),
      offset: z.number().int().min(0).optional(),
      limit: z.number().int().min(1).max(1000).optional(),
    }),
    output: z.object({ docs: z.array(DocumentDto), total: z.number().int() }),
  },
  'library:document': { input: z.strictObject({ id: z.number().int() }), output: DocumentDto },
  /** Retries an encrypted PDF with the password the user typed (not stored). */
  'library:unlock': {
    input: z.strictObject({ id: z.number().int(), password: z.string().max(1000) }),
    output: DocumentDto,
  },
  'library:page-text': {
    input: z.strictObject({ id: z.number().int(), page: z.number().int().min(1) }),
    output: z.object({
      page: z.number().int(),
      label: z.string().nullable(),
      text: z.string(),
      /** True when the text was recognised by OCR. */
      ocr: z.boolean().optional(),
    }),
  },
  /** The file's bytes (base64) for the PDF viewer; at most 100 MB. */
  'library:file-data': {
    input: z.strictObject({ id: z.number().int() }),
    output: z.object({ mime: z.string().nullable(), base64: z.string() }),
  },
  /** Finds the library file of a document node's path, or null. */
  'library:find-by-path': {
    input: z.strictObject({ path: z.string().min(1).max(4096) }),
    output: DocumentDto.nullable(),
  },
  /**
   * Links a page of a library file to a knowledge item: creates the `document` node on first use and a
   * `documented_by` edge with the page, as one undoable edit.
   */
  'library:link': {
    input: z.strictObject({ docId: z.number().int(), page: z.number().int().min(1), knowledgeId: id }),
    output: EdgeDto,
  },
} as const satisfies ChannelMap;
