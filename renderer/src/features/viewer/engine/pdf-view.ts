/**
 * The PDF viewer's engine: the only renderer code that imports pdfjs-dist (STYLE.md). Renders one page to a
 * canvas with pdf.js's text layer on top, and marks the query's hits in the text layer.
 */
import * as pdfjs from 'pdfjs-dist';
import 'pdfjs-dist/web/pdf_viewer.css';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';
import { findRanges } from '../highlight';

pdfjs.GlobalWorkerOptions.workerSrc = workerUrl;

export class PdfView {
  private doc: pdfjs.PDFDocumentProxy | null = null;
  private task: pdfjs.PDFDocumentLoadingTask | null = null;
  private renderTask: pdfjs.RenderTask | null = null;
  private textLayer: pdfjs.TextLayer | null = null;

  /** Opens a PDF from its bytes; resolves with the page count. */
  async open(data: Uint8Array, password?: string): Promise<number> {
    const base = new URL('./pdfjs/', window.location.href).href;
    this.task = pdfjs.getDocument({
      data,
      password,
      cMapUrl: `${base}cmaps/`,
      cMapPacked: true,
      standardFontDataUrl: `${base}standard_fonts/`,
    });
    this.doc = await this.task.promise;
    return this.doc.numPages;
  }

  /**
   * Draws page `n` (1-based) to fit `width` CSS px into `canvas`, the text layer into `layer`, and marks the
   * terms; returns the number of hits marked.
   */
  async render(
    n: number,
    canvas: HTMLCanvasElement,
    layer: HTMLDivElement,
    width: number,
    terms: string[],
  ): Promise<number> {
    if (!this.doc) return 0;
    this.renderTask?.cancel();
    this.textLayer?.cancel();
    const page = await this.doc.getPage(n);
    const base = page.getViewport({ scale: 1 });
    const viewport = page.getViewport({ scale: width / base.width });
    const ratio = window.devicePixelRatio || 1;
    canvas.width = Math.floor(viewport.width * ratio);
    canvas.height = Math.floor(viewport.height * ratio);
    canvas.style.width = `${viewport.width}px`;
    canvas.style.height = `${viewport.height}px`;
    this.renderTask = page.render({
      canvas,
      viewport,
      transform: ratio !== 1 ? [ratio, 0, 0, ratio, 0, 0] : undefined,
    });
    try {
      await this.renderTask.promise;
    } catch (e) {
      if ((e as Error).name === 'RenderingCancelledException') return 0;
      throw e;
    }
    layer.replaceChildren();
    layer.style.width = `${viewport.width}px`;
    layer.style.height = `${viewport.height}px`;
    layer.style.setProperty('--scale-factor', String(viewport.scale));
    layer.style.setProperty('--total-scale-factor', String(viewport.scale));
    this.textLayer = new pdfjs.TextLayer({
      textContentSource: page.streamTextContent(),
      container: layer,
      viewport,
    });
    await this.textLayer.render();
    page.cleanup();
    return markHits(layer, terms);
  }

  /** Releases the document and pdf.js's worker-side resources. */
  destroy(): void {
    this.renderTask?.cancel();
    this.textLayer?.cancel();
    void this.task?.destroy();
    this.doc = null;
    this.task = null;
  }
}

/** Wraps hits of `terms` in each text-layer span in <mark class="hit">; returns how many were marked. */
function markHits(layer: HTMLElement, terms: string[]): number {
  let count = 0;
  for (const span of Array.from(layer.querySelectorAll('span'))) {
    const text = span.textContent ?? '';
    const ranges = findRanges(text, terms);
    if (!ranges.length || span.children.length) continue;
    const frag = document.createDocumentFragment();
    let at = 0;
    for (const [s, e] of ranges) {
      if (s > at) frag.append(text.slice(at, s));
      const mark = document.createElement('mark');
      mark.className = 'hit';
      mark.textContent = text.slice(s, e);
      frag.append(mark);
      at = e;
      count++;
    }
    if (at < text.length) frag.append(text.slice(at));
    span.replaceChildren(frag);
  }
  return count;
}
