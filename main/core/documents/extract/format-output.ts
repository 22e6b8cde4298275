import { normalizeText } from './normalize';
import { paginate } from './paginate';
import type { ExtractedPage, PageRange } from './types';

/** What a format module returns; `extractFile` adds the status, MIME type and reason. */
export interface FormatOutput {
  /** Pages with text, numbered from 1 in document order; pages without text are left out. */
  pages: ExtractedPage[];
  /** Number of units in the file, including those without text or that failed. */
  pageCount: number;
  /** Encoding of a text format. */
  encoding?: string;
  /** Units (1-based) that could not be read while others were. */
  failedPages?: number[];
  /** Authors recorded in the file's metadata, as recorded (see `authors.ts`); absent when it names none. */
  authors?: string[];
  /** Title and language recorded in the file's metadata (EPUB, RTF); copied to `ExtractResult`. */
  title?: string;
  language?: string;
  /** Pages without a text layer that OCR could not read (1-based; see ocr.ts MIN_CONFIDENCE). */
  ocrUnreadable?: number[];
  /** Reason to report alongside an otherwise successful result. */
  warning?: string;
  /** A PDF read in part (`ExtractOptions.pageRange`): the pages read; see `ExtractResult.pageRange`. */
  pageRange?: PageRange;
}

/** A unit of a document before normalisation: its raw text and an optional label. */
export interface RawUnit {
  text: string;
  label?: string;
  /** Keep the unit as one page however long it is (CSV and sheet row blocks are already page-sized). */
  whole?: boolean;
}

/**
 * Turns units of raw text into numbered pages: each unit is normalised and, when longer than a page, split at
 * paragraph boundaries into several pages carrying the same label (unless `whole`). Empty units are dropped.
 */
export function unitsToPages(units: RawUnit[]): ExtractedPage[] {
  const pages: ExtractedPage[] = [];
  for (const unit of units) {
    const label = unit.label ? normalizeText(unit.label).replace(/\s+/g, ' ') : '';
    const text = normalizeText(unit.text);
    for (const piece of unit.whole ? [text].filter(Boolean) : paginate(text)) {
      pages.push(
        label ? { page: pages.length + 1, text: piece, label } : { page: pages.length + 1, text: piece },
      );
    }
  }
  return pages;
}
