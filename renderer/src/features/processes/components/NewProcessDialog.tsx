import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../../api/client';
import { useAppStore } from '../../../app/store';
import { Modal } from '../../../ui/Modal';
import { MAX_FIRST_STEPS, MAX_NAME } from '../limits';
import { useProcessesStore } from '../store';

/**
 * "New process": a name and, optionally, the first steps one per line, created in sequence as one undoable
 * operation (processes:create). The new process is selected.
 */
export function NewProcessDialog() {
  const { t } = useTranslation('processes');
  const set = useProcessesStore((s) => s.set);
  const notify = useAppStore((s) => s.notify);
  const [name, setName] = useState('');
  const [steps, setSteps] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const close = () => set({ dialog: null });
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!name.trim()) return setError(t('newProcess.nameRequired'));
    const all = steps.split('\n').map((l) => l.trim());
    // The first line over the limit, numbered as the user sees it (blank lines included).
    const long = all.findIndex((l) => l.length > MAX_NAME);
    if (long >= 0) return setError(t('validation.stepLineTooLong', { line: long + 1, max: MAX_NAME }));
    const lines = all.filter(Boolean);
    if (lines.length > MAX_FIRST_STEPS)
      return setError(t('validation.tooManySteps', { max: MAX_FIRST_STEPS }));
    setBusy(true);
    try {
      const r = await call('processes:create', {
        label: name.trim(),
        steps: lines.length ? lines : undefined,
      });
      set({
        dialog: null,
        processId: r.processId,
        tab: 'pipeline',
        stepId: r.stepIds[0] ?? null,
        panelOpen: false,
      });
      notify(t('newProcess.created', { name: name.trim(), count: r.stepIds.length }));
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal title={t('newProcess.title')} onClose={close} testId="new-process-dialog">
      <form onSubmit={(e) => void submit(e)}>
        <label>
          {t('newProcess.name')}
          <input
            value={name}
            autoFocus
            maxLength={MAX_NAME}
            data-testid="new-process-name"
            onChange={(e) => {
              setName(e.target.value);
              setError(null);
            }}
          />
        </label>
        <label>
          {t('newProcess.steps')}
          <textarea
            rows={6}
            value={steps}
            data-testid="new-process-steps"
            placeholder={t('newProcess.stepsPlaceholder')}
            onChange={(e) => {
              setSteps(e.target.value);
              setError(null);
            }}
          />
        </label>
        {error && (
          <p className="error-text" role="alert">
            {error}
          </p>
        )}
        <div className="buttons">
          <button type="button" onClick={close}>
            {t('actions.cancel')}
          </button>
          <button type="submit" className="primary" disabled={busy} data-testid="new-process-create">
            {t('newProcess.create')}
          </button>
        </div>
      </form>
    </Modal>
  );
}
