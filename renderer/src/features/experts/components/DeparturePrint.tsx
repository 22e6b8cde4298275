import { useEffect } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import type { DepartureSimulation } from '../../../../../preload/contract';
import { DepartureReport } from './DepartureReport';

/**
 * The departure simulation as a printable report (Print / Save as PDF): a preview in its own DOM under <body>;
 * the print stylesheet (experts.css) hides the app and prints only this, on A4 with the toolbar left out.
 */
export function DeparturePrint({ sim, onClose }: { sim: DepartureSimulation; onClose: () => void }) {
  const { t } = useTranslation('experts');
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') onClose();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);
  return createPortal(
    <div
      className="departure-print"
      role="dialog"
      aria-modal="true"
      aria-label={t('print.title')}
      data-testid="departure-print"
    >
      <div className="departure-print-toolbar">
        <strong>{t('print.title')}</strong>
        <span className="spacer" />
        <button className="primary" data-testid="departure-print-go" onClick={() => window.print()}>
          {t('print.print')}
        </button>
        <button onClick={onClose}>{t('print.close')}</button>
      </div>
      <article className="departure-sheet">
        <h1>{t('print.heading', { names: sim.experts.map((e) => e.label).join('、') })}</h1>
        <p className="muted">{t('print.date', { date: new Date().toLocaleDateString() })}</p>
        <DepartureReport sim={sim} />
      </article>
    </div>,
    document.body,
  );
}
