import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BAND_COLOURS, BANDS } from '../../../ui/strength-bands';
import { useStrengthSettings } from '../queries';

/**
 * The pipeline's legend, bottom-left on the canvas: the strength bands with their thresholds from the
 * workspace's settings, and the shapes of required / produced knowledge, templates, experts, `next` steps and
 * knowledge flows. Folds to its title.
 */
export function StrengthLegend() {
  const { t } = useTranslation('processes');
  const settings = useStrengthSettings();
  const [open, setOpen] = useState(true);
  const s = settings.data;
  const range = {
    weak: s ? t('legend.below', { n: s.weakBelow }) : '',
    medium: s ? t('legend.between', { from: s.weakBelow, to: s.strongFrom - 1 }) : '',
    strong: s ? t('legend.from', { n: s.strongFrom }) : '',
    none: t('legend.nothingRequired'),
  };
  return (
    <div className="legend pipeline-legend" data-testid="strength-legend">
      <button className="legend-title" aria-expanded={open} onClick={() => setOpen(!open)}>
        {t('legend.title')} {open ? '▾' : '▸'}
      </button>
      {open && (
        <>
          <ul>
            {BANDS.map((b) => (
              <li key={b} data-band={b}>
                <span className="band-swatch" style={{ background: BAND_COLOURS[b].fill }} />
                {t(`band.${b}`)}
                <span className="muted">{range[b]}</span>
              </li>
            ))}
          </ul>
          <ul className="legend-kinds">
            <li>
              <span className="shape shape-req" />
              {t('legend.requires')}
            </li>
            <li>
              <span className="shape shape-prod" />
              {t('legend.produces')}
            </li>
            <li>
              <span className="shape shape-tpl" />
              {t('legend.templates')}
            </li>
            <li>
              <span className="shape shape-exp" />
              {t('legend.experts')}
            </li>
            <li>
              <span className="line line-next" />
              {t('legend.next')}
            </li>
            <li>
              <span className="line line-flow" />
              {t('legend.flow')}
            </li>
          </ul>
        </>
      )}
    </div>
  );
}
