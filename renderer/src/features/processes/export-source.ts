import type { Pipeline } from '../../../../preload/contract';
import { useAppStore } from '../../app/store';
import i18n from '../../i18n';
import { BAND_COLOURS, BANDS } from '../../ui/strength-bands';
import type { ExportSource } from '../../ui/export/view-export';
import type { LegendEntry } from '../map/engine/export-image';
import type { PipelineEngine } from './engine/pipeline-engine';
import { satelliteSwatches } from './engine/pipeline-styles';

/**
 * The pipeline's export (ui/export): the whole pipeline of `pipeline.process` as drawn, titled with the process,
 * its legend the strength bands of the steps then the satellites (required, produced, template, expert) that are
 * on the canvas; the HTML snapshot is the process's view (`export:snapshot` with the process id).
 */
export function pipelineExportSource(engine: PipelineEngine, pipeline: Pipeline): ExportSource {
  const t = i18n.getFixedT(null, 'processes');
  return {
    fileStem: `wellspring-process-${pipeline.process.label}`,
    viewTitle: `${pipeline.process.label} · ${i18n.t('common:nav.processes')}`,
    snapshotView: pipeline.process.id,
    legend: () => {
      const shown = engine.shownRoles();
      const swatches = satelliteSwatches(useAppStore.getState().theme);
      const bands: LegendEntry[] = BANDS.map((b) => ({
        label: `${t('legend.title')}: ${t(`band.${b}`)}`,
        shape: 'round-rectangle',
        color: BAND_COLOURS[b].fill,
        dashed: b === 'none',
      })).filter((_, i) => shown.bands.has(BANDS[i]!));
      const names = { req: 'requires', prod: 'produces', tpl: 'templates', exp: 'experts' } as const;
      const satellites = (['req', 'prod', 'tpl', 'exp'] as const)
        .filter((r) => shown.roles.has(r))
        .map((r) => ({ label: t(`legend.${names[r]}`), ...swatches[r], dashed: false }));
      return [...bands, ...satellites];
    },
    shown: () => engine.shownElements(),
    settle: () => engine.drawn(),
    png: (frame) => engine.exportPng(frame),
    svg: (frame) => engine.exportSvg(frame),
  };
}
