import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaptureFormKind, CaptureTemplate } from '../../../../../preload/contract';
import { ApiError } from '../../../api/client';
import { useAppStore } from '../../../app/store';
import { Modal } from '../../../ui/Modal';
import { resetTemplate, saveTemplate, useCaptureTemplate } from '../queries';
import { useCaptureStore } from '../store';
import {
  addField,
  addSection,
  moveSection,
  removeSection,
  renameSection,
  sectionIsMapped,
} from '../template-edits';
import { captureLanguage } from './CaptureDialog';
import { nameOf } from './FieldInput';
import { NamePair, TemplateFieldRow } from './TemplateFieldRow';

/**
 * The knowledge manager's editor of a form's template: the form's names and tag, its sections and fields
 * (rename in both languages, change the kind, required or not, help, a choice's options, reorder with ↑ ↓ —
 * the focus stays on the moved button — add and remove), reset to the default, save. Fields the knowledge items
 * are made from show a lock and cannot be removed; main checks every rule again when saving and its refusal is
 * shown at the part it names. Escape asks before throwing away unsaved changes.
 */
export function TemplateEditor({ form }: { form: CaptureFormKind }) {
  const { t } = useTranslation('capture');
  const state = useCaptureTemplate(form);
  const set = useCaptureStore((s) => s.set);
  if (!state.data)
    return (
      <Modal
        title={t('editor.loading')}
        onClose={() => set({ editing: null })}
        testId="capture-template-editor"
      >
        {state.isError ? (
          <p className="error-text" role="alert">
            {state.error.message}
          </p>
        ) : (
          <p className="muted" role="progressbar">
            {t('form.loading')}
          </p>
        )}
      </Modal>
    );
  return <Editor form={form} initial={state.data.template} customised={state.data.customised} />;
}

/** Where a refusal points: `s:<section>` or `f:<section>:<field>`, from the error's path under `template`. */
function placeOfPath(path: ReadonlyArray<string | number>): string | null {
  const [head, sections, s, fields, f] = path;
  if (head !== 'template' || sections !== 'sections' || typeof s !== 'number') return null;
  return fields === 'fields' && typeof f === 'number' ? `f:${s}:${f}` : `s:${s}`;
}

