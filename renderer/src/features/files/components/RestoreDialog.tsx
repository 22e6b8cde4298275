import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupItem } from '../../../../../preload/contract';
import { useAppStore } from '../../../app/store';
import { Modal } from '../../../ui/Modal';
import { formatSize, formatTakenAt } from '../format';
import { backUpNow, restoreBackup, useBackupList } from '../queries';
import { closeFilesDialog } from '../store';

type Step =
  { step: 'pick' } | { step: 'confirm'; backup: BackupItem } | { step: 'restoring'; backup: BackupItem };

/**
 * Restore from a backup: the open workspace's backups, newest first (date and time in the UI language, kind,
 * size), in a list box (↑/↓, Home/End choose; Enter goes on); the folder they live in below. Restore… asks for
 * confirmation — the current state is backed up first, so nothing is lost — then restores with a progress bar
 * (the dialog cannot be closed meanwhile), closes and says so in a toast. The app shows the restored workspace
 * without a reload: the restore emits `workspace:did-open`, on which every query is fetched again. A refusal (a
 * damaged backup) is shown in the dialog, translated, naming the file; nothing changed then. Empty state: no
 * backups yet, with Back up now.
 */
export function RestoreDialog() {
  const { t, i18n } = useTranslation(['files', 'backup']);
  const list = useBackupList();
  const [selected, setSelected] = useState<string | null>(null);
  const [step, setStep] = useState<Step>({ step: 'pick' });
  const [error, setError] = useState<string | null>(null);
  const listRef = useRef<HTMLUListElement>(null);
  const backups = list.data?.backups ?? [];
  const chosen = backups.find((b) => b.file === selected) ?? backups[0] ?? null;
  const when = (b: BackupItem) => formatTakenAt(b.takenAt, i18n.language);

  // The chosen row stays in view as the arrow keys move.
  useEffect(() => {
    listRef.current?.querySelector('[aria-selected=true]')?.scrollIntoView({ block: 'nearest' });
  }, [chosen?.file]);

  const restore = async (backup: BackupItem) => {
    setStep({ step: 'restoring', backup });
    setError(null);
    try {
      await restoreBackup(backup.file);
      closeFilesDialog();
      useAppStore.getState().notify(t('files:restore.done', { date: when(backup) }));
    } catch (e) {
      setError((e as Error).message);
      setStep({ step: 'pick' });
    }
  };

  const onListKey = (e: React.KeyboardEvent) => {
    if (!chosen || backups.length === 0) return;
    const at = backups.indexOf(chosen);
    const to =
      e.key === 'ArrowDown'
        ? Math.min(at + 1, backups.length - 1)
        : e.key === 'ArrowUp'
          ? Math.max(at - 1, 0)
          : e.key === 'Home'
            ? 0
            : e.key === 'End'
              ? backups.length - 1
              : null;
    if (to !== null) setSelected(backups[to]!.file);
    else if (e.key === 'Enter') setStep({ step: 'confirm', backup: chosen });
    else return;
    e.preventDefault();
  };

  const busy = step.step === 'restoring';
  return (
    <Modal
      title={t('files:restore.title')}
      onClose={() => !busy && closeFilesDialog()}
      wide
      testId="restore-dialog"
    >
      {step.step === 'pick' && (
        <>
          {list.isError && (
            <p className="error-text" role="alert">
              {list.error.message}
            </p>
          )}
          {list.data && backups.length === 0 && (
            <div className="files-empty" data-testid="restore-empty">
              <p>{t('files:restore.empty')}</p>
              <p className="muted small">{t('files:restore.emptyWhy')}</p>
            </div>
          )}
          {backups.length > 0 && (
            <>
              <p className="muted small files-intro">{t('files:restore.intro', { count: backups.length })}</p>
              <ul
                ref={listRef}
                className="files-backups"
                role="listbox"
                tabIndex={0}
                autoFocus
                aria-label={t('files:restore.listLabel')}
                aria-activedescendant={chosen ? `backup-${backups.indexOf(chosen)}` : undefined}
                data-testid="restore-list"
                onKeyDown={onListKey}
              >
                {backups.map((b, i) => (
                  <li
                    key={b.file}
                    id={`backup-${i}`}
                    role="option"
                    aria-selected={b === chosen}
                    className={b === chosen ? 'chosen' : ''}
                    data-testid="restore-row"
                    data-kind={b.kind}
                    data-file={b.file}
                    title={b.file}
                    onClick={() => setSelected(b.file)}
                    onDoubleClick={() => setStep({ step: 'confirm', backup: b })}
                  >
                    <span className="files-backup-date">{when(b)}</span>
                    <span className={`files-kind kind-${b.kind}`}>{t(`backup:kinds.${b.kind}`)}</span>
                    <span className="files-backup-size muted">{formatSize(b.size, i18n.language)}</span>
                  </li>
                ))}
              </ul>
            </>
          )}
          {error && (
            <p className="error-text" role="alert" data-testid="restore-error">
              {error}
            </p>
          )}
          {list.data && (
            <p className="muted small files-folder">
              {t('files:restore.folder')} <code data-testid="restore-folder">{list.data.folder}</code>
            </p>
          )}
          <div className="buttons">
            <button
              type="button"
              className="files-backup-now"
              data-testid="restore-backup-now"
              onClick={() => void backUpNow()}
            >
              {t('files:restore.backupNow')}
            </button>
            <span className="spacer" />
            <button type="button" onClick={closeFilesDialog}>
              {t('files:restore.close')}
            </button>
            <button
              type="button"
              className="primary"
              disabled={!chosen}
              data-testid="restore-next"
              onClick={() => chosen && setStep({ step: 'confirm', backup: chosen })}
            >
              {t('files:restore.restore')}
            </button>
          </div>
        </>
      )}
      {step.step !== 'pick' && (
        <form
          className="files-form"
          data-testid="restore-confirm"
          onSubmit={(e) => {
            e.preventDefault();
            if (!busy) void restore(step.backup);
          }}
        >
          <p className="files-confirm-what">
            {t('files:restore.confirmWhat', {
              date: when(step.backup),
              kind: t(`backup:kinds.${step.backup.kind}`),
            })}
          </p>
          <ul className="files-consequences">
            <li>{t('files:restore.confirmSafety')}</li>
            <li>{t('files:restore.confirmUndo')}</li>
          </ul>
          {busy && (
            <div className="files-progress" role="status" data-testid="restore-progress">
              <progress aria-label={t('files:restore.working')} />
              <span className="muted small">{t('files:restore.working')}</span>
            </div>
          )}
          <div className="buttons">
            <button type="button" disabled={busy} onClick={() => setStep({ step: 'pick' })}>
              {t('files:restore.back')}
            </button>
            <button
              type="submit"
              className="primary"
              autoFocus
              disabled={busy}
              data-testid="restore-confirm-button"
            >
              {t('files:restore.confirm')}
            </button>
          </div>
        </form>
      )}
    </Modal>
  );
}
