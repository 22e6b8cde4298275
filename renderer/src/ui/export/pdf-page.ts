/** The paper a view's PDF export prints on (pure: no DOM, unit-tested). */

/** A paper size and orientation of the PDF export. */
export interface PdfPage {
  pageSize: 'A4' | 'A3';
  landscape: boolean;
}

/** Printable area (CSS px at 96 dpi, 10 mm margins) of A4 in portrait; A3 is √2 times it in each direction. */
const A4_PORTRAIT = { width: 718, height: 1047 };
/**
 * Below this scale on A4 the drawings' smallest labels (11 px = 8.25 pt) would print under 5 pt: A3 is used instead.
 */
const MIN_A4_SCALE = 0.6;

/**
 * The page a picture of `width` × `height` CSS px prints on: landscape when it is wider than tall; A4 when it fits
 * there at ≥ 0.6 of its size (11 px labels stay ≥ 5 pt), else A3 (the drawing is scaled down to fit either way).
 */
export function pdfPageFor(width: number, height: number): PdfPage {
  const landscape = width > height;
  const area = landscape
    ? { width: A4_PORTRAIT.height, height: A4_PORTRAIT.width }
    : { width: A4_PORTRAIT.width, height: A4_PORTRAIT.height };
  const scale = Math.min(area.width / Math.max(1, width), area.height / Math.max(1, height));
  return { pageSize: scale >= MIN_A4_SCALE ? 'A4' : 'A3', landscape };
}

/** The size of an SVG document's outer element (its width and height attributes, CSS px). */
export function svgSize(svg: string): { width: number; height: number } {
  const open = /^\s*(?:<\?xml[^>]*>\s*)?<svg\b[^>]*>/.exec(svg)?.[0] ?? '';
  const num = (attr: string) => Number(new RegExp(`\\s${attr}="([\\d.]+)"`).exec(open)?.[1] ?? 0);
  return { width: num('width'), height: num('height') };
}
