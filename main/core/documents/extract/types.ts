import type { OcrEngine } from './ocr';

/**
 * What text extraction produces for one file. Extraction never throws for a bad file: the status and `error`
 * say what happened, naming the file (and the line, for text formats such as CSV).
 */

/** Outcome of extracting one file. */
export type ExtractStatus = 'indexed' | 'needs-password' | 'no-text' | 'unsupported' | 'failed';

/** One unit of text: a PDF page, a slide, a spreadsheet sheet, or a section of a text document. 1-based. */
export interface ExtractedPage {
  page: number;
  /** Normalised text (NFKC, CJK words joined across line breaks); never contains NUL. */
  text: string;
  /** Optional label for non-PDF units: the sheet name, the slide title, the Markdown heading. */
  label?: string;
  /** True when the text was recognised by OCR (a scanned PDF page, an image file), not read from a text layer. */
  ocr?: boolean;
}

export interface ExtractResult {
  status: ExtractStatus;
  pages: ExtractedPage[];
  /** Number of pages/units in the file (for a PDF also when some pages failed or have no text). */
  pageCount: number;
  /** MIME type decided from the content and the extension. */
  mime: string;
  /** For text formats: the detected encoding, e.g. 'UTF-8', 'GB18030', 'Big5', 'UTF-16LE'. */
  encoding?: string;
  /** Human-readable reason when status is not 'indexed' (or when some pages failed). */
  error?: string;
  /** For PDFs: pages that threw while the others extracted. */
  failedPages?: number[];
  /** For PDFs: pages without a text layer that OCR could not read (they stay "no text layer"). */
  ocrUnreadable?: number[];
  /**
   * Authors recorded in the file, as recorded, split into names (issue 8 §7): PDF Info `/Author` and XMP
   * `dc:creator`; DOCX/XLSX/PPTX `docProps/core.xml` dc:creator; ODT/ODS/ODP `meta.xml` meta:initial-creator and
   * dc:creator; Markdown front matter `author:` / `authors:`. Absent when the file names none.
   */
  authors?: string[];
  /** The title the file records (EPUB `dc:title`, RTF `\title`); absent when none. Not stored by the library. */
  title?: string;
  /** The language the file declares (EPUB `dc:language`, a BCP 47 tag such as 'zh-CN'); absent when none. */
  language?: string;
  /**
   * Set only when `ExtractOptions.pageRange` asked for part of a PDF that has more pages than the range: the pages
   * read. Such a result is one part of the file (status and reason describe only the part); `failedPages` and
   * `ocrUnreadable` are then always present (maybe empty), and `mergePageRanges` (extract-file.ts) makes the file's
   * result from all the parts.
   */
  pageRange?: PageRange;
}

/** Pages first…last of a PDF, 1-based, inclusive (`last` may exceed the page count: up to the end). */
export interface PageRange {
  first: number;
  last: number;
}

export interface ExtractOptions {
  /** Password for an encrypted PDF (any Unicode). */
  password?: string;
  /** Files larger than this are `unsupported` with a reason, without being read. Default 200 MB. */
  maxBytes?: number;
  /** Called after each page, for progress: (pages done, page count). */
  onPage?: (done: number, total: number) => void;
  /**
   * OCR for PDF pages without a text layer and for PNG/JPEG/TIFF files (extract/ocr.ts). Absent or false: no OCR
   * (a scanned page is "no text layer", an image "OCR is off"). The library's extraction workers pass one by
   * default; a folder can turn it off.
   */
  ocr?: OcrEngine | false;
  /** Stops a long extraction (OCR) between pages: the result is then 'failed' "cancelled". */
  signal?: AbortSignal;
  /** For a PDF: read only these pages (see `ExtractResult.pageRange`); other formats ignore it. */
  pageRange?: PageRange;
}

export const DEFAULT_MAX_BYTES = 200 * 1024 * 1024;