function Editor(props: { form: CaptureFormKind; initial: CaptureTemplate; customised: boolean }) {
  const { t, i18n } = useTranslation('capture');
  const language = captureLanguage(i18n.language);
  const set = useCaptureStore((s) => s.set);
  const notify = useAppStore((s) => s.notify);
  const [template, setTemplate] = useState(props.initial);
  const [saved, setSaved] = useState(props.initial);
  const [customised, setCustomised] = useState(props.customised);
  const [error, setError] = useState<{ place: string | null; message: string } | null>(null);
  const [confirm, setConfirm] = useState<null | 'reset' | 'discard'>(null);
  const [busy, setBusy] = useState(false);
  /** What to focus once the edit that named it is on screen (a moved button, a new field's name). */
  const pendingFocus = useRef<string | null>(null);
  const rootRef = useRef<HTMLDivElement>(null);
  const confirmRef = useRef<HTMLButtonElement>(null);
  // Read while rendering, before the dialog moves the focus: the form's "Edit template" button.
  const opener = useRef(document.activeElement as HTMLElement | null);
  useEffect(() => () => opener.current?.focus?.(), []);
  useEffect(() => {
    const key = pendingFocus.current;
    if (!key) return;
    pendingFocus.current = null;
    rootRef.current?.querySelector<HTMLElement>(`[data-focus-key="${CSS.escape(key)}"]`)?.focus();
  });
  // The question takes the focus; keeping on editing gives it back to where it came from.
  const beforeConfirm = useRef<HTMLElement | null>(null);
  useEffect(() => {
    if (confirm) {
      beforeConfirm.current ??= document.activeElement as HTMLElement | null;
      confirmRef.current?.focus();
    } else if (beforeConfirm.current) {
      if (!rootRef.current?.contains(document.activeElement)) refocus(rootRef.current, beforeConfirm.current);
      beforeConfirm.current = null;
    }
  }, [confirm]);

  /** A name in both languages from one key (new fields, sections and options are named in both at once). */
  const both = (key: 'editor.newField' | 'editor.newSection' | 'editor.newOption', n: number) => ({
    zh: i18n.getFixedT('zh-CN', 'capture')(key, { n }),
    en: i18n.getFixedT('en', 'capture')(key, { n }),
  });
  const dirty = JSON.stringify(template) !== JSON.stringify(saved);
  const edit = (next: CaptureTemplate, focus?: string) => {
    setTemplate(next);
    setError(null);
    setConfirm(null);
    if (focus) pendingFocus.current = focus;
  };
  const close = () => set({ editing: null });
  const requestClose = () => {
    if (confirm) setConfirm(null);
    else if (dirty) setConfirm('discard');
    else close();
  };
  const firstEmptyName = (): string | null => {
    const names: Array<[string, { zh: string; en: string }]> = [
      ['form', template.title],
      ...template.sections.flatMap((s) => [
        [`section:${s.id}`, s.label] as [string, { zh: string; en: string }],
        ...s.fields.map((f) => [f.id, f.label] as [string, { zh: string; en: string }]),
      ]),
    ];
    for (const [key, n] of names) {
      if (!n.zh.trim()) return `${key}:zh`;
      if (!n.en.trim()) return `${key}:en`;
    }
    return null;
  };
  const save = async () => {
    const empty = firstEmptyName();
    if (empty || !template.tag.trim()) {
      pendingFocus.current = empty ?? 'tag';
      setError({ place: null, message: t('editor.errors.emptyName') });
      return;
    }
    setBusy(true);
    try {
      await saveTemplate(template);
      notify(t('editor.saved', { form: nameOf(template.title, language) }));
      close();
    } catch (err) {
      setError({
        place: err instanceof ApiError ? placeOfPath(err.path) : null,
        message: (err as Error).message,
      });
    } finally {
      setBusy(false);
    }
  };
  const reset = async () => {
    setBusy(true);
    try {
      const state = await resetTemplate(props.form);
      setTemplate(state.template);
      setSaved(state.template);
      setCustomised(false);
      setConfirm(null);
      setError(null);
      notify(t('editor.resetDone'));
    } catch (err) {
      setError({ place: null, message: (err as Error).message });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      title={t('editor.title', { form: nameOf(template.title, language) })}
      onClose={requestClose}
      wide
      testId="capture-template-editor"
    >
      <div className="template-editor" ref={rootRef}>
        <p className="muted small">
          {t(customised ? 'editor.customised' : 'editor.default')} {t('editor.intro')}
        </p>
        <fieldset className="te-form">
          <legend>{t('editor.formNames')}</legend>
          <NamePair
            focusKey="form"
            name={template.title}
            label={t('editor.formTitle')}
            onChange={(title) => edit({ ...template, title })}
          />
          <label className="te-tag">
            <span>{t('editor.tag')}</span>
            <input
              value={template.tag}
              maxLength={100}
              data-focus-key="tag"
              data-testid="te-tag"
              onChange={(e) => edit({ ...template, tag: e.target.value })}
            />
            <span className="capture-help">{t('editor.tagHelp')}</span>
          </label>
        </fieldset>
        {template.sections.map((section, si) => {
          const place = `s:${si}`;
          const locked = sectionIsMapped(template, si);
          return (
            <section
              key={section.id}
              className={`te-section${error?.place === place ? ' invalid' : ''}`}
              data-testid="te-section"
              aria-label={nameOf(section.label, language)}
            >
              <div className="te-section-head">
                <span className="te-move">
                  <button
                    type="button"
                    className="icon"
                    disabled={si === 0}
                    data-focus-key={`section:${section.id}:up`}
                    aria-label={t('editor.sectionUp', { name: nameOf(section.label, language) })}
                    title={t('editor.sectionUp', { name: nameOf(section.label, language) })}
                    onClick={() => edit(moveSection(template, si, -1), `section:${section.id}:up`)}
                  >
                    ↑
                  </button>
                  <button
                    type="button"
                    className="icon"
                    disabled={si === template.sections.length - 1}
                    data-focus-key={`section:${section.id}:down`}
                    aria-label={t('editor.sectionDown', { name: nameOf(section.label, language) })}
                    title={t('editor.sectionDown', { name: nameOf(section.label, language) })}
                    onClick={() => edit(moveSection(template, si, 1), `section:${section.id}:down`)}
                  >
                    ↓
                  </button>
                </span>
                <NamePair
                  focusKey={`section:${section.id}`}
                  name={section.label}
                  label={t('editor.sectionName')}
                  onChange={(label) => edit(renameSection(template, si, label))}
                />
                <button
                  type="button"
                  className="danger te-remove"
                  disabled={locked || template.sections.length === 1}
                  title={locked ? t('editor.sectionLocked') : undefined}
                  data-testid="te-section-remove"
                  onClick={() => edit(removeSection(template, si))}
                >
                  {t('editor.removeSection')}
                </button>
              </div>
              {error?.place === place && (
                <p className="error-text small" role="alert">
                  {error.message}
                </p>
              )}
              <ol className="te-fields">
                {section.fields.map((field, fi) => (
                  <TemplateFieldRow
                    key={field.id}
                    template={template}
                    section={si}
                    index={fi}
                    language={language}
                    error={error?.place === `f:${si}:${fi}` ? error.message : null}
                    onChange={edit}
                    newOptionName={(n) => both('editor.newOption', n)}
                  />
                ))}
              </ol>
              {section.fields.length === 0 && <p className="muted small">{t('editor.noFields')}</p>}
              <button
                type="button"
                className="capture-add"
                data-testid="te-add-field"
                onClick={() => {
                  const n = template.sections.flatMap((s) => s.fields).length + 1;
                  const r = addField(template, si, both('editor.newField', n));
                  edit(
                    r.template,
                    `${r.template.sections[si]!.fields[r.place.index]!.id}:${language === 'en' ? 'en' : 'zh'}`,
                  );
                }}
              >
                + {t('editor.addField')}
              </button>
            </section>
          );
        })}
        <button
          type="button"
          className="capture-add"
          data-testid="te-add-section"
          onClick={() => {
            const next = addSection(template, both('editor.newSection', template.sections.length + 1));
            edit(next, `section:${next.sections.at(-1)!.id}:${language === 'en' ? 'en' : 'zh'}`);
          }}
        >
          + {t('editor.addSection')}
        </button>
        {error && error.place === null && (
          <p className="error-text" role="alert" data-testid="te-error">
            {error.message}
          </p>
        )}
        {confirm ? (
          <div className="capture-confirm" role="alertdialog" aria-label={t(`editor.confirm.${confirm}`)}>
            <span className="grow">{t(`editor.confirm.${confirm}`)}</span>
            <button type="button" ref={confirmRef} onClick={() => setConfirm(null)}>
              {t('editor.keepEditing')}
            </button>
            <button
              type="button"
              className="danger"
              data-testid="te-confirm"
              disabled={busy}
              onClick={() => (confirm === 'reset' ? void reset() : close())}
            >
              {t(confirm === 'reset' ? 'editor.resetButton' : 'editor.discardButton')}
            </button>
          </div>
        ) : (
          <div className="buttons">
            <button
              type="button"
              disabled={busy || (!customised && !dirty)}
              data-testid="te-reset"
              onClick={() => setConfirm('reset')}
            >
              {t('editor.reset')}
            </button>
            <span className="spacer" />
            <button type="button" data-testid="te-cancel" onClick={requestClose}>
              {t('form.cancel')}
            </button>
            <button
              type="button"
              className="primary"
              disabled={busy || !dirty}
              data-testid="te-save"
              onClick={() => void save()}
            >
              {t('editor.save')}
            </button>
          </div>
        )}
      </div>
    </Modal>
  );
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
