import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { call } from '../../../api/client';

/**
 * "Building the search index: 42 % (…)" while a search waits for the index a worker is building (issue 12 §3):
 * asks `search:status` every half second as long as `waiting` (a search is in flight); shows nothing otherwise or
 * once the index is ready.
 */
export function IndexProgress({ waiting }: { waiting: boolean }) {
  const { t } = useTranslation('search');
  const status = useQuery({
    queryKey: ['search:status'],
    queryFn: () => call('search:status', {}),
    enabled: waiting,
    refetchInterval: waiting ? 500 : false,
  });
  const s = status.data;
  if (!waiting || s?.state !== 'building') return null;
  const percent = s.total > 0 ? Math.floor((s.done / s.total) * 100) : 0;
  return (
    <p className="muted small" role="status" data-testid="search-index-progress">
      {t('indexBuilding', { percent, done: s.done, total: s.total })}
    </p>
  );
}
