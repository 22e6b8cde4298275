import { createRequire } from 'node:module';
import path from 'node:path';
import { mergeAuthors } from './authors';
import { ExtractError } from './errors';
import type { FormatOutput } from './format-output';
import { MAX_IMAGE_PIXELS } from './image';
import { normalizeText } from './normalize';
import type { OcrEngine } from './ocr';
import type { ExtractedPage, PageRange } from './types';

/**
 * Resolution a page without a text layer is rendered at for OCR, in dots per inch. Measured on the bench's
 * image-only pages (tests/bench/ocr-bench.ts, scanned at 150 dpi): 150 dpi read page 8 of the maint-guide at 96.9 %
 * and raw_text.pdf at 99.9 %, 200 dpi at 97.1 % and 99.9 %, but 200 dpi took 20–60 % longer and raised the
 * extraction thread's peak RSS by ~25 MB.
 */
export const OCR_DPI = 150;
/**
 * Most pixels a page is rendered with for OCR: 16 million (an A4 page at 150 dpi is 2.2 million, A3 4.4 million, A0
 * 35 million). A larger page is rendered at the resolution that fits.
 */
export const OCR_MAX_PAGE_PIXELS = Math.min(16_000_000, MAX_IMAGE_PIXELS);

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');

let pdfjsPromise: Promise<PdfJs> | undefined;
// The legacy build is the one that runs under Node (the modern one needs DOMMatrix). It is ESM only, so it is loaded
// with import() even though main builds to CommonJS; one load serves every file.
function loadPdfJs(): Promise<PdfJs> {
  pdfjsPromise ??= import('pdfjs-dist/legacy/build/pdf.mjs');
  return pdfjsPromise;
}

/**
 * Loads pdf.js ahead of the first PDF (the extraction child does it at start, so that loading it is not counted in
 * a task's time limit). Resolves when loaded; rejects as `import()` does when pdfjs-dist is missing.
 */
export async function preloadPdfJs(): Promise<void> {
  await loadPdfJs();
}

interface PdfAssets {
  cMapUrl: string;
  standardFontDataUrl: string;
  wasmUrl: string;
}
let assetDirs: PdfAssets | undefined;
/** pdfjs reads CMaps (CJK text in many files needs them), standard fonts and wasm decoders from its package. */
function pdfjsAssets(): PdfAssets {
  if (!assetDirs) {
    const root = path.dirname(createRequire(__filename).resolve('pdfjs-dist/package.json'));
    // pdfjs's Node factories read these with fs and expect a trailing separator.
    const dir = (name: string): string => path.join(root, name) + path.sep;
    assetDirs = { cMapUrl: dir('cmaps'), standardFontDataUrl: dir('standard_fonts'), wasmUrl: dir('wasm') };
  }
  return assetDirs;
}

/**
 * PDF: every page's text layer through pdfjs-dist (legacy build, CMaps and standard fonts from the package, no font
 * faces, no system fonts; pdfjs 6 no longer evaluates code). A page's text items are joined as pdfjs lays them out
 * (`hasEOL` → line break) and normalised (NFKC, CJK words joined across line ends, hyphenated words joined). Pages are
 * freed as soon as they are read and the document is destroyed at the end, also on error.
 *
 * A page that throws (damage inside the file) is listed in `failedPages` and the other pages are still read. Pages
 * without text are left out of `pages`; `pageCount` is the document's page count.
 *
 * OCR (when `ocr` is given): a page without a text layer is rendered, one page at a time, at OCR_DPI (at most
 * OCR_MAX_PAGE_PIXELS) on a white canvas from pdfjs's `canvasFactory` (@napi-rs/canvas under Node), encoded as PNG,
 * the canvas freed, and recognised; its text is stored with `ocr: true`. A page OCR cannot read is listed in
 * `ocrUnreadable`. `signal` is checked between pages.
 *
 * Page ranges (`range`, for the extraction pool's page-range tasks, extract-process-pool.ts): only pages
 * `range.first`…`min(range.last, pageCount)` are read (authors only in the range that starts at page 1), and a range
 * whose pages all fail does not throw: the caller merges the ranges (`mergePageRanges`, extract-file.ts) and decides
 * for the whole file. `pageCount` is still the document's. `onPage` gets (page number, page count).
 *
 * @param buf the whole file; pdfjs may take over (detach) its memory
 * @param password user or owner password, any Unicode
 * @param onPage progress callback (pages done, page count)
 * @param range the 1-based inclusive pages to read (default all)
 * @throws ExtractError 'needs-password' ("password required" / "wrong password"), 'failed' ("not a valid PDF
 *   (damaged or truncated)", "cannot open PDF: …", or every page failing)
 */
