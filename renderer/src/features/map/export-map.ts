/**
 * The map's export (ui/export): the whole map with every label as text, titled with the view (the map, an ego
 * view "around …", or how many filters are on), its legend the kinds on the map (engine/export-image.ts), or the
 * communities when the map is coloured by them. The HTML snapshot is the knowledge map. The export commands
 * (view.exportPng …) and the toolbar's Export menu use it.
 */
import i18n from '../../i18n';
import { keys, queryClient } from '../../api/queries';
import { themeColours, type ExportSource } from '../../ui/export/view-export';
import type { GraphEngine } from './engine/graph-engine';
import type { ExportDecor } from './engine/export-image';
import { communityColour } from './engine/node-encoding';
import { activeFilterCount, useMapStore } from './store';

/** The map's part of an export title: "知识地图", "Knowledge map (around “商机确认”)", "… (2 filters)". */
export function mapViewTitle(engine: GraphEngine): string {
  const { ego, filter } = useMapStore.getState();
  let view = i18n.t('common:nav.map');
  if (ego) {
    const label = engine.cy.getElementById(ego.nodeId).data('label') as string | undefined;
    view += ` (${i18n.t('map:ego.of', { label: label ?? '' })})`;
  } else if (activeFilterCount(filter) > 0) {
    view += ` (${i18n.t('map:filter.active', { count: activeFilterCount(filter) })})`;
  }
  return view;
}

/** What the map's legend says: the kinds' names, tacit knowledge, the communities when coloured by them. */
export function mapLegendDecor(engine: GraphEngine): ExportDecor {
  return {
    ...themeColours(),
    title: '',
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

/** The map's ExportSource (its HTML snapshot is the whole knowledge map at its stored positions). */
export function mapExportSource(engine: GraphEngine): ExportSource {
  return {
    fileStem: 'wellspring-map',
    viewTitle: mapViewTitle(engine),
    snapshotView: 'map',
    legend: () => engine.exportLegend(mapLegendDecor(engine)),
    shown: () => engine.shownElements(),
    settle: () => engine.idle(),
    png: (frame) => engine.exportPng(frame),
    svg: (frame) => engine.exportSvg(frame),
  };
}
