import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call, isElectron } from '../../../api/client';
import { useWorkspaceInfo } from '../../../api/queries';
import { useAppStore } from '../../../app/store';
import { Modal } from '../../../ui/Modal';
import { useTeamStore } from '../store';

/**
 * File → Connect to team workspace…: the server address (postgres://user@host:port/database?schema=name) and the
 * password, kept in the system keychain when asked (Electron only; browser mode never keeps it). Connect switches
 * the app to the team workspace (`team:connect`); a refusal — wrong password, unreachable server, not a Wellspring
 * workspace, a newer schema — is shown in the dialog, which keeps what was typed. Enter connects, Escape closes.
 */
export function ConnectTeamDialog() {
  const { t } = useTranslation('team');
  const info = useWorkspaceInfo();
  const close = () => useTeamStore.getState().set({ connectOpen: false });
  const [url, setUrl] = useState(info.data?.team?.address ?? '');
  const [password, setPassword] = useState('');
  const [remember, setRemember] = useState(isElectron);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async () => {
    if (busy || !url.trim()) return;
    setBusy(true);
    setError(null);
    try {
      const opened = await call('team:connect', {
        url: url.trim(),
        ...(password ? { password } : {}),
        remember: isElectron && remember,
      });
      close();
      const team = opened.team;
      if (team)
        useAppStore
          .getState()
          .notify(
            t('connect.connected', { name: opened.name, user: team.user, role: t(`roles.${team.role}`) }),
          );
    } catch (e) {
      setError((e as Error).message);
      setBusy(false);
    }
  };

  return (
    <Modal title={t('connect.title')} onClose={() => !busy && close()} testId="connect-team">
      <form
        className="connect-team"
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <p className="muted small">{t('connect.intro')}</p>
        <label>
          {t('connect.address')}
          <input
            autoFocus
            value={url}
            placeholder={t('connect.addressHint')}
            spellCheck={false}
            data-testid="team-url"
            onChange={(e) => setUrl(e.target.value)}
          />
        </label>
        <label>
          {t('connect.password')}
          <input
            type="password"
            value={password}
            autoComplete="current-password"
            data-testid="team-password"
            onChange={(e) => setPassword(e.target.value)}
          />
        </label>
        {isElectron ? (
          <label className="checkbox">
            <input type="checkbox" checked={remember} onChange={(e) => setRemember(e.target.checked)} />
            {t('connect.remember')}
          </label>
        ) : (
          <p className="muted small">{t('connect.notKept')}</p>
        )}
        {error && (
          <p className="error" role="alert" data-testid="team-connect-error">
            {error}
          </p>
        )}
        {busy && <progress className="busy" aria-label={t('connect.connecting')} />}
        <div className="actions">
          <button type="button" onClick={close} disabled={busy}>
            {t('connect.cancel')}
          </button>
          <button type="submit" className="primary" disabled={busy || !url.trim()} data-testid="team-connect">
            {busy ? t('connect.connecting') : t('connect.connect')}
          </button>
        </div>
      </form>
    </Modal>
  );
}
