import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocumentDto } from '../../../../../preload/contract';
import { ApiError, call } from '../../../api/client';
import { Modal } from '../../../ui/Modal';

/** Asks for the password of an encrypted PDF and retries it; a wrong password says so and keeps the dialog open. */
export function UnlockDialog({ doc, onClose }: { doc: DocumentDto; onClose: () => void }) {
  const { t } = useTranslation(['library', 'common']);
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    setBusy(true);
    try {
      const r = await call('library:unlock', { id: doc.id, password });
      if (r.status === 'needs-password') setError(r.error ?? t('library:status.needs-password'));
      else onClose();
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal title={t('library:unlockTitle', { name: doc.name })} onClose={onClose} testId="unlock-dialog">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <p className="muted">{t('library:unlockBody')}</p>
        <label>
          {t('library:password')}
          <input type="password" autoFocus value={password} onChange={(e) => setPassword(e.target.value)} />
        </label>
        {error && <p className="error-text">{error}</p>}
        <div className="buttons">
          <button type="button" onClick={onClose}>
            {t('common:actions.cancel')}
          </button>
          <button type="submit" className="primary" disabled={busy || !password}>
            {t('library:open')}
          </button>
        </div>
      </form>
    </Modal>
  );
}
