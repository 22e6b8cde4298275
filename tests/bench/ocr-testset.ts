/**
 * The OCR test set, made from real text: pages of real PDFs (with a text layer) rendered to images at 150 dpi, as a
 * scanner would, and wrapped as image-only PDFs; the text layer of the original page is the truth OCR is measured
 * against. Used by tests/bench/ocr-bench.ts, its smoke test, the OCR unit tests and fixtures/ocr/derive.ts.
 *
 * Rendering: pdfjs-dist 6 (legacy build) onto @napi-rs/canvas through pdfjs's own canvasFactory, on white. The PDF is
 * written with @napi-rs/canvas's PDFDocument (Skia's PDF backend): one page of the original's size in points, the
 * image drawn over the whole page, no text — the least code, and no extra dependency.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { Image, PDFDocument, type SKRSContext2D } from '@napi-rs/canvas';
import { normalizeText } from '../../main/core/documents/extract/normalize';

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
let pdfjs: Promise<PdfJs> | undefined;

/** One rendered page: the PNG, its size in pixels and the original's size in points, and the text layer. */
export interface RenderedPage {
  page: number;
  png: Buffer;
  width: number;
  height: number;
  widthPt: number;
  heightPt: number;
  /** The original page's text layer, normalised as extraction stores it (normalizeText). */
  text: string;
}

/**
 * Renders pages of a PDF to PNG at `dpi` and reads their text layers.
 *
 * @param file a PDF with a text layer
 * @param pages 1-based page numbers
 */
export async function renderPdfPages(file: string, pages: number[], dpi = 150): Promise<RenderedPage[]> {
  pdfjs ??= import('pdfjs-dist/legacy/build/pdf.mjs');
  const lib = await pdfjs;
  const root = path.dirname(createRequire(__filename).resolve('pdfjs-dist/package.json'));
  const task = lib.getDocument({
    data: new Uint8Array(fs.readFileSync(file)),
    cMapUrl: path.join(root, 'cmaps') + path.sep,
    cMapPacked: true,
    standardFontDataUrl: path.join(root, 'standard_fonts') + path.sep,
    wasmUrl: path.join(root, 'wasm') + path.sep,
    useSystemFonts: false,
    verbosity: lib.VerbosityLevel.ERRORS,
  });
  const doc = await task.promise;
  try {
    const out: RenderedPage[] = [];
    for (const n of pages) {
      const page = await doc.getPage(n);
      const base = page.getViewport({ scale: 1 });
      const viewport = page.getViewport({ scale: dpi / 72 });
      const factory = doc.canvasFactory as {
        create(w: number, h: number): { canvas: import('@napi-rs/canvas').Canvas; context: CanvasLike };
      };
      const { canvas, context } = factory.create(Math.floor(viewport.width), Math.floor(viewport.height));
      context.fillStyle = '#ffffff';
      context.fillRect(0, 0, canvas.width, canvas.height);
      type P = Parameters<typeof page.render>[0];
      await page.render({
        canvasContext: context as unknown as P['canvasContext'],
        canvas: canvas as unknown as P['canvas'],
        viewport,
      }).promise;
      const content = await page.getTextContent();
      let raw = '';
      for (const item of content.items) if ('str' in item) raw += item.hasEOL ? `${item.str}\n` : item.str;
      out.push({
        page: n,
        png: canvas.toBuffer('image/png'),
        width: canvas.width,
        height: canvas.height,
        widthPt: base.width,
        heightPt: base.height,
        text: normalizeText(raw),
      });
      page.cleanup();
    }
    return out;
  } finally {
    await task.destroy();
  }
}

interface CanvasLike {
  fillStyle: string;
  fillRect(x: number, y: number, w: number, h: number): void;
}

/**
 * An image-only PDF: one page per image, of the given size in points, the image covering it. Pages given the same
 * PNG buffer share one image object, which Skia embeds once: a 500-page scan of one page is ~0.5 MB.
 */
export function imageOnlyPdf(
  pages: ReadonlyArray<Pick<RenderedPage, 'png' | 'widthPt' | 'heightPt'>>,
): Buffer {
  const pdf = new PDFDocument({ title: 'scanned', creator: 'Wellspring OCR test set' });
  const images = new Map<Buffer, Image>();
  for (const p of pages) {
    // Typed as the DOM's context, which this project's Node typings lack; it is Skia's.
    const ctx = pdf.beginPage(p.widthPt, p.heightPt) as unknown as SKRSContext2D;
    let img = images.get(p.png);
    if (!img) {
      img = new Image();
      img.src = p.png;
      images.set(p.png, img);
    }
    ctx.drawImage(img, 0, 0, p.widthPt, p.heightPt);
    pdf.endPage();
  }
  return pdf.close();
}

/**
 * Character accuracy of OCR text against the truth: 1 − Levenshtein(truth, ocr) / length(truth), both NFKC-normalised
 * with all whitespace removed (OCR's line breaks and spacing are not what is measured). Levenshtein is the classic
 * two-row dynamic programme (Wagner–Fischer, 1974) over UTF-16 code units: ~15 lines, so no dependency for it
 * (fast-levenshtein is only in node_modules as some package's dependency).
 *
 * @returns a number ≤ 1 (negative when the OCR text is mostly wrong and longer than the truth); 1 for two empty texts
 */
export function charAccuracy(truth: string, ocr: string): number {
  const a = truth.normalize('NFKC').replace(/\s+/g, '');
  const b = ocr.normalize('NFKC').replace(/\s+/g, '');
  if (a.length === 0) return b.length === 0 ? 1 : 0;
  return 1 - levenshtein(a, b) / a.length;
}

/** Edit distance (insertions, deletions, substitutions, each 1). */
export function levenshtein(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  let cur = new Array<number>(b.length + 1);
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const sub = prev[j - 1]! + (ca === b.charCodeAt(j - 1) ? 0 : 1);
      cur[j] = Math.min(sub, prev[j]! + 1, cur[j - 1]! + 1);
    }
    [prev, cur] = [cur, prev];
  }
  return prev[b.length]!;
}
