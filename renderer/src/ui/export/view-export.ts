/**
 * Exports of a graph view (issue 9.6) from the app: PNG at 2×, SVG with real text, PDF (Electron's printToPDF,
 * the print dialog in browser mode) — each with the title "workspace · view · date" above the drawing and the
 * view's legend below it — and the self-contained offline HTML snapshot built by the core (`export:snapshot`).
 * The map, the pipeline and the core-competence diagram each give an ExportSource; ExportMenu offers the four.
 */
import type { ExportFrame, LegendEntry, ShownElements } from '../../features/map/engine/export-image';
import { call } from '../../api/client';
import { keys, queryClient } from '../../api/queries';
import { useAppStore } from '../../app/store';
import i18n from '../../i18n';
import { printSvgToPdf } from './print-pdf';
import { saveFile } from './save-file';

/** The formats of a view export. */
export const VIEW_EXPORT_FORMATS = ['png', 'svg', 'pdf', 'html'] as const;
/** One of VIEW_EXPORT_FORMATS. */
export type ViewExportFormat = (typeof VIEW_EXPORT_FORMATS)[number];

/** What a view gives the export: names, its legend and its engine's drawing. */
export interface ExportSource {
  /** File names are "<fileStem>-<yyyy-mm-dd>.<ext>", e.g. "wellspring-competencies-2026-12-02.png". */
  fileStem: string;
  /** The view's part of the title, e.g. "核心能力 › 客户与市场" or "Knowledge map (around “商机确认”)". */
  viewTitle: string;
  /** What `export:snapshot` takes for this view: `map`, `competency`, a saved view's or a process's id. */
  snapshotView: string;
  /** What the canvas draws now: the snapshot shows exactly that (the drill level, the filtered map …). */
  shown(): ShownElements;
  /** Resolves when the drawing is complete and still (no layout or animation running). */
  settle(): Promise<void>;
  /** The legend entries of what is drawn, in reading order. */
  legend(): LegendEntry[];
  /** The engine's PNG (data: URL, 2×) and SVG (document text) of its whole drawing in `frame`. */
  png(frame: ExportFrame): Promise<string>;
  svg(frame: ExportFrame): Promise<string>;
}

/**
 * `stem` usable as a file name on Windows, macOS and Linux: the characters they refuse (\ / : * ? " < > | and
 * control characters) become "_", at most 120 characters.
 */
export function safeFileStem(stem: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are what is being replaced
  const refused = /[\\/:*?"<>|\u0000-\u001f]/g;
  return stem.replace(refused, '_').trim().slice(0, 120) || 'wellspring';
}

/** "yyyy-mm-dd" of `now` in local time (file names). */
export function isoDay(now: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`;
}

/**
 * An export's title: "workspace · view · date" with the date in the UI language's long style, e.g.
 * "锦绣服饰知识地图 · 核心能力 › 客户与市场 · 2026年12月2日" or "… · Knowledge map · December 2, 2026".
 */
export function exportTitleFor(viewTitle: string, now = new Date()): string {
  const info = queryClient.getQueryData<{ name: string }>(keys.info);
  const date = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'long' }).format(now);
  return [info?.name, viewTitle, date].filter(Boolean).join(' · ');
}

/** The frame's colours from the theme (the canvas colour and the text colour). */
export function themeColours(): { background: string; color: string } {
  const css = getComputedStyle(document.documentElement);
  return {
    background: css.getPropertyValue('--canvas-bg').trim() || '#ffffff',
    color: css.getPropertyValue('--text').trim() || '#1f2937',
  };
}

/** The frame of an export of `source` now: the theme's colours, the title "workspace · view · date", the legend. */
export function frameOf(source: ExportSource, now = new Date()): ExportFrame {
  return { ...themeColours(), title: exportTitleFor(source.viewTitle, now), legend: source.legend() };
}

/**
 * Exports the view `source` describes as `format` and saves it, saying so in a toast ("Saved …"); a failure is an
 * error toast naming the file and the reason in the UI language. Resolves when done, also when the user cancelled.
 */
export async function exportView(
  source: ExportSource,
  format: ViewExportFormat,
  now = new Date(),
): Promise<void> {
  const { notify } = useAppStore.getState();
  let name = `${safeFileStem(source.fileStem)}-${isoDay(now)}.${format}`;
  try {
    if (format === 'html') {
      const shown = { title: source.viewTitle, ...source.shown() };
      const snap = await call('export:snapshot', { view: source.snapshotView, shown });
      name = snap.fileName;
      if (!(await saveFile(name, snap.html, 'utf8', 'text/html'))) return;
      notify(i18n.t('common:export.savedSnapshot', { name, nodes: snap.nodes }));
      return;
    }
    const frame = frameOf(source, now);
    if (format === 'png') {
      if (!(await saveFile(name, await source.png(frame), 'dataUrl', 'image/png'))) return;
    } else if (format === 'svg') {
      const svg = await source.svg(frame);
      if (!(await saveFile(name, svg, 'utf8', 'image/svg+xml'))) return;
    } else {
      const done = await printSvgToPdf(await source.svg(frame), name, frame.title);
      if (done === 'cancelled') return;
      if (done === 'dialog') return notify(i18n.t('common:export.printDialog', { name }));
    }
    notify(i18n.t('common:export.saved', { name }));
  } catch (e) {
    notify(i18n.t('common:export.failed', { name, reason: (e as Error).message }), 'error');
  }
}
