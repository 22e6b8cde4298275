import { useTranslation } from 'react-i18next';
import { COVERAGE_BANDS, COVERAGE_COLOURS, EXPERT_COLOUR } from '../coverage-bands';

/** The diagram's legend: the coverage bands against target (the percent is on every node), and experts. */
export function CoverageLegend() {
  const { t } = useTranslation('competencies');
  return (
    <div className="competency-legend" data-testid="competency-legend" aria-label={t('legend.title')}>
      <strong>{t('legend.title')}</strong>
      {COVERAGE_BANDS.map((b) => (
        <span key={b} className="legend-row">
          <span className="swatch" style={{ background: COVERAGE_COLOURS[b].fill }} />
          {t(`band.${b}`)}
        </span>
      ))}
      <span className="legend-row">
        <span className="swatch diamond" style={{ background: EXPERT_COLOUR }} />
        {t('legend.expert')}
      </span>
      <span className="muted small">{t('legend.note')}</span>
    </div>
  );
}
