import { useEffect, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  CAPTURE_ITEM_FIELDS,
  type CaptureLanguage,
  type CaptureTemplate,
} from '../../../../../preload/contract';
import { ApiError } from '../../../api/client';
import { Modal } from '../../../ui/Modal';
import {
  checkDraft,
  isDirty,
  localToday,
  newDraft,
  placeOf,
  toAarSubmission,
  toApprenticeSubmission,
  type CaptureDraft,
  type DraftErrors,
} from '../form-draft';
import { submitAar, submitApprentice, useCaptureTemplate } from '../queries';
import { finishSubmission, useCaptureStore, type OpenForm } from '../store';
import { FieldInput, nameOf } from './FieldInput';
import { PeopleList, PersonPick } from './PeoplePicker';
import { TargetPicker } from './TargetPicker';

/** The UI language as the capture forms write it. */
export function captureLanguage(language: string): CaptureLanguage {
  return language === 'en' ? 'en' : 'zh-CN';
}

/**
 * The open capture form (After Action Review or production record) as a modal dialog, built from the form's
 * template. Keyboard first: fields in reading order, Ctrl+Enter (⌘+Enter) submits from anywhere in the form,
 * Escape closes an untouched form and asks before throwing away a filled one (a second Escape keeps editing).
 */
export function CaptureDialog({ open }: { open: OpenForm }) {
  const { t } = useTranslation('capture');
  const template = useCaptureTemplate(open.form);
  const set = useCaptureStore((s) => s.set);
  if (!template.data)
    return (
      <Modal title={t('title')} onClose={() => set({ open: null })} testId="capture-dialog">
        {template.isError ? (
          <p className="error-text" role="alert">
            {template.error.message}
          </p>
        ) : (
          <p className="muted" role="progressbar">
            {t('form.loading')}
          </p>
        )}
      </Modal>
    );
  return <CaptureFormDialog open={open} template={template.data.template} />;
}

