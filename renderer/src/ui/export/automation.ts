/**
 * Exports driven from outside the page: the CLI's `export-view` and `snapshot` open the app in headless Chromium
 * (browser mode on the workspace) at `?show=SPEC`, so a picture from the command line is drawn by the same code
 * as the app's Export menu. SPEC is `map`, `competency`, `process:<process id>` or `saved:<saved view id>`
 * (main/core/export/snapshot-view.ts `openAs`). With it, `window.__wellspringExport` offers:
 * - `opened`: resolves when the view is on screen, drawn and still; rejects with the reason when it cannot open;
 * - `png()` (data: URL at 2×), `svg()` (document text): the drawing with its title, legend and date;
 * - `print()`: puts the print sheet in the page and answers its paper (page.pdf() with preferCSSPageSize then
 *   prints exactly the drawing);
 * - `shown()`: the elements on the canvas and the view's title (export:snapshot's `shown`).
 */
import type { ShownGraph } from '../../../../preload/contract';
import { call } from '../../api/client';
import { useAppStore } from '../../app/store';
import { useProcessesStore } from '../../features/processes/store';
import { openSavedView } from '../../features/saved-views/saved-views';
import { exportSourceOf } from './export-sources';
import { pdfPageFor, svgSize, type PdfPage } from './pdf-page';
import { mountPrintSheet } from './print-pdf';
import { frameOf, type ExportSource } from './view-export';

/** What `window.__wellspringExport` offers (see the module comment). */
export interface ExportAutomation {
  opened: Promise<void>;
  png(): Promise<string>;
  svg(): Promise<string>;
  print(): Promise<PdfPage>;
  shown(): ShownGraph;
}

declare global {
  interface Window {
    __wellspringExport?: ExportAutomation;
  }
}

/** How long a view may take to come up (a 10k-node map lays out in a few seconds here). */
const OPEN_TIMEOUT_MS = 60_000;

/** Waits for the export source of the view on screen that `accept` accepts. */
function sourceOn(accept: (s: ExportSource) => boolean): Promise<ExportSource> {
  const until = Date.now() + OPEN_TIMEOUT_MS;
  return new Promise((resolve, reject) => {
    const check = () => {
      const s = exportSourceOf();
      if (s && accept(s)) return resolve(s);
      if (Date.now() > until)
        return reject(new Error(`The view did not come up within ${OPEN_TIMEOUT_MS / 1000} s.`));
      setTimeout(check, 50);
    };
    check();
  });
}

/** Opens the view SPEC names and resolves with its export source once it is drawn and still. */
async function open(spec: string): Promise<ExportSource> {
  const app = useAppStore.getState();
  let accept: (s: ExportSource) => boolean = () => true;
  if (spec === 'map') app.setView('map');
  else if (spec === 'competency') app.setView('competencies');
  else if (spec.startsWith('process:')) {
    const processId = spec.slice('process:'.length);
    useProcessesStore.getState().set({ processId, tab: 'pipeline' });
    app.setView('processes');
    accept = (s) => s.snapshotView === processId;
  } else if (spec.startsWith('saved:')) {
    await openSavedView(await call('views:get', { id: spec.slice('saved:'.length) }), false);
  } else throw new Error(`Unknown view to show: ${spec}`);
  const source = await sourceOn(accept);
  await source.settle();
  return source;
}

/** Installs `window.__wellspringExport` when the page was opened with `?show=SPEC`; otherwise does nothing. */
export function installExportAutomation(search: string = location.search): void {
  const spec = new URLSearchParams(search).get('show');
  if (!spec) return;
  let source: ExportSource | null = null;
  const ready = () => {
    if (!source) throw new Error('The view is not open yet.');
    return source;
  };
  const opened = open(spec).then((s) => {
    source = s;
  });
  opened.catch(() => undefined); // the caller reads the rejection from `opened`
  window.__wellspringExport = {
    opened,
    png: () => ready().png(frameOf(ready())),
    svg: () => ready().svg(frameOf(ready())),
    async print() {
      const s = ready();
      const frame = frameOf(s);
      const svg = await s.svg(frame);
      const size = svgSize(svg);
      const page = pdfPageFor(size.width, size.height);
      mountPrintSheet(svg, page, frame.title);
      return page;
    },
    shown: () => ({ title: ready().viewTitle, ...ready().shown() }),
  };
}
