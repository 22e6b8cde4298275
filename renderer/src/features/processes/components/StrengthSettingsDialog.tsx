import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../../api/client';
import { useAppStore } from '../../../app/store';
import { Modal } from '../../../ui/Modal';
import { useStrengthSettings } from '../queries';
import {
  SETTING_FIELDS,
  toDraft,
  validateDraft,
  type FieldError,
  type SettingField,
  type SettingsDraft,
} from '../settings-form';
import { useProcessesStore } from '../store';

/**
 * The workspace's strength settings: the four weights (0–100, relative), the target number of holders, the
 * freshness horizon and the band thresholds, each checked as it is typed; saved with strength:update-settings,
 * after which every strength on screen (pipeline, map) is recomputed ('strength:did-change').
 */
export function StrengthSettingsDialog() {
  const { t } = useTranslation('processes');
  const set = useProcessesStore((s) => s.set);
  const notify = useAppStore((s) => s.notify);
  const settings = useStrengthSettings();
  const [edited, setDraft] = useState<SettingsDraft | null>(null);
  // The stored settings until the user edits a field.
  const draft = edited ?? (settings.data ? toDraft(settings.data) : null);
  const [serverError, setServerError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const close = () => set({ dialog: null });
  const checked = draft ? validateDraft(draft) : null;
  const errors: Partial<Record<SettingField, FieldError>> = checked && !checked.ok ? checked.errors : {};
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!checked?.ok) return;
    setBusy(true);
    try {
      await call('strength:update-settings', { settings: checked.settings });
      notify(t('settings.saved'));
      close();
    } catch (err) {
      setServerError((err as Error).message);
    } finally {
      setBusy(false);
    }
  };
  const field = (f: SettingField) => (
    <label key={f} className={errors[f] ? 'invalid' : undefined}>
      {t(
        f in { documentation: 1, holders: 1, owner: 1, freshness: 1 }
          ? (`settings.weights.${f}` as 'settings.weights.owner')
          : (`settings.${f}` as 'settings.targetHolders'),
      )}
      <input
        value={draft![f]}
        inputMode="numeric"
        data-testid={`setting-${f}`}
        aria-invalid={errors[f] ? true : undefined}
        onChange={(e) => {
          setDraft({ ...draft!, [f]: e.target.value });
          setServerError(null);
        }}
      />
      {errors[f] && (
        <span className="error-text small" role="alert">
          {t(`settings.errors.${errors[f].key}`, errors[f].params)}
        </span>
      )}
    </label>
  );
  return (
    <Modal title={t('settings.title')} onClose={close} wide testId="strength-settings-dialog">
      {settings.isError && <p className="error-text">{settings.error.message}</p>}
      {!draft ? (
        <p className="muted">{t('loading')}</p>
      ) : (
        <form onSubmit={(e) => void submit(e)} className="settings-form">
          <p className="muted small">{t('settings.intro')}</p>
          <fieldset>
            <legend>{t('settings.weightsTitle')}</legend>
            <div className="grid">{SETTING_FIELDS.slice(0, 4).map(field)}</div>
          </fieldset>
          <div className="grid">{SETTING_FIELDS.slice(4).map(field)}</div>
          {serverError && (
            <p className="error-text" role="alert">
              {serverError}
            </p>
          )}
          <div className="buttons">
            <button type="button" onClick={() => settings.data && setDraft(toDraft(settings.data))}>
              {t('settings.reset')}
            </button>
            <button type="button" onClick={close}>
              {t('actions.cancel')}
            </button>
            <button
              type="submit"
              className="primary"
              disabled={busy || !checked?.ok}
              data-testid="settings-save"
            >
              {t('settings.save')}
            </button>
          </div>
        </form>
      )}
    </Modal>
  );
}
