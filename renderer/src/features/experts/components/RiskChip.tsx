import { useTranslation } from 'react-i18next';
import type { RiskBand } from '../../../../../preload/contract';
import { RISK_COLOURS } from '../risk-bands';

/** A total risk (1–25) on its band's colour with the band's mark; the band is named for screen readers. */
export function RiskChip({ total, band }: { total: number; band: RiskBand }) {
  const { t } = useTranslation('experts');
  const c = RISK_COLOURS[band];
  const name = t(`band.${band}`);
  return (
    <span
      className="risk-chip"
      data-band={band}
      data-testid="risk-chip"
      style={{ background: c.fill, color: c.text }}
      title={t('band.title', { band: name })}
      aria-label={t('band.label', { band: name, total })}
    >
      <span aria-hidden="true">{c.mark}</span> {total}
    </span>
  );
}
