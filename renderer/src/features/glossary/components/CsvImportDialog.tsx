import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { GlossaryCsvPlanDto } from '../../../../../preload/contract';
import { call } from '../../../api/client';
import { useAppStore } from '../../../app/store';
import { translateMessage } from '../../../i18n/messages';
import { Modal } from '../../../ui/Modal';
import { refreshGlossary } from '../queries';
import { useGlossaryStore } from '../store';

/** The largest file read (its base64 must fit browser mode's 64 MB request body). */
const MAX_BYTES = 48 * 1024 * 1024;
/** Most changes listed by name in the preview (the counts are complete). */
const LISTED = 12;

/** The bytes of `file` as base64 (FileReader's data: URL without its prefix). */
function readBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error ?? new Error(file.name));
    reader.readAsDataURL(file);
  });
}

type Step =
  | { kind: 'choose' }
  | { kind: 'reading'; file: string }
  | { kind: 'plan'; plan: GlossaryCsvPlanDto; data: string }
  | { kind: 'applying'; plan: GlossaryCsvPlanDto }
  | { kind: 'error'; message: string };

/**
 * Importing a glossary CSV: pick a file (a hidden file input: works in Electron's sandbox and in browser mode) →
 * the core's dry run (glossary:import-csv with dryRun) says what it adds and changes and lists every problem with
 * its line → Import applies it as ONE undo step. A plan with skipped rows cannot be imported (the core refuses it
 * too): the user corrects the file and chooses it again.
 */
export function CsvImportDialog() {
  const { t } = useTranslation('glossary');
  const set = useGlossaryStore((s) => s.set);
  const notify = useAppStore((s) => s.notify);
  const inputRef = useRef<HTMLInputElement>(null);
  const chooseRef = useRef<HTMLButtonElement>(null);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const [step, setStep] = useState<Step>({ kind: 'choose' });
  // When the dry run is in, the focus goes to Import when it can run, else to Choose another file: Enter does
  // the next thing, and Escape still reaches the dialog (a disabled button would have dropped the focus).
  useEffect(() => {
    if (step.kind === 'reading' || step.kind === 'applying') return;
    const target =
      confirmRef.current && !confirmRef.current.disabled ? confirmRef.current : chooseRef.current;
    target?.focus();
  }, [step]);
  const close = () => set({ dialog: null });

  const choose = async (file: File | undefined) => {
    if (!file) return;
    if (file.size > MAX_BYTES) {
      setStep({ kind: 'error', message: t('import.tooBig', { file: file.name }) });
      return;
    }
    setStep({ kind: 'reading', file: file.name });
    try {
      const data = await readBase64(file);
      const plan = await call('glossary:import-csv', { fileName: file.name, data, dryRun: true });
      setStep({ kind: 'plan', plan, data });
    } catch (e) {
      setStep({ kind: 'error', message: (e as Error).message });
    }
  };
  const apply = async (plan: GlossaryCsvPlanDto, data: string) => {
    setStep({ kind: 'applying', plan });
    try {
      const r = await call('glossary:import-csv', { fileName: plan.fileName, data, dryRun: false });
      refreshGlossary();
      close();
      notify(t('toast.imported', { file: r.fileName, added: r.added, updated: r.updated }));
    } catch (e) {
      setStep({ kind: 'error', message: (e as Error).message });
    }
  };

  const plan = step.kind === 'plan' || step.kind === 'applying' ? step.plan : null;
  const changes = plan ? plan.added + plan.updated : 0;
  return (
    <Modal title={t('import.title')} onClose={close} wide testId="gl-import-dialog">
      <p className="small">{t('import.intro')}</p>
      <input
        ref={inputRef}
        type="file"
        accept=".csv,.tsv,.txt,text/csv,text/plain"
        hidden
        data-testid="gl-import-file"
        onChange={(e) => {
          void choose(e.target.files?.[0]);
          e.target.value = '';
        }}
      />
      <div className="buttons gl-import-choose">
        <button
          ref={chooseRef}
          className={plan ? '' : 'primary'}
          data-testid="gl-import-choose"
          disabled={step.kind === 'reading' || step.kind === 'applying'}
          onClick={() => inputRef.current?.click()}
        >
          {plan ? t('import.chooseAnother') : t('import.choose')}
        </button>
      </div>
      {(step.kind === 'reading' || step.kind === 'applying') && (
        <div className="gl-progress" role="progressbar" aria-busy="true" aria-label={t('loading')}>
          <span>{step.kind === 'reading' ? t('import.reading', { file: step.file }) : t('loading')}</span>
          <div className="gl-progress-bar indeterminate" />
        </div>
      )}
      {step.kind === 'error' && (
        <p className="error-text" role="alert" data-testid="gl-import-error">
          {step.message}
        </p>
      )}
      {plan && (
        <div className="gl-import-plan" data-testid="gl-import-plan">
          <p data-testid="gl-import-summary">
            {t('import.summary', {
              file: plan.fileName,
              encoding: plan.encoding,
              rows: plan.rows,
              added: plan.added,
              updated: plan.updated,
              unchanged: plan.unchanged,
            })}
          </p>
          {plan.problems.length > 0 && (
            <section>
              <h4>{t('import.problems', { count: plan.problems.length })}</h4>
              <ul className="gl-problems" data-testid="gl-import-problems">
                {plan.problems.map((p, i) => (
                  <li
                    key={i}
                    className={p.skipped ? 'skipped' : 'note'}
                    data-testid="gl-import-problem"
                    data-line={p.line}
                  >
                    <span className={`gl-problem-kind small ${p.skipped ? 'error-text' : 'muted'}`}>
                      {p.skipped ? t('import.skipped') : t('import.note')}
                    </span>
                    <span className="gl-problem-text">{translateMessage(p.key, p.params, p.message)}</span>
                  </li>
                ))}
              </ul>
            </section>
          )}
          {changes > 0 && (
            <section>
              <h4>{t('import.changes')}</h4>
              <ul className="gl-import-changes">
                {plan.changes.slice(0, LISTED).map((c, i) => (
                  <li key={i}>
                    <span className={`gl-change ${c.change}`}>{t(`import.${c.change}`)}</span> {c.label}
                  </li>
                ))}
                {changes > LISTED && (
                  <li className="muted">{t('import.more', { count: changes - LISTED })}</li>
                )}
              </ul>
            </section>
          )}
          {plan.blocked ? (
            <p className="error-text" role="alert" data-testid="gl-import-blocked">
              {t('import.blocked')}
            </p>
          ) : changes === 0 ? (
            <p className="muted" data-testid="gl-import-nothing">
              {t('import.nothing')}
            </p>
          ) : (
            <p className="small muted">{t('import.undo')}</p>
          )}
        </div>
      )}
      <div className="buttons">
        <button onClick={close}>{t('import.cancel')}</button>
        <button
          ref={confirmRef}
          className="primary"
          data-testid="gl-import-confirm"
          disabled={step.kind !== 'plan' || step.plan.blocked || changes === 0}
          onClick={() => step.kind === 'plan' && void apply(step.plan, step.data)}
        >
          {plan?.blocked ? t('import.confirmBlocked') : t('import.confirm', { count: changes })}
        </button>
      </div>
    </Modal>
  );
}