function CaptureFormDialog({ open, template }: { open: OpenForm; template: CaptureTemplate }) {
  const { t, i18n } = useTranslation('capture');
  const language = captureLanguage(i18n.language);
  const set = useCaptureStore((s) => s.set);
  const [draft, setDraft] = useState<CaptureDraft>(() => newDraft(open, template, localToday()));
  const [attempted, setAttempted] = useState(false);
  const [server, setServer] = useState<{ place: string | null; message: string } | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const keepRef = useRef<HTMLButtonElement>(null);
  const formRef = useRef<HTMLFormElement>(null);
  // The question takes the focus; keeping on editing gives it back to the field it came from.
  const beforeConfirm = useRef<HTMLElement | null>(null);
  useEffect(() => {
    if (confirming) {
      beforeConfirm.current = document.activeElement as HTMLElement | null;
      keepRef.current?.focus();
    } else if (beforeConfirm.current) {
      if (!formRef.current?.contains(document.activeElement)) refocus(formRef.current, beforeConfirm.current);
      beforeConfirm.current = null;
    }
  }, [confirming]);

  const errors: DraftErrors = attempted ? checkDraft(template, draft) : {};
  const errorAt = (place: string): string | null => {
    if (errors[place]) return t(`form.errors.${errors[place]}`);
    return server && server.place === place ? server.message : null;
  };
  const change = (patch: Partial<CaptureDraft>) => {
    setDraft((d) => ({ ...d, ...patch }));
    setServer(null);
    setConfirming(false);
  };
  const setValue = (id: string, value: string | string[]) =>
    change({ values: { ...draft.values, [id]: value } });
  const close = () => set({ open: null });
  const requestClose = () => {
    if (confirming) setConfirming(false);
    else if (isDirty(draft)) setConfirming(true);
    else close();
  };
  const items = CAPTURE_ITEM_FIELDS[open.form].reduce((n, id) => {
    const v = draft.values[id];
    return n + (Array.isArray(v) ? v.filter((e) => e.trim()).length : 0);
  }, 0);

  const submit = async (e?: FormEvent) => {
    e?.preventDefault();
    if (busy) return;
    setAttempted(true);
    const found = checkDraft(template, draft);
    const first = Object.keys(found)[0];
    if (first) return focusPlace(formRef.current, first);
    setBusy(true);
    try {
      const result =
        open.form === 'aar'
          ? await submitAar(toAarSubmission(template, draft, language))
          : await submitApprentice(toApprenticeSubmission(template, draft, language));
      finishSubmission(open.form, result);
    } catch (err) {
      const place = err instanceof ApiError ? placeOf(err.path) : null;
      setServer({ place, message: (err as Error).message });
      if (place) focusPlace(formRef.current, place);
    } finally {
      setBusy(false);
    }
  };
  const onKeyDown = (e: KeyboardEvent<HTMLFormElement>) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey) && !e.nativeEvent.isComposing) {
      e.preventDefault();
      void submit();
    }
  };

  const people =
    open.form === 'aar' ? (
      <div className="capture-people-row">
        <PeopleList
          place="participants"
          label={t('form.participants')}
          help={t('form.participantsHelp')}
          people={draft.participants}
          onChange={(participants) => change({ participants })}
          error={errorAt('participants')}
        />
        <PersonPick
          place="owner"
          label={t('form.owner')}
          help={t('form.ownerHelp')}
          person={draft.owner}
          onChange={(owner) => change({ owner })}
          error={errorAt('owner')}
        />
      </div>
    ) : (
      <div className="capture-people-row">
        <PersonPick
          place="master"
          label={t('form.master')}
          help={t('form.masterHelp')}
          person={draft.master}
          onChange={(master) => change({ master })}
          error={errorAt('master')}
        />
        <PersonPick
          place="apprentice"
          label={t('form.apprentice')}
          help={t('form.apprenticeHelp')}
          person={draft.apprentice}
          onChange={(apprentice) => change({ apprentice })}
          error={errorAt('apprentice')}
        />
      </div>
    );

  return (
    <Modal title={nameOf(template.title, language)} onClose={requestClose} wide testId="capture-dialog">
      <form
        ref={formRef}
        className="capture-form"
        noValidate
        onSubmit={(e) => void submit(e)}
        onKeyDown={onKeyDown}
        data-form={open.form}
      >
        <p className="muted small">{t(`form.intro.${open.form}`)}</p>
        <fieldset className="capture-section">
          <legend>{t('form.occasion')}</legend>
          <TargetPicker
            processId={draft.processId}
            targetId={draft.targetId}
            onChange={(where) => change(where)}
            error={errorAt('target')}
          />
          <div className={`capture-field${errorAt('date') ? ' invalid' : ''}`} data-place="date">
            <label className="capture-label" htmlFor="capture-date">
              {t(`form.date.${open.form}`)}
            </label>
            <input
              id="capture-date"
              type="date"
              value={draft.date}
              data-testid="capture-date"
              onChange={(e) => change({ date: e.target.value })}
            />
            {errorAt('date') && (
              <span className="error-text small" role="alert">
                {errorAt('date')}
              </span>
            )}
          </div>
          {people}
        </fieldset>
        {template.sections.map((section) => (
          <fieldset
            key={section.id}
            className="capture-section"
            data-testid={`capture-section-${section.id}`}
          >
            <legend>{nameOf(section.label, language)}</legend>
            {section.fields.map((field) => (
              <FieldInput
                key={field.id}
                field={field}
                value={draft.values[field.id]}
                language={language}
                onChange={(v) => setValue(field.id, v)}
                error={errorAt(field.id)}
              />
            ))}
          </fieldset>
        ))}
        {server && server.place === null && (
          <p className="error-text" role="alert" data-testid="capture-server-error">
            {server.message}
          </p>
        )}
        {confirming ? (
          <div className="capture-confirm" role="alertdialog" aria-label={t('form.discardTitle')}>
            <span className="grow">{t(`form.discard.${open.form}`)}</span>
            <button
              type="button"
              ref={keepRef}
              data-testid="capture-keep"
              onClick={() => setConfirming(false)}
            >
              {t('form.keepEditing')}
            </button>
            <button type="button" className="danger" data-testid="capture-discard" onClick={close}>
              {t('form.discardButton')}
            </button>
          </div>
        ) : (
          <div className="buttons capture-buttons">
            <button
              type="button"
              className="ghost"
              data-testid="capture-edit-template"
              onClick={() => set({ editing: open.form })}
            >
              {t('form.editTemplate')}
            </button>
            <span className="spacer" />
            <button type="button" data-testid="capture-cancel" onClick={requestClose}>
              {t('form.cancel')}
            </button>
            <button type="submit" className="primary" disabled={busy} data-testid="capture-submit">
              {t(`form.submit.${open.form}`, { count: items })}
              <kbd>{t('form.submitKeys')}</kbd>
            </button>
          </div>
        )}
      </form>
    </Modal>
  );
}

/** Moves the focus to the first control of a place of the form (a field id, `target`, `master`, …). */
function focusPlace(form: HTMLFormElement | null, place: string): void {
  const at = form?.querySelector(`[data-place="${CSS.escape(place)}"]`);
  at?.querySelector<HTMLElement>('input, textarea, select, button')?.focus();
  at?.scrollIntoView?.({ block: 'nearest' });
}

/**
 * Focuses `el`, or — when it left the page (the buttons the question replaced) — the element of `root` with the
 * same test id, which React drew in its place; else the dialog itself.
 */
function refocus(root: HTMLElement | null, el: HTMLElement): void {
  const id = el.getAttribute('data-testid');
  const target = el.isConnected
    ? el
    : id
      ? root?.querySelector<HTMLElement>(`[data-testid="${CSS.escape(id)}"]`)
      : null;
  target?.focus();
  // A button that is disabled now cannot take it: the dialog does, so Escape still reaches it.
  if (!root?.contains(document.activeElement)) root?.closest<HTMLElement>('[role="dialog"]')?.focus();
}
