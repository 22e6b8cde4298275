import { call, isElectron } from '../../api/client';
import { pdfPageFor, svgSize, type PdfPage } from './pdf-page';

/**
 * Puts `svg` (an export's SVG document) into the print sheet: a `.view-print` element under <body> that only
 * print media shows (ui/export/export.css: everything else is hidden, the picture fills the page) with an
 * `@page view-export` rule for `page`. The SVG is parsed as XML and imported, never set as HTML, so no label can
 * become markup. Returns the sheet; remove it when printed.
 * @throws Error when `svg` is not well-formed XML
 */
export function mountPrintSheet(svg: string, page: PdfPage, title: string): HTMLElement {
  const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
  if (doc.querySelector('parsererror') || doc.documentElement.localName !== 'svg')
    throw new Error('The drawing is not a valid SVG document.');
  document.querySelectorAll('body > .view-print').forEach((e) => e.remove());
  const sheet = document.createElement('div');
  sheet.className = 'view-print';
  sheet.setAttribute('aria-hidden', 'true');
  sheet.dataset.testid = 'view-print';
  sheet.dataset.page = `${page.pageSize} ${page.landscape ? 'landscape' : 'portrait'}`;
  const style = document.createElement('style');
  style.textContent = `@page view-export { size: ${page.pageSize} ${page.landscape ? 'landscape' : 'portrait'}; margin: 10mm; }`;
  const picture = document.importNode(doc.documentElement, true);
  picture.setAttribute('role', 'img');
  picture.setAttribute('aria-label', title);
  sheet.append(style, picture);
  document.body.append(sheet);
  return sheet;
}

const nextFrame = () => new Promise<void>((r) => requestAnimationFrame(() => r()));

/**
 * Makes a PDF of an export's SVG: under Electron the print sheet is printed by the main process
 * (`export:print-pdf`, webContents.printToPDF; vector, labels as text) and saved where the user chooses; in
 * browser mode the print dialog opens (window.print) on the print sheet, where "Save as PDF" makes the file. The
 * sheet is removed when printing is over (Electron: when the call returns; browser: on `afterprint`).
 * @returns `saved` (Electron, written), `cancelled` (Electron, the user closed the save dialog) or `dialog`
 *   (browser mode: the print dialog was shown)
 * @throws Error when the SVG is malformed; ApiError when the main process could not print or save
 */
export async function printSvgToPdf(
  svg: string,
  fileName: string,
  title: string,
): Promise<'saved' | 'cancelled' | 'dialog'> {
  const size = svgSize(svg);
  const page = pdfPageFor(size.width, size.height);
  const sheet = mountPrintSheet(svg, page, title);
  await nextFrame();
  await nextFrame();
  if (isElectron) {
    try {
      const r = await call('export:print-pdf', { suggestedName: fileName, ...page });
      return r.saved ? 'saved' : 'cancelled';
    } finally {
      sheet.remove();
    }
  }
  window.addEventListener('afterprint', () => sheet.remove(), { once: true });
  window.print();
  return 'dialog';
}