export async function extractPdf(
  buf: Uint8Array,
  fileName: string,
  password?: string,
  onPage?: (done: number, total: number) => void,
  ocr?: OcrEngine,
  signal?: AbortSignal,
  range?: PageRange,
): Promise<FormatOutput> {
  const pdfjs = await loadPdfJs();
  const loadingTask = pdfjs.getDocument({
    // pdfjs refuses a Buffer; a plain view on the same memory avoids copying up to 200 MB.
    data: new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength),
    password,
    ...pdfjsAssets(),
    cMapPacked: true,
    disableFontFace: true,
    // No `isEvalSupported`: pdfjs 6.5 removed the option together with its last use of eval/new Function.
    useSystemFonts: false,
    verbosity: pdfjs.VerbosityLevel.ERRORS,
  });
  try {
    let doc: Awaited<typeof loadingTask.promise>;
    try {
      doc = await loadingTask.promise;
    } catch (e) {
      throw openError(e, fileName, password);
    }
    const total = doc.numPages;
    const first = range ? Math.max(1, range.first) : 1;
    const last = range ? Math.min(total, range.last) : total;
    const partial = first > 1 || last < total;
    const authors = first === 1 ? await pdfAuthors(doc) : [];
    const pages: ExtractedPage[] = [];
    const failedPages: number[] = [];
    const ocrUnreadable: number[] = [];
    for (let n = first; n <= last; n++) {
      if (signal?.aborted) throw new ExtractError('failed', `${fileName}: cancelled`);
      try {
        const page = await doc.getPage(n);
        try {
          const content = await page.getTextContent();
          let raw = '';
          for (const item of content.items) {
            if ('str' in item) raw += item.hasEOL ? `${item.str}\n` : item.str;
          }
          const text = normalizeText(raw);
          if (text) pages.push({ page: n, text });
          else if (ocr && (await paints(page, pdfjs))) {
            // Another thread may hold the pool's one OCR engine (ocr-slot.ts): wait before rendering the page.
            await ocr.reserve?.();
            const image = await renderPage(page, doc.canvasFactory as CanvasFactory);
            // An OCR failure is the page's, not damage in the file: the page stays "no text layer".
            const read = await ocr.recognize(image).catch(() => null);
            if (read?.readable) pages.push({ page: n, text: read.text, ocr: true });
            else ocrUnreadable.push(n);
          }
        } finally {
          page.cleanup();
        }
      } catch {
        // pdfjs throws UnknownErrorException/FormatError for a damaged page; the others are still worth reading.
        failedPages.push(n);
      }
      onPage?.(n, total);
    }
    if (!partial && total > 0 && failedPages.length === total) {
      throw new ExtractError('failed', `${fileName}: no page could be read (damaged PDF)`);
    }
    const out: FormatOutput = { pages, pageCount: total };
    if (failedPages.length > 0 || partial) out.failedPages = failedPages;
    if (ocrUnreadable.length > 0 || partial) out.ocrUnreadable = ocrUnreadable;
    if (partial) out.pageRange = { first, last };
    if (authors.length > 0) out.authors = authors;
    return out;
  } finally {
    await loadingTask.destroy();
  }
}

/**
 * True when a page draws anything (an image, a fill, a stroke, a shading, glyphs): a page that draws nothing (the
 * blank pages LaTeX puts before a chapter) is not rendered for OCR, which would only find it unreadable after
 * seconds of work. It stays a page without text, not an OCR failure.
 */
