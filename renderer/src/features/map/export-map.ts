/**
 * Export of the map on screen as PNG or SVG: builds the title and legend texts (engine/export-image.ts draws
 * them), then saves the file through the native dialog (Electron) or as a browser download, and says so in a
 * toast. Called by the export commands with the active engine.
 */
import i18n from '../../i18n';
import { call, isElectron } from '../../api/client';
import { keys, queryClient } from '../../api/queries';
import { useAppStore } from '../../app/store';
import type { GraphEngine } from './engine/graph-engine';
import type { ExportDecor } from './engine/export-image';
import { communityColour } from './engine/node-encoding';
import { activeFilterCount, useMapStore } from './store';

/**
 * The export's title: "workspace · view · date" in the UI language, e.g.
 * "锦绣服饰知识地图 · 知识地图 · 2026年12月1日" or "… · Knowledge map (around “商机确认”) · December 1, 2026".
 */
export function exportTitle(engine: GraphEngine, now = new Date()): string {
  const info = queryClient.getQueryData<{ name: string }>(keys.info);
  const { ego, filter } = useMapStore.getState();
  let view = i18n.t('common:nav.map');
  if (ego) {
    const label = engine.cy.getElementById(ego.nodeId).data('label') as string | undefined;
    view += ` (${i18n.t('map:ego.of', { label: label ?? '' })})`;
  } else if (activeFilterCount(filter) > 0) {
    view += ` (${i18n.t('map:filter.active', { count: activeFilterCount(filter) })})`;
  }
  const date = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'long' }).format(now);
  return [info?.name, view, date].filter(Boolean).join(' · ');
}

/** Title, legend labels and the theme's colours for an export. */
export function exportDecor(engine: GraphEngine): ExportDecor {
  const css = getComputedStyle(document.documentElement);
  return {
    background: css.getPropertyValue('--canvas-bg').trim() || '#ffffff',
    color: css.getPropertyValue('--text').trim() || '#1f2937',
    title: exportTitle(engine),
    kindLabel: (k) => i18n.t(`map:kinds.${k}`),
    tacitLabel: `${i18n.t('map:kinds.knowledge')} · ${i18n.t('map:values.tacit')}`,
    communities: communityLegend(engine),
  };
}

/** Legend entries of the communities on the map, when it is coloured by community (largest first, at most 10). */
function communityLegend(engine: GraphEngine): ExportDecor['communities'] {
  if (useMapStore.getState().colourBy !== 'community') return undefined;
  const metrics = queryClient.getQueryData<{ community: Record<string, number> }>(keys.metrics);
  if (!metrics) return undefined;
  const counts = new Map<number, number>();
  engine.cy.nodes('[kind]').forEach((n) => {
    const c = metrics.community[n.id()];
    if (c !== undefined) counts.set(c, (counts.get(c) ?? 0) + 1);
  });
  return [...counts]
    .sort((a, b) => a[0] - b[0])
    .slice(0, 10)
    .map(([c, count]) => ({
      label: i18n.t('map:legend.community', { n: c + 1, count }),
      color: communityColour(c),
    }));
}

/**
 * Exports the engine's map as `format` and saves it (`wellspring-map.png` / `.svg` suggested). Resolves once
 * saved, or when the user cancels the native dialog. Errors (encoding, saving) are shown as an error toast.
 */
export async function exportMap(engine: GraphEngine, format: 'png' | 'svg'): Promise<void> {
  const notify = useAppStore.getState().notify;
  const name = `wellspring-map.${format}`;
  try {
    const decor = exportDecor(engine);
    const content = format === 'png' ? await engine.exportPng(decor) : await engine.exportSvg(decor);
    if (isElectron) {
      const r = await call('export:save-file', {
        suggestedName: name,
        content,
        encoding: format === 'png' ? 'dataUrl' : 'utf8',
      });
      if (!r.saved) return;
    } else {
      const a = document.createElement('a');
      const url =
        format === 'png' ? content : URL.createObjectURL(new Blob([content], { type: 'image/svg+xml' }));
      a.href = url;
      a.download = name;
      a.click();
      if (format === 'svg') setTimeout(() => URL.revokeObjectURL(url), 10_000);
    }
    notify(i18n.t('map:toast.exported', { name }));
  } catch (e) {
    // ApiError messages are already translated; an encoding failure of the image is named after the file.
    notify(i18n.t('map:toast.exportFailed', { name, reason: (e as Error).message }), 'error');
  }
}
