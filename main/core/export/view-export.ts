import fs from 'node:fs';
import type { Page } from 'playwright-core';
import { WellspringError } from '../util/errors';
import type { ShownGraph } from '../../../preload/contract';

/** What the page offers the CLI (renderer/src/ui/export/automation.ts ExportAutomation), as seen from here. */
export interface PageExportApi {
  opened: Promise<void>;
  png(): Promise<string>;
  svg(): Promise<string>;
  print(): Promise<{ pageSize: 'A4' | 'A3'; landscape: boolean }>;
  shown(): ShownGraph;
}

/** The picture formats of a view export (issue 9.6). The HTML snapshot is snapshot-html.ts. */
export const EXPORT_FORMATS = ['png', 'svg', 'pdf'] as const;
/** One of EXPORT_FORMATS. */
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** The PNG's pixel density: the image is this many times the picture's CSS size in each direction. */
export const PNG_SCALE = 2;

/** A drawn export: the file's bytes and the picture's size in CSS px (a PNG is PNG_SCALE times that). */
export interface ViewExport {
  format: ExportFormat;
  data: Uint8Array;
  width: number;
  height: number;
  /** A PDF's paper, e.g. "A3 portrait". */
  paper?: string;
}

/**
 * The flags every headless Chromium of ours starts with (the CLI's exports, the e2e tests and the benchmarks):
 * no sandbox (containers), no GPU, and nothing that would reach the network or write beside the profile.
 */
export const HEADLESS_CHROMIUM_ARGS: readonly string[] = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** The Chromium used to draw exports: CHROMIUM_PATH when set, else Debian's /usr/bin/chromium. */
export function exportChromiumPath(): string {
  return process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
}

/**
 * Throws unless a browser executable is at `chromium` — before anything is drawn, so a missing browser is a clear
 * message rather than Playwright's launch log.
 * @throws WellspringError `unsupported` (key errors.exportBrowserMissing) naming the path looked at
 */
export function requireChromium(chromium: string = exportChromiumPath()): void {
  let ok: boolean;
  try {
    fs.accessSync(chromium, fs.constants.X_OK);
    ok = fs.statSync(chromium).isFile();
  } catch {
    ok = false;
  }
  if (!ok)
    throw new WellspringError(
      'unsupported',
      `No Chromium to draw the export with at ${chromium} (install chromium or set CHROMIUM_PATH).`,
      ['chromium'],
      { key: 'errors.exportBrowserMissing', params: { path: chromium } },
    );
}

/**
 * Draws the view open in `page` (openViewInApp, app-export.ts) as PNG, SVG or PDF with the code of the app's
 * Export menu (renderer/src/ui/export): the title "workspace · view · date", the drawing with every label and
 * the view's legend —
 * - `svg`: the document the app saves (UTF-8 XML with a declaration; labels are <text>, searchable);
 * - `png`: the app's PNG at PNG_SCALE (2×) its CSS size;
 * - `pdf`: the app's print sheet printed by Chromium (page.pdf with the sheet's own @page: A4, or A3 when the
 *   drawing would print too small; landscape when it is wider than tall), vector, labels extractable as text.
 * @returns the bytes and the picture's size in CSS px (for a PDF, the SVG's size; `paper` says the page)
 * @throws WellspringError `internal` (key errors.exportFailed) when the page cannot draw it
 */
export async function drawViewInApp(page: Page, format: ExportFormat): Promise<ViewExport> {
  try {
    if (format === 'png') {
      const url = await page.evaluate(() =>
        (globalThis as unknown as { __wellspringExport: PageExportApi }).__wellspringExport.png(),
      );
      const data = Buffer.from(url.slice(url.indexOf(',') + 1), 'base64');
      return {
        format,
        data,
        width: Math.round(data.readUInt32BE(16) / PNG_SCALE),
        height: Math.round(data.readUInt32BE(20) / PNG_SCALE),
      };
    }
    const svg = await page.evaluate(() =>
      (globalThis as unknown as { __wellspringExport: PageExportApi }).__wellspringExport.svg(),
    );
    const size = svgOuterSize(svg);
    if (format === 'svg')
      return {
        format,
        data: Buffer.from(`<?xml version="1.0" encoding="UTF-8"?>\n${svg}\n`, 'utf8'),
        ...size,
      };
    const paper = await page.evaluate(() =>
      (globalThis as unknown as { __wellspringExport: PageExportApi }).__wellspringExport.print(),
    );
    const data = await page.pdf({ preferCSSPageSize: true, printBackground: true });
    return {
      format,
      data,
      ...size,
      paper: `${paper.pageSize} ${paper.landscape ? 'landscape' : 'portrait'}`,
    };
  } catch (e) {
    if (e instanceof WellspringError) throw e;
    const reason = e instanceof Error ? e.message.split('\n')[0]! : String(e);
    throw new WellspringError('internal', `The export could not be drawn: ${reason}`, [], {
      key: 'errors.exportFailed',
      params: { reason },
    });
  }
}

/** Width and height (CSS px) of an SVG document's outer element. */
function svgOuterSize(svg: string): { width: number; height: number } {
  const open = /^\s*<svg\b[^>]*>/.exec(svg)?.[0] ?? '';
  const num = (attr: string) => Number(new RegExp(`\\s${attr}="([\\d.]+)"`).exec(open)?.[1] ?? 0);
  return { width: num('width'), height: num('height') };
}
