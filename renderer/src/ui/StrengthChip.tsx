import { useTranslation } from 'react-i18next';
import type { StrengthBand } from '../../../preload/contract';
import { BAND_COLOURS } from './strength-bands';

/** A strength number on its band's colour (— when there is none), with the band named for screen readers. */
export function StrengthChip({ strength, band }: { strength: number | null; band: StrengthBand }) {
  const { t } = useTranslation('processes');
  const c = BAND_COLOURS[band];
  return (
    <span
      className="strength-chip"
      data-band={band}
      style={{ background: c.fill, color: c.text }}
      title={t('chip.title', { band: t(`band.${band}`) })}
      aria-label={t('chip.label', { band: t(`band.${band}`), strength: strength ?? '—' })}
    >
      {strength ?? '—'}
    </span>
  );
}
