import fs from 'node:fs/promises';
import path from 'node:path';
import { officeAuthors, type OfficePackage } from './authors';
import { extractCsv } from './csv';
import { detectFormat, mimeFromName, type DocumentFormat } from './detect-format';
import { extractDocx } from './docx';
import { extractEpub } from './epub';
import { ExtractError } from './errors';
import type { FormatOutput } from './format-output';
import { extractHtml } from './html';
import { extractImage } from './image';
import { extractOffice, type OfficeKind } from './office';
import { extractPdf } from './pdf';
import { extractRtf } from './rtf';
import { extractMarkdown, extractPlainText } from './text';
import { DEFAULT_MAX_BYTES, type ExtractOptions, type ExtractResult } from './types';

/**
 * Extracts the text of one file. Never throws and never waits on anything but the file and the parsers.
 *
 * Steps: `stat` (missing, unreadable or not a regular file → 'failed'; larger than `maxBytes`, default 200 MB →
 * 'unsupported' without reading it; zero bytes → 'failed' "empty file"), read, decide the format from magic bytes and
 * extension (`detectFormat`: a PDF named .txt is a PDF), extract, and map the outcome to a status:
 *
 * - 'indexed': text was found; `pages` holds it. `error` is set when some PDF pages failed (`failedPages`).
 * - 'needs-password': an encrypted PDF or Office file and no password, or a wrong one (the reason says which).
 * - 'no-text': the file was read but has no text — for a PDF "no text layer (scanned?)".
 * - 'unsupported': a format we do not read (by content or extension), binary content in a text file, or too large.
 * - 'failed': missing, unreadable, empty, damaged ("not a valid PDF (damaged or truncated)"), or malformed (CSV
 *   quoting, with the line).
 *
 * `authors`: the names the file records (PDF Info/XMP, Office core properties, Markdown front matter; see
 * `authors.ts`), set only when there are some.
 *
 * Every `error` starts with the file's base name (and the line for text formats): "x.csv line 17: unclosed quote".
 *
 * @param filePath absolute or relative path; any Unicode
 * @param options password, size limit, progress callback (a callback that throws is ignored)
 */
export async function extractFile(filePath: string, options: ExtractOptions = {}): Promise<ExtractResult> {
  const name = path.basename(filePath);
  try {
    return await extract(filePath, name, options);
  } catch (e) {
    // Errors before the content was looked at (stat, size, read): the MIME type can only come from the name.
    return failure(e, name, mimeFromName(name));
  }
}

function failure(e: unknown, name: string, mime: string): ExtractResult {
  if (e instanceof ExtractError) return { status: e.status, pages: [], pageCount: 0, mime, error: e.message };
  const message = e instanceof Error ? e.message : String(e);
  return { status: 'failed', pages: [], pageCount: 0, mime, error: `${name}: ${message}` };
}

async function extract(filePath: string, name: string, options: ExtractOptions): Promise<ExtractResult> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  let stat;
  try {
    stat = await fs.stat(filePath);
  } catch (e) {
    throw new ExtractError('failed', `${name}: ${fsReason(e)}`);
  }
  if (!stat.isFile()) throw new ExtractError('failed', `${name}: not a regular file`);
  if (stat.size > maxBytes) {
    throw new ExtractError(
      'unsupported',
      `${name}: ${formatBytes(stat.size)}, larger than the ${formatBytes(maxBytes)} limit`,
    );
  }
  if (stat.size === 0) throw new ExtractError('failed', `${name}: empty file`);

  let buf: Buffer;
  try {
    buf = await fs.readFile(filePath);
  } catch (e) {
    throw new ExtractError('failed', `${name}: ${fsReason(e)}`);
  }
  if (buf.length === 0) throw new ExtractError('failed', `${name}: empty file`);

  const detected = detectFormat(buf, name);
  if (detected.format === 'unsupported') {
    return {
      status: 'unsupported',
      pages: [],
      pageCount: 0,
      mime: detected.mime,
      error: `${name}: ${detected.reason}`,
    };
  }
  const onPage = (done: number, total: number): void => {
    try {
      options.onPage?.(done, total);
    } catch {
      // Progress reporting must not break extraction.
    }
  };

  // Read before the text: pdfjs may detach `buf`, and this zip part is small. Encrypted OOXML is no zip: no authors.
  const officeNames = OFFICE_PACKAGES.has(detected.format)
    ? officeAuthors(buf, detected.format as OfficePackage)
    : [];
  let out: FormatOutput;
  try {
    out = await read(detected.format, buf, name, options, onPage);
    if (officeNames.length > 0) out.authors = officeNames;
  } catch (e) {
    return failure(e, name, detected.mime);
  }
  if (detected.format !== 'pdf') out.pages.forEach((_, i) => onPage(i + 1, out.pages.length));
  const result = toResult(out, detected.format, detected.mime, name);
  if (out.pageRange) {
    result.pageRange = out.pageRange;
    result.failedPages = out.failedPages ?? [];
    result.ocrUnreadable = out.ocrUnreadable ?? [];
  }
  return result;
}

/**
 * The result of a whole PDF from the results of its page ranges (`ExtractOptions.pageRange`, read by the
 * extraction pool's page-range tasks), as `extractFile` would give for the whole file: pages in page order, the
 * failed and OCR-unreadable pages of every range, the authors of the range holding page 1, and the status and reason
 * made by the same rules. When a part did not get as far as its pages (a password, a damaged file, a timeout, a
 * crash: any result without `pageRange`), that part's result is the file's. Every page failing gives 'failed' "no
 * page could be read (damaged PDF)", as for the whole file.
 *
 * @param name the file's base name (for the reasons)
 * @param parts the ranges' results, in any order; at least one
 * @throws RangeError when `parts` is empty
 */
