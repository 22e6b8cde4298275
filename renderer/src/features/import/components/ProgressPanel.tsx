import { useTranslation } from 'react-i18next';
import type { ImportProgress } from '../session-api';

/**
 * The bar of a read, check or write under way, with Cancel (not while writing: one transaction either happens
 * whole or not at all, and takes a couple of seconds at most). Indeterminate until a total is known.
 */
export function ProgressPanel(props: {
  phase: 'reading' | 'planning' | 'applying';
  file: string;
  progress: ImportProgress | null;
  onCancel: () => void;
}) {
  const { t } = useTranslation('transfer');
  const p = props.progress?.phase === props.phase ? props.progress : null;
  const done = p?.done ?? 0;
  const total = p?.total ?? null;
  const text =
    props.phase === 'reading'
      ? done > 0
        ? t('wizard.progress.readingRows', { file: props.file, done: done.toLocaleString() })
        : t('wizard.progress.reading', { file: props.file })
      : props.phase === 'planning'
        ? total
          ? t('wizard.progress.planning', { percent: Math.floor((done / total) * 100) })
          : t('wizard.progress.planningStart')
        : t('wizard.progress.applying', { total: (total ?? 0).toLocaleString() });
  return (
    <div className="iw-progress" data-testid="iw-progress" data-phase={props.phase}>
      <span className="iw-progress-text" aria-live="polite">
        {text}
      </span>
      {total ? <progress max={total} value={done} /> : <progress />}
      {props.phase !== 'applying' && (
        <button type="button" data-testid="iw-cancel-job" onClick={props.onCancel}>
          {t('wizard.progress.cancel')}
        </button>
      )}
    </div>
  );
}
