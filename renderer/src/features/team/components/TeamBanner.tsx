import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { subscribe } from '../../../api/client';
import { useWorkspaceInfo } from '../../../api/queries';
import { useAppStore } from '../../../app/store';
import { useTeamStore } from '../store';

/**
 * A bar across the top while the team server cannot be reached (`team:did-change-status`): edits are refused
 * meanwhile, with a clear message, and stay in their fields to be saved again; when the connection is back the bar
 * goes and, once it has held for a second, one toast says the map caught up.
 */
export function TeamBanner() {
  const { t } = useTranslation('team');
  const info = useWorkspaceInfo();
  const status = useTeamStore((s) => s.status);
  useEffect(() => {
    useTeamStore.getState().set({ status: info.data?.team?.status ?? 'connected' });
  }, [info.data?.team?.status, info.data?.path]);
  useEffect(
    () =>
      subscribe('team:did-change-status', ({ status: next }) => {
        const was = useTeamStore.getState().status;
        useTeamStore.getState().set({ status: next });
        if (was === 'reconnecting' && next === 'connected')
          useAppStore.getState().notify(t('status.reconnected'));
      }),
    [t],
  );
  if (status !== 'reconnecting') return null;
  return (
    <div className="team-banner" role="alert" data-testid="team-reconnecting">
      <span className="spinner" aria-hidden="true" />
      <span>{t('status.reconnecting')}</span>
    </div>
  );
}