export function mergePageRanges(name: string, parts: readonly ExtractResult[]): ExtractResult {
  if (parts.length === 0) throw new RangeError(`${name}: no page ranges to merge`);
  const broken = parts.find((p) => !p.pageRange);
  if (broken) return broken;
  const sorted = [...parts].sort((a, b) => a.pageRange!.first - b.pageRange!.first);
  const first = sorted[0]!;
  const pageCount = first.pageCount;
  const out: FormatOutput = {
    pages: sorted.flatMap((p) => p.pages),
    pageCount,
    failedPages: sorted.flatMap((p) => p.failedPages ?? []),
    ocrUnreadable: sorted.flatMap((p) => p.ocrUnreadable ?? []),
  };
  if (first.authors?.length) out.authors = first.authors;
  if (pageCount > 0 && out.failedPages!.length === pageCount) {
    return {
      status: 'failed',
      pages: [],
      pageCount: 0,
      mime: first.mime,
      error: `${name}: no page could be read (damaged PDF)`,
    };
  }
  return toResult(out, 'pdf', first.mime, name);
}

const OFFICE_PACKAGES: ReadonlySet<DocumentFormat> = new Set(['docx', 'xlsx', 'pptx', 'odt', 'ods', 'odp']);

function read(
  format: DocumentFormat,
  buf: Buffer,
  name: string,
  options: ExtractOptions,
  onPage: (done: number, total: number) => void,
): Promise<FormatOutput> | FormatOutput {
  const password = options.password;
  switch (format) {
    case 'pdf':
      return extractPdf(
        buf,
        name,
        password,
        onPage,
        options.ocr || undefined,
        options.signal,
        options.pageRange,
      );
    case 'png':
    case 'jpeg':
    case 'tiff':
      return extractImage(buf, name, format, options.ocr);
    case 'docx':
      return extractDocx(buf, name);
    case 'odt':
    case 'ods':
    case 'odp':
    case 'pptx':
    case 'xlsx':
      return extractOffice(buf, name, format, password);
    case 'ooxml-encrypted':
      return extractOffice(buf, name, path.extname(name).slice(1).toLowerCase() as OfficeKind, password);
    case 'html':
      return extractHtml(buf, name);
    case 'markdown':
      return extractMarkdown(buf, name);
    case 'text':
      return extractPlainText(buf, name);
    case 'csv':
      return extractCsv(buf, name);
    case 'tsv':
      return extractCsv(buf, name, '\t');
    case 'epub':
      return extractEpub(buf, name);
    case 'rtf':
      return extractRtf(buf, name);
  }
}

function toResult(out: FormatOutput, format: DocumentFormat, mime: string, name: string): ExtractResult {
  const result: ExtractResult = { status: 'indexed', pages: out.pages, pageCount: out.pageCount, mime };
  if (out.encoding) result.encoding = out.encoding;
  if (out.authors && out.authors.length > 0) result.authors = out.authors;
  if (out.title) result.title = out.title;
  if (out.language) result.language = out.language;
  const failed = out.failedPages ?? [];
  if (failed.length > 0) {
    result.failedPages = failed;
    result.error = `${name}: ${failed.length} of ${out.pageCount} pages could not be read (${pageList(failed)})`;
  }
  const unread = out.ocrUnreadable ?? [];
  if (out.pages.length === 0) {
    result.status = 'no-text';
    if (format === 'png' || format === 'jpeg' || format === 'tiff') {
      result.error = `${name}: OCR could not read the image`;
    } else if (failed.length > 0) {
      const why =
        format !== 'pdf'
          ? 'no text'
          : unread.length > 0
            ? 'no text layer, and OCR could not read them'
            : 'no text layer (scanned?)';
      result.error = `${result.error}; the others have ${why}`;
    } else {
      const why =
        format !== 'pdf'
          ? 'no text'
          : unread.length > 0
            ? 'no text layer, and OCR could not read it'
            : 'no text layer (scanned?)';
      result.error = `${name}: ${why}`;
    }
  } else if (unread.length > 0) {
    // Pages OCR could not read keep "no text layer"; the others are indexed.
    result.ocrUnreadable = unread;
    const what = `OCR could not read ${unread.length} of ${out.pageCount} pages (${pageList(unread)})`;
    result.error = result.error ? `${result.error}; ${what}` : `${name}: ${what}`;
  }
  return result;
}

function pageList(pages: number[]): string {
  const shown = pages.slice(0, 10).join(', ');
  return `page${pages.length > 1 ? 's' : ''} ${shown}${pages.length > 10 ? ', …' : ''}`;
}

function fsReason(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'file not found';
  if (code === 'EACCES' || code === 'EPERM') return 'cannot read file (permission denied)';
  if (code === 'EISDIR') return 'not a regular file';
  return `cannot read file (${code ?? (e instanceof Error ? e.message : String(e))})`;
}

/** 200 MB, 1.5 KB, 12 bytes: binary units, as file managers show them. */
function formatBytes(n: number): string {
  const units: [number, string][] = [
    [1024 ** 3, 'GB'],
    [1024 ** 2, 'MB'],
    [1024, 'KB'],
  ];
  for (const [size, unit] of units) {
    if (n >= size) {
      const value = n / size;
      return `${Number.isInteger(value) ? value : value.toFixed(1)} ${unit}`;
    }
  }
  return `${n} bytes`;
}