async function paints(page: PdfPage, pdfjs: PdfJs): Promise<boolean> {
  const o = pdfjs.OPS;
  const drawing = new Set<number>([
    o.paintImageXObject,
    o.paintInlineImageXObject,
    o.paintImageMaskXObject,
    o.paintImageXObjectRepeat,
    o.paintImageMaskXObjectRepeat,
    o.paintSolidColorImageMask,
    o.paintInlineImageXObjectGroup,
    o.paintImageMaskXObjectGroup,
    o.fill,
    o.eoFill,
    o.stroke,
    o.fillStroke,
    o.eoFillStroke,
    o.closeStroke,
    o.closeFillStroke,
    o.closeEOFillStroke,
    o.shadingFill,
    o.showText,
    o.showSpacedText,
    o.nextLineShowText,
    o.nextLineSetSpacingShowText,
    o.constructPath,
  ]);
  try {
    const ops = await page.getOperatorList();
    return ops.fnArray.some((fn) => drawing.has(fn));
  } catch {
    return true;
  }
}

/** pdfjs's canvas factory under Node (NodeCanvasFactory over @napi-rs/canvas). */
interface CanvasFactory {
  create(width: number, height: number): { canvas: RenderCanvas; context: RenderContext };
  destroy(pair: { canvas: RenderCanvas; context: RenderContext }): void;
}
interface RenderCanvas {
  width: number;
  height: number;
  toBuffer(mime: 'image/png'): Buffer;
}
interface RenderContext {
  fillStyle: string;
  fillRect(x: number, y: number, w: number, h: number): void;
}

type PdfPage = Awaited<ReturnType<Awaited<ReturnType<PdfJs['getDocument']>['promise']>['getPage']>>;

/**
 * Renders a page for OCR: OCR_DPI, scaled down to OCR_MAX_PAGE_PIXELS, on white (a transparent canvas reads as black
 * to tesseract), as PNG bytes. The canvas is freed before returning, so one page's pixels live at a time.
 */
async function renderPage(page: PdfPage, factory: CanvasFactory): Promise<Buffer> {
  const base = page.getViewport({ scale: 1 });
  let scale = OCR_DPI / 72;
  const pixels = base.width * base.height * scale * scale;
  if (pixels > OCR_MAX_PAGE_PIXELS) scale *= Math.sqrt(OCR_MAX_PAGE_PIXELS / pixels);
  const viewport = page.getViewport({ scale });
  const pair = factory.create(
    Math.max(1, Math.floor(viewport.width)),
    Math.max(1, Math.floor(viewport.height)),
  );
  try {
    pair.context.fillStyle = '#ffffff';
    pair.context.fillRect(0, 0, pair.canvas.width, pair.canvas.height);
    type RenderParameters = Parameters<PdfPage['render']>[0];
    await page.render({
      canvasContext: pair.context as unknown as RenderParameters['canvasContext'],
      canvas: pair.canvas as unknown as RenderParameters['canvas'],
      viewport,
    }).promise;
    return pair.canvas.toBuffer('image/png');
  } finally {
    factory.destroy(pair);
  }
}

/**
 * The authors a PDF records: the Info dictionary's `/Author` (ISO 32000-1 §14.3.3) and the XMP packet's
 * `dc:creator` sequence (§14.3.2; pdfjs parses it into an array), merged and split (`mergeAuthors`). Metadata that
 * cannot be read gives `[]`: the text still counts.
 */
async function pdfAuthors(doc: {
  getMetadata(): Promise<{ info: unknown; metadata: unknown }>;
}): Promise<string[]> {
  try {
    const { info, metadata } = await doc.getMetadata();
    const author = (info as { Author?: unknown } | null)?.Author;
    const creator = (metadata as { get(name: string): unknown } | null)?.get('dc:creator');
    const xmp = Array.isArray(creator) ? creator : [creator];
    return mergeAuthors([author, ...xmp].map((v) => (typeof v === 'string' ? v : null)));
  } catch {
    return [];
  }
}

function openError(e: unknown, fileName: string, password?: string): ExtractError {
  const { name, code, message } = e as { name?: string; code?: number; message?: string };
  if (name === 'PasswordException') {
    // code 1 = NEED_PASSWORD, 2 = INCORRECT_PASSWORD (pdfjs PasswordResponses).
    const wrong = code === 2 || Boolean(password);
    return new ExtractError(
      'needs-password',
      `${fileName}: ${wrong ? 'wrong password' : 'password required'}`,
    );
  }
  if (name === 'InvalidPDFException') {
    return new ExtractError('failed', `${fileName}: not a valid PDF (damaged or truncated)`);
  }
  return new ExtractError('failed', `${fileName}: cannot open PDF: ${message ?? String(e)}`);
}
