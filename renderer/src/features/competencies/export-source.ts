import type { CompetencyDiagram } from '../../../../preload/contract';
import i18n from '../../i18n';
import type { ExportSource } from '../../ui/export/view-export';
import type { LegendEntry } from '../map/engine/export-image';
import { COVERAGE_BANDS, COVERAGE_COLOURS, EXPERT_COLOUR } from './coverage-bands';
import type { CompetencyEngine } from './engine/competency-engine';

/**
 * The core-competence diagram's export (ui/export): the drill level on screen as drawn, titled "Competencies ›
 * breadcrumbs", its legend the coverage bands that occur (competencies by coverage against target, knowledge
 * items by strength in the same colours), then experts when shown; the HTML snapshot is the competency view.
 */
export function competencyExportSource(engine: CompetencyEngine, diagram: CompetencyDiagram): ExportSource {
  const t = i18n.getFixedT(null, 'competencies');
  const trail = diagram.breadcrumbs.map((c) => c.label).join(' › ');
  return {
    // One file name per drill level: the level's focus after the core.
    fileStem:
      diagram.breadcrumbs.length > 1
        ? `wellspring-competencies-${diagram.breadcrumbs.at(-1)!.label}`
        : 'wellspring-competencies',
    viewTitle: trail ? `${t('title')} · ${trail}` : t('title'),
    snapshotView: 'competency',
    legend: () => {
      const entries: LegendEntry[] = COVERAGE_BANDS.map((b) => ({
        label: t(`band.${b}`),
        shape: 'ellipse',
        color: COVERAGE_COLOURS[b].fill,
        dashed: false,
      }));
      if (diagram.nodes.some((n) => n.kind === 'expert'))
        entries.push({ label: t('legend.expert'), shape: 'diamond', color: EXPERT_COLOUR, dashed: false });
      return entries;
    },
    shown: () => engine.shownElements(),
    settle: () => engine.drawn(),
    png: (frame) => engine.exportPng(frame),
    svg: (frame) => engine.exportSvg(frame),
  };
}
