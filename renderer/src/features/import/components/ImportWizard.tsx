import { useEffect, useRef, useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  IMPORT_MAX_BYTES,
  ImportMapping,
  type ImportApplied,
  type ImportPlanDto,
  type ImportSession,
} from '../../../../../preload/contract';
import { useAppStore } from '../../../app/store';
import { Modal } from '../../../ui/Modal';
import { saveFile } from '../../../ui/export/save-file';
import '../import.css';
import { guessMapping, mappingIssues, mappingJson } from '../mapping-model';
import {
  MAX_MB,
  applySession,
  cancelSession,
  closeSession,
  isCancelled,
  newSessionId,
  openSession,
  planSession,
  readAsBase64,
  rereadSession,
  useImportProgress,
} from '../session-api';
import { closeImportWizard, useImportStore } from '../store';
import { CheckStep } from './CheckStep';
import { FileStep } from './FileStep';
import { MappingStep } from './MappingStep';
import { PreviewStep, type RereadChange } from './PreviewStep';
import { ProgressPanel } from './ProgressPanel';

type Step = 'file' | 'preview' | 'map' | 'check' | 'done';
type Tx = (key: string, options?: Record<string, unknown>) => string;

/** The import wizard's dialog (issue 10 §1), shown while `file.import` has it open. */
export function ImportWizard() {
  const open = useImportStore((s) => s.open);
  return open ? <WizardDialog /> : null;
}

/**
 * The wizard: file → preview (encoding, delimiter, sheet, header row) → mapping → check (problems, dry-run
 * summary) → done; a Wellspring JSON export goes file → check → done. Nothing is written before Import, which is
 * enabled only by a clean check; the import is one undo step. Escape asks before throwing a session away.
 */
