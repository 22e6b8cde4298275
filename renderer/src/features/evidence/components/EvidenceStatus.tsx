import { useTranslation } from 'react-i18next';
import { useEvidenceProgress } from '../queries';

/**
 * The evidence finder's background run in the status bar: "Finding evidence… 40/114" while it runs, then the
 * number of current proposals; nothing before the first run.
 */
export function EvidenceStatus() {
  const { t } = useTranslation('evidence');
  const progress = useEvidenceProgress().data;
  if (!progress || (!progress.running && !progress.finishedAt)) return null;
  return (
    <span
      className="muted"
      data-testid="evidence-status"
      title={t('progress.title', { items: progress.items })}
    >
      {progress.running
        ? t('progress.running', { done: progress.done, total: progress.total })
        : t('progress.done', { count: progress.proposals })}
    </span>
  );
}
