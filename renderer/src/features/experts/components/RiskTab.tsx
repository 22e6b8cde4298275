import { useTranslation } from 'react-i18next';
import type { RiskRow } from '../../../../../preload/contract';
import { ExportButtons } from '../../reports/components/ExportButtons';
import { useRiskRanking } from '../queries';
import { useExpertsStore } from '../store';
import { ProficiencyHeatmap } from './ProficiencyHeatmap';
import { RiskChip } from './RiskChip';

/**
 * Key-person risk: the ranking (attrition × position = total, highest first, criteria in brief; a row opens the
 * profile, a button simulates the departure) with CSV / XLSX export (disabled while nobody is ranked), and the
 * experts × categories heat map.
 */
export function RiskTab() {
  const { t } = useTranslation('experts');
  const risk = useRiskRanking();
  return (
    <div className="experts-risk">
      <section className="risk-ranking">
        <div className="experts-toolbar">
          <h3>{t('riskTab.ranking')}</h3>
          <span className="muted small">{t('riskTab.method')}</span>
          <span className="spacer" />
          {/* Nothing to export while nobody is ranked: a disabled fieldset disables both buttons (like the heat map's SVG). */}
          <fieldset className="export-fieldset" disabled={!risk.data || risk.data.length === 0}>
            <ExportButtons request={{ report: 'risk' }} />
          </fieldset>
        </div>
        {risk.isError ? (
          <p className="error-text">{risk.error.message}</p>
        ) : !risk.data ? (
          <p className="muted" role="progressbar">
            {t('loading')}
          </p>
        ) : risk.data.length === 0 ? (
          <p className="muted" data-testid="risk-empty">
            {t('riskTab.empty')}
          </p>
        ) : (
          <ol className="risk-list" data-testid="risk-list">
            {risk.data.map((r) => (
              <RiskItem key={r.id} row={r} />
            ))}
          </ol>
        )}
      </section>
      <ProficiencyHeatmap />
    </div>
  );
}

function RiskItem({ row }: { row: RiskRow }) {
  const { t } = useTranslation('experts');
  const { openProfile, simulate } = useExpertsStore();
  const c = row.position.criteria;
  const brief =
    c.length === 0
      ? t('riskTab.noSole')
      : t('riskTab.brief', {
          count: c.length,
          tacit: c.filter((x) => x.form === 'tacit').length,
          hard: c.filter((x) => x.hardToReplace).length,
          items: c
            .slice(0, 3)
            .map((x) => x.label)
            .join('、'),
        });
  return (
    <li className="risk-item" data-testid="risk-row" data-id={row.id}>
      <span className="rank">{row.rank}</span>
      <button className="link risk-name" onClick={() => openProfile(row.id)}>
        <strong>{row.label}</strong>
        <span className="muted small"> {[row.title, row.department].filter(Boolean).join(' · ')}</span>
      </button>
      <span className="risk-calc" title={t('riskTab.calcTitle')}>
        {row.attrition.factor} × {row.position.factor}
        {row.position.override !== null && <sup title={t('riskTab.overridden')}>*</sup>} =
      </span>
      <RiskChip total={row.total} band={row.band} />
      <span className="small risk-brief">{brief}</span>
      <button className="small" data-testid="risk-simulate" onClick={() => simulate([row.id])}>
        {t('riskTab.simulate')}
      </button>
    </li>
  );
}