function WizardDialog() {
  const { t, i18n } = useTranslation('transfer');
  const tx = t as unknown as Tx;
  const [step, setStep] = useState<Step>('file');
  const [session, setSession] = useState<ImportSession | null>(null);
  const [mapping, setMapping] = useState<ImportMapping | null>(null);
  const [touched, setTouched] = useState(false);
  const [plan, setPlan] = useState<ImportPlanDto | null>(null);
  const [applied, setApplied] = useState<ImportApplied | null>(null);
  const [job, setJob] = useState<{
    phase: 'reading' | 'planning' | 'applying';
    id: string;
    file: string;
  } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [dragging, setDragging] = useState(false);
  const progress = useImportProgress(job);
  const mappingInput = useRef<HTMLInputElement>(null);
  // The session to close when the dialog goes, however it goes.
  const sessionRef = useRef<string | null>(null);
  useEffect(() => {
    sessionRef.current = session?.sessionId ?? null;
  }, [session]);
  useEffect(
    () => () => {
      if (sessionRef.current) void closeSession(sessionRef.current).catch(() => undefined);
    },
    [],
  );

  // The focus stays in the dialog when the buttons it was on are swapped or disabled (a step changes, a job runs),
  // so that Escape still reaches it.
  const root = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const dialog = root.current?.closest<HTMLElement>('[role="dialog"]');
    if (dialog && !dialog.contains(document.activeElement)) dialog.focus();
  });

  const json = session?.format === 'wellspring-json';
  const steps: Step[] = json ? ['file', 'check', 'done'] : ['file', 'preview', 'map', 'check', 'done'];
  const busy = job !== null;
  const propLabel = (prop: string) =>
    ['en', 'zh-CN'].map((lng) => i18n.getFixedT(lng, 'map')(`props.${prop}` as never) as string);

  /** Runs one call of the session, with its progress bar; a Cancel is a notice, not an error. */
  const run = async <T,>(
    phase: 'reading' | 'planning' | 'applying',
    id: string,
    file: string,
    f: () => Promise<T>,
  ) => {
    setJob({ phase, id, file });
    setError(null);
    setNotice(null);
    try {
      return await f();
    } catch (e) {
      if (isCancelled(e)) setNotice(t('wizard.progress.cancelled'));
      else setError((e as Error).message);
      return undefined;
    } finally {
      setJob(null);
    }
  };

  /** The mapping as planned and saved: the preview's sheet (XLSX) and header row go with it. */
  const framed = (m: ImportMapping): ImportMapping => {
    const { sheet: _s, headerRow: _h, ...rest } = m;
    return {
      ...rest,
      ...(session?.format === 'xlsx' && session.sheet ? { sheet: session.sheet } : {}),
      ...(session && session.headerRow !== 1 ? { headerRow: session.headerRow } : {}),
    };
  };

  const check = async (s: ImportSession, m: ImportMapping | null) => {
    setStep('check');
    setPlan(null);
    const p = await run('planning', s.sessionId, s.fileName, () =>
      planSession(s.sessionId, s.format === 'wellspring-json' ? undefined : framed(m!)),
    );
    if (p) setPlan(p);
  };

  const pick = async (file: File) => {
    setConfirming(false);
    if (file.size > IMPORT_MAX_BYTES) {
      setError(
        tx('import.errors.fileTooBig', {
          file: file.name,
          size: (file.size / 1024 / 1024).toFixed(1),
          max: MAX_MB,
        }),
      );
      return;
    }
    const id = newSessionId();
    const s = await run('reading', id, file.name, async () =>
      openSession(file.name, await readAsBase64(file), id),
    );
    if (!s) return;
    if (session) void closeSession(session.sessionId).catch(() => undefined);
    setSession(s);
    setPlan(null);
    setApplied(null);
    setTouched(false);
    if (s.format === 'wellspring-json') {
      setMapping(null);
      await check(s, null);
    } else {
      setMapping(guessMapping(s.header, propLabel));
      setStep('preview');
    }
  };

  const reread = async (change: RereadChange) => {
    if (!session) return;
    const s = await run('reading', session.sessionId, session.fileName, () =>
      rereadSession(session.sessionId, change),
    );
    if (!s) return;
    setSession(s);
    setPlan(null);
    // A mapping the user has not touched follows the header it was guessed from.
    if (!touched) setMapping(guessMapping(s.header, propLabel));
  };

  const loadMapping = async (file: File) => {
    const text = await file.text();
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (e) {
      setError(tx('import.errors.mappingNotJson', { file: file.name, reason: (e as Error).message }));
      return;
    }
    const version = (value as { version?: unknown } | null)?.version;
    if (version !== 1) {
      setError(
        tx('import.errors.mappingVersion', {
          file: file.name,
          version: version === undefined ? '—' : JSON.stringify(version),
        }),
      );
      return;
    }
    const r = ImportMapping.safeParse(value);
    if (!r.success) {
      const issue = r.error.issues[0]!;
      setError(
        tx('import.errors.badMapping', {
          file: file.name,
          path: issue.path.join('.'),
          reason: issue.message,
        }),
      );
      return;
    }
    setError(null);
    setMapping(r.data);
    setTouched(true);
    setNotice(t('wizard.map.loaded', { file: file.name }));
    // The mapping's sheet and header row are the preview's too.
    const change: RereadChange = {};
    if (r.data.sheet !== undefined && session?.format === 'xlsx' && r.data.sheet !== session.sheet)
      change.sheet = r.data.sheet;
    if ((r.data.headerRow ?? 1) !== session?.headerRow) change.headerRow = r.data.headerRow ?? 1;
    if (Object.keys(change).length && session) {
      const s = await run('reading', session.sessionId, session.fileName, () =>
        rereadSession(session.sessionId, change),
      );
      if (s) setSession(s);
    }
  };

  const saveMapping = async () => {
    if (!mapping || !session) return;
    const base = session.fileName.replace(/\.[^.]+$/, '');
    const name = `${base}.mapping.json`;
    try {
      if (await saveFile(name, mappingJson(framed(mapping)), 'utf8', 'application/json'))
        setNotice(t('wizard.map.saved', { file: name }));
    } catch (e) {
      setError((e as Error).message);
    }
  };

  const doImport = async () => {
    if (!session || !plan?.clean) return;
    const r = await run('applying', session.sessionId, session.fileName, () =>
      applySession(session.sessionId, json ? undefined : framed(mapping!)),
    );
    if (!r) return;
    setApplied(r);
    setStep('done');
    useAppStore.getState().notify(t('wizard.done.toast', { file: session.fileName, count: r.operations }));
  };

  const close = () => closeImportWizard();
  const requestClose = () => {
    if (confirming) setConfirming(false);
    else if (session && step !== 'done') setConfirming(true);
    else close();
  };
  const cancelJob = () => {
    if (job) void cancelSession(job.id).catch(() => undefined);
  };

  const issues = mapping ? mappingIssues(mapping) : [];
  const at = steps.indexOf(step);
  const back = () => {
    setError(null);
    setNotice(null);
    if (step === 'check') setStep(json ? 'file' : 'map');
    else if (step === 'map') setStep('preview');
    else if (step === 'preview') setStep('file');
  };
  const next = () => {
    setError(null);
    setNotice(null);
    if (step === 'preview') setStep('map');
    else if (step === 'map' && session && mapping) void check(session, mapping);
  };
  const canNext =
    !busy &&
    ((step === 'preview' && session !== null && session.header.length > 0) ||
      (step === 'map' && issues.length === 0));

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    const f = e.dataTransfer.files[0];
    if (f && !busy && step !== 'done') void pick(f);
  };

  const title = session ? t('wizard.titleFile', { file: session.fileName }) : t('wizard.title');
  return (
    <Modal title={title} onClose={requestClose} wide testId="import-wizard">
      <div
        ref={root}
        className={`iw${dragging ? ' dragging' : ''}`}
        data-step={step}
        onDragOver={(e) => {
          if (e.dataTransfer.types.includes('Files')) {
            e.preventDefault();
            setDragging(true);
          }
        }}
        onDragLeave={(e) => {
          if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setDragging(false);
        }}
        onDrop={onDrop}
      >
        <ol
          className="iw-steps"
          aria-label={t('wizard.stepOf', { n: at + 1, count: steps.length })}
          data-testid="iw-steps"
        >
          {steps.map((s, i) => (
            <li
              key={s}
              className={i < at ? 'past' : i === at ? 'current' : ''}
              aria-current={i === at ? 'step' : undefined}
            >
              <span className="iw-step-n">{i + 1}</span>
              {t(`wizard.steps.${s}`)}
            </li>
          ))}
        </ol>
        <div className="iw-body">
          {step === 'file' && <FileStep busy={busy} onPick={(f) => void pick(f)} />}
          {step === 'preview' && session && (
            <PreviewStep session={session} busy={busy} onReread={(c) => void reread(c)} />
          )}
          {step === 'map' && session && mapping && (
            <MappingStep
              mapping={mapping}
              header={session.header}
              onChange={(m) => {
                setMapping(m);
                setTouched(true);
                setPlan(null);
              }}
            />
          )}
          {step === 'check' && plan && <CheckStep plan={plan} />}
          {step === 'done' && applied && (
            <div className="iw-done" data-testid="iw-done">
              <p className="iw-ok">{t('wizard.done.title')}</p>
              <p>{t('wizard.done.text', { ...applied })}</p>
              <p className="muted">{t('wizard.done.undo')}</p>
            </div>
          )}
          {dragging && <div className="iw-drop-overlay">{t('wizard.file.dropping')}</div>}
        </div>
        {job && <ProgressPanel phase={job.phase} file={job.file} progress={progress} onCancel={cancelJob} />}
        {error && (
          <p className="error-text iw-error" role="alert" data-testid="iw-error">
            {error}
          </p>
        )}
        {notice && (
          <p className="muted small" role="status" data-testid="iw-notice">
            {notice}
          </p>
        )}
        {confirming ? (
          <div className="iw-confirm" role="alertdialog" aria-label={t('wizard.discard.question')}>
            <span className="grow">{t('wizard.discard.question')}</span>
            <button type="button" autoFocus data-testid="iw-keep" onClick={() => setConfirming(false)}>
              {t('wizard.discard.keep')}
            </button>
            <button type="button" className="danger" data-testid="iw-discard" onClick={close}>
              {t('wizard.discard.discard')}
            </button>
          </div>
        ) : (
          <div className="buttons iw-buttons">
            {step !== 'file' && step !== 'done' && (
              <button type="button" disabled={busy} data-testid="iw-back" onClick={back}>
                {t('wizard.back')}
              </button>
            )}
            {step === 'map' && (
              <>
                <button
                  type="button"
                  className="ghost"
                  disabled={busy}
                  data-testid="iw-load-mapping"
                  onClick={() => mappingInput.current?.click()}
                >
                  {t('wizard.map.load')}
                </button>
                <button
                  type="button"
                  className="ghost"
                  disabled={busy || !mapping}
                  data-testid="iw-save-mapping"
                  onClick={() => void saveMapping()}
                >
                  {t('wizard.map.save')}
                </button>
              </>
            )}
            <span className="spacer" />
            {step === 'done' && (
              <button
                type="button"
                data-testid="iw-another"
                onClick={() => {
                  if (session) void closeSession(session.sessionId).catch(() => undefined);
                  setSession(null);
                  setApplied(null);
                  setPlan(null);
                  setStep('file');
                }}
              >
                {t('wizard.done.another')}
              </button>
            )}
            {(step === 'preview' || step === 'map') && (
              <button
                type="button"
                className="primary"
                disabled={!canNext}
                data-testid="iw-next"
                onClick={next}
              >
                {t('wizard.next')}
              </button>
            )}
            {step === 'check' && (
              <>
                {!busy && (!plan || !plan.clean) && (
                  <button
                    type="button"
                    disabled={busy}
                    data-testid="iw-recheck"
                    onClick={() => session && void check(session, mapping)}
                  >
                    {t('wizard.check.recheck')}
                  </button>
                )}
                <button
                  type="button"
                  className="primary"
                  disabled={busy || !plan?.clean || plan.operations === 0}
                  data-testid="iw-import"
                  onClick={() => void doImport()}
                >
                  {plan?.clean && plan.operations > 0
                    ? t('wizard.import', { count: plan.operations })
                    : t('wizard.importNothing')}
                </button>
              </>
            )}
            {step === 'done' && (
              <button type="button" className="primary" autoFocus data-testid="iw-close" onClick={close}>
                {t('wizard.close')}
              </button>
            )}
          </div>
        )}
        <input
          ref={mappingInput}
          type="file"
          accept=".json,application/json"
          hidden
          data-testid="iw-mapping-input"
          onChange={(e) => {
            const f = e.target.files?.[0];
            e.target.value = '';
            if (f) void loadMapping(f);
          }}
        />
      </div>
    </Modal>
  );
}
