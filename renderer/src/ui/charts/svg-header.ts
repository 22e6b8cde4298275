/**
 * The band an exported chart SVG carries above the chart so the file stands on its own (as the map's export does,
 * features/map/engine/export-image.ts): the chart's title, a subtitle (workspace and count date), an optional
 * caption (what the counts mean) and an optional legend of swatches. ECharts' SVG document is nested untouched
 * under the band, so the chart keeps its own layout; every text is real <text>, searchable.
 */

/** What goes above an exported chart. */
export interface SvgHeader {
  /** The chart's title, e.g. "按类型". */
  title: string;
  /** One line under the title, e.g. "锦绣服饰 · 盘点时间 2026年12月1日". */
  subtitle?: string;
  /** A note under the subtitle, wrapped to the width (e.g. "an item with two owners counts in both"). */
  caption?: string;
  /** Legend entries drawn as swatches, for charts whose option draws no legend of its own. */
  legend?: ReadonlyArray<{ label: string; colour: string }>;
  /** The theme's colours: title text, muted text (subtitle, caption), background of the band. */
  colours: { text: string; muted: string; background: string };
}

const FONT = 'system-ui, -apple-system, "Segoe UI", "PingFang SC", "Microsoft YaHei", sans-serif';
const PAD = 16;
const TITLE = 16;
const SMALL = 12;
const LINE = 18;
const SWATCH = 10;

const escapeXml = (s: string) =>
  s.replace(
    /[<>&"']/g,
    (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!,
  );

/** Text width in px at `size`, measured on a canvas (a rough estimate where there is none, e.g. in tests). */
function measurer(size: number, weight = 'normal'): (text: string) => number {
  const ctx = typeof document === 'undefined' ? null : document.createElement('canvas').getContext('2d');
  if (!ctx)
    return (text) => [...text].reduce((w, ch) => w + (ch.charCodeAt(0) > 0xff ? size : size * 0.6), 0);
  ctx.font = `${weight} ${size}px ${FONT}`;
  return (text) => ctx.measureText(text).width;
}

/** Breaks `text` into lines no wider than `width` px (at spaces, or anywhere in text without spaces). */
function wrap(text: string, width: number, measure: (s: string) => number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const token of text.match(/\S+\s*|\s+/g) ?? []) {
    for (const piece of measure(token) > width ? [...token] : [token]) {
      if (line && measure(line + piece) > width) {
        lines.push(line.trimEnd());
        line = piece.trimStart();
      } else line += piece;
    }
  }
  if (line.trim()) lines.push(line.trimEnd());
  return lines;
}

/**
 * `chartSvg` (a standalone SVG document of `width` × `height` px, as ECharts' SSR renderer writes it) under the
 * header band: an outer <svg> of `width` × (band + `height`) px whose band holds the title, subtitle, caption and
 * legend, and a <g> moved down by the band holding the chart's own <svg>.
 */
export function withSvgHeader(chartSvg: string, width: number, height: number, header: SvgHeader): string {
  const inner = width - 2 * PAD;
  const small = measurer(SMALL);
  const parts: string[] = [];
  let y = PAD + TITLE;
  const text = (s: string, size: number, colour: string, extra = '') =>
    `<text x="${PAD}" y="${y}" font-size="${size}" fill="${escapeXml(colour)}"${extra}>${escapeXml(s)}</text>`;
  parts.push(text(header.title, TITLE, header.colours.text, ' font-weight="600" class="chart-title"'));
  if (header.subtitle) {
    y += LINE + 2;
    parts.push(text(header.subtitle, SMALL, header.colours.muted, ' class="chart-subtitle"'));
  }
  for (const line of header.caption ? wrap(header.caption, inner, small) : []) {
    y += LINE;
    parts.push(text(line, SMALL, header.colours.muted));
  }
  if (header.legend?.length) {
    y += LINE + 4;
    let x = PAD;
    const items: string[] = [];
    for (const e of header.legend) {
      const w = SWATCH + 6 + small(e.label);
      if (x > PAD && x + w > PAD + inner) {
        x = PAD;
        y += LINE;
      }
      items.push(
        `<rect x="${x}" y="${y - SWATCH}" width="${SWATCH}" height="${SWATCH}" rx="2" fill="${escapeXml(e.colour)}"/>` +
          `<text x="${x + SWATCH + 6}" y="${y}" font-size="${SMALL}" fill="${escapeXml(header.colours.text)}">${escapeXml(e.label)}</text>`,
      );
      x += w + 16;
    }
    parts.push(`<g class="chart-legend">${items.join('')}</g>`);
  }
  const band = y + PAD / 2;
  const total = band + height;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${total}" viewBox="0 0 ${width} ${total}">` +
    `<rect width="100%" height="100%" fill="${escapeXml(header.colours.background)}"/>` +
    `<g font-family="${escapeXml(FONT)}">${parts.join('')}</g>` +
    `<g transform="translate(0 ${band})">${chartSvg}</g>` +
    `</svg>`
  );
}
