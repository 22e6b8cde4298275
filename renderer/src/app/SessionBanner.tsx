import { useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { isSessionExpired, onSessionExpired } from '../api/client';
import './session-banner.css';

/**
 * Browser mode only: a bar across the top once the server has refused the page's token — the app was restarted
 * with a new one, so nothing on this page can reach it any more — with a button that reloads the page (which
 * then carries the new token). Electron never shows it.
 */
export function SessionBanner() {
  const { t } = useTranslation();
  const expired = useSyncExternalStore(onSessionExpired, isSessionExpired);
  if (!expired) return null;
  return (
    <div className="session-banner" role="alert" data-testid="session-banner">
      <span>{t('session.restarted')}</span>
      <button className="primary" data-testid="session-reload" onClick={() => window.location.reload()}>
        {t('session.reload')}
      </button>
    </div>
  );
}
