import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { WellspringError } from '../util/errors';
import { EXPORT_SCRIPT } from './export-page';
import { buildSnapshotHtml, type SnapshotInput } from './snapshot-html';

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
}

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

/** Where the UMD build of cytoscape-svg is (its `cy.svg()` draws labels as real <text>). */
export function cytoscapeSvgPath(): string {
  return require.resolve('cytoscape-svg/cytoscape-svg.js');
}

/**
 * Draws a view as PNG, SVG or PDF in headless Chromium (playwright-core, a fresh profile folder under os.tmpdir()
 * removed afterwards, no network): the view's offline snapshot page (buildSnapshotHtml) is opened and switched to
 * its export mode (export-page.ts: the title, workspace, date and counts, the graph drawn by cytoscape-svg, the
 * legend of the kinds with their counts — all real text), then
 * - `svg`: that picture serialised (UTF-8 XML; labels are <text>, searchable);
 * - `png`: a screenshot of it at deviceScaleFactor PNG_SCALE, so the image is 2× its CSS size;
 * - `pdf`: page.pdf() of it on one A4 landscape page, printBackground; vector, the labels extractable as text.
 * @param chromium the browser executable (default exportChromiumPath())
 * @throws WellspringError `unsupported` when there is no browser at `chromium`; `internal` (key errors.exportFailed)
 *   when the page cannot be drawn
 */
export async function renderViewExport(
  input: SnapshotInput,
  format: ExportFormat,
  chromium: string = exportChromiumPath(),
): Promise<ViewExport> {
  requireChromium(chromium);
  const html = buildSnapshotHtml(input);
  const svgPlugin = fs.readFileSync(cytoscapeSvgPath(), 'utf8');
  const { chromium: playwright } = await import('playwright-core');
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'wellspring-export-'));
  try {
    const context = await playwright.launchPersistentContext(profile, {
      executablePath: chromium,
      headless: true,
      viewport: { width: 1440, height: 900 },
      deviceScaleFactor: format === 'png' ? PNG_SCALE : 1,
      offline: true,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    });
    try {
      const page = context.pages()[0] ?? (await context.newPage());
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await page.setContent(html, { waitUntil: 'load' });
      await page.addScriptTag({ content: svgPlugin });
      let drawn: { svg: string; width: number; height: number };
      try {
        drawn = (await page.evaluate(EXPORT_SCRIPT)) as typeof drawn;
      } catch (e) {
        throw exportFailed([e instanceof Error ? e.message : String(e), ...errors].join('; '));
      }
      if (errors.length) throw exportFailed(errors.join('; '));
      const { width, height } = drawn;
      let data: Uint8Array;
      if (format === 'svg')
        data = Buffer.from(`<?xml version="1.0" encoding="UTF-8"?>\n${drawn.svg}\n`, 'utf8');
      else if (format === 'png') {
        await page.setViewportSize({ width, height });
        data = await page.screenshot({ type: 'png', clip: { x: 0, y: 0, width, height } });
      } else {
        await page.emulateMedia({ media: 'print' });
        data = await page.pdf({
          format: 'A4',
          landscape: true,
          printBackground: true,
          preferCSSPageSize: true,
          margin: { top: '8mm', right: '8mm', bottom: '8mm', left: '8mm' },
        });
      }
      return { format, data, width, height };
    } finally {
      await context.close();
    }
  } finally {
    fs.rmSync(profile, { recursive: true, force: true });
  }
}

function exportFailed(reason: string): WellspringError {
  return new WellspringError('internal', `The export could not be drawn: ${reason}`, [], {
    key: 'errors.exportFailed',
    params: { reason },
  });
}
