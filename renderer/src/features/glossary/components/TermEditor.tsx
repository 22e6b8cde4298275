import { useEffect, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { GlossaryEdit, GlossaryTermDto } from '../../../../../preload/contract';
import { useAppStore } from '../../../app/store';
import { showNodeOnMap } from '../../taxonomy/navigate';
import { editGlossary } from '../queries';
import { NEW_TERM, selectTerm, useGlossaryStore } from '../store';
import { ChipsInput } from './ChipsInput';
import { DefinesPicker, type DefinedTarget } from './DefinesPicker';
import { DiscardDialog } from './DiscardDialog';

/** What the panel edits: every field of a term, and what it defines. */
interface Draft {
  label: string;
  en: string;
  zh: string;
  synonyms: string[];
  aliases: string[];
  definition: string;
  defines: DefinedTarget[];
}

const EMPTY: Draft = { label: '', en: '', zh: '', synonyms: [], aliases: [], definition: '', defines: [] };

function draftOf(term: GlossaryTermDto | undefined): Draft {
  if (!term) return EMPTY;
  return {
    label: term.label,
    en: term.translations.en ?? '',
    zh: term.translations.zh ?? '',
    synonyms: [...term.synonyms],
    aliases: [...term.aliases],
    definition: term.definition,
    defines: term.defines.map(({ id, kind, label }) => ({ id, kind, label })),
  };
}

const same = (a: Draft, b: Draft) => JSON.stringify(a) === JSON.stringify(b);

/**
 * The editor panel of the selected term, or of a new one: its name, English and Chinese names, synonyms and other
 * names as chips, the definition (several lines), and the knowledge items and categories it defines (add, remove,
 * show on the map). Changes stay in the panel until Save (Ctrl+Enter), which is ONE glossary:edit call — one undo
 * step for every field and link; Discard (Esc) goes back to what is stored. A refusal (a name another term has)
 * is shown in the panel in the UI language. While there are unsaved changes, choosing another term asks first.
 */
export function TermEditor({ terms }: { terms: readonly GlossaryTermDto[] }) {
  const { t } = useTranslation('glossary');
  const { selectedId, pending, set } = useGlossaryStore();
  const notify = useAppStore((s) => s.notify);
  const isNew = selectedId === NEW_TERM;
  const term = terms.find((x) => x.id === selectedId);
  const stored = useMemo(() => draftOf(term), [term]);
  const [draft, setDraft] = useState<Draft>(stored);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const dirty = !same(draft, stored);
  // Save may run just after a chip field's blur added its text: it reads the draft of the latest render.
  const latest = useRef(draft);
  useLayoutEffect(() => {
    latest.current = draft;
  });

  // What is stored moved on (an undo, an edit elsewhere): an untouched panel follows it.
  const [base, setBase] = useState(stored);
  if (base !== stored) {
    setBase(stored);
    if (same(draft, base)) setDraft(stored);
  }
  useEffect(() => {
    set({ dirty });
  }, [dirty, set]);
  useEffect(() => () => set({ dirty: false }), [set]);

  if (!isNew && !term)
    return (
      <section className="gl-detail gl-detail-empty" data-testid="gl-detail-empty">
        <p className="muted">{t('detail.empty')}</p>
      </section>
    );

  const change = (patch: Partial<Draft>) => {
    setDraft((d) => ({ ...d, ...patch }));
    setError(null);
  };
  const save = async () => {
    const draft = latest.current;
    if (saving) return;
    if (!draft.label.trim()) {
      setError(t('detail.labelRequired'));
      return;
    }
    const fields = {
      label: draft.label.trim(),
      definition: draft.definition,
      synonyms: draft.synonyms,
      aliases: draft.aliases,
      translations: { en: draft.en.trim() || undefined, zh: draft.zh.trim() || undefined },
      defines: draft.defines.map((d) => d.id),
    };
    const edit: GlossaryEdit = isNew
      ? { edit: 'add', ...fields }
      : { edit: 'update', id: term!.id, ...fields };
    setSaving(true);
    const r = await editGlossary([edit], { quiet: true });
    setSaving(false);
    if (r instanceof Error) {
      setError(r.message);
      return;
    }
    set({ dirty: false });
    if (isNew) {
      set({ selectedId: r.addedIds[0] ?? null });
      notify(t('toast.created', { label: fields.label }));
    } else if (r.applied) notify(t('toast.saved', { label: fields.label }));
  };
  const revert = () => {
    setDraft(stored);
    setError(null);
    if (isNew) set({ selectedId: null, dirty: false });
  };
  const onKey = (e: KeyboardEvent<HTMLElement>) => {
    if (e.nativeEvent.isComposing) return;
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      // A chip still being typed is added by its field's blur; save after React has applied it.
      (document.activeElement as HTMLElement | null)?.blur();
      setTimeout(() => void save(), 0);
    } else if (e.key === 'Escape' && (dirty || isNew)) {
      e.stopPropagation();
      revert();
    }
  };
  const mentioned = term?.mentionedIn ?? 0;
  return (
    <section
      className="gl-detail"
      data-testid="gl-detail"
      data-id={term?.id ?? NEW_TERM}
      aria-label={isNew ? t('detail.newTitle') : term!.label}
      onKeyDown={onKey}
    >
      <div className="gl-detail-head">
        <h3>{isNew ? t('detail.newTitle') : term!.label}</h3>
        {dirty && (
          <span className="gl-unsaved small" data-testid="gl-unsaved">
            {t('detail.unsaved')}
          </span>
        )}
      </div>
      {!isNew && mentioned > 0 && (
        <p className="small muted" data-testid="gl-mentioned">
          {t('detail.mentioned', { count: mentioned })}
        </p>
      )}
      <div className="gl-form">
        <div className="gl-field gl-field-label">
          <label htmlFor="gl-label">{t('fields.label')}</label>
          <input
            id="gl-label"
            value={draft.label}
            autoFocus={isNew}
            data-testid="gl-label"
            aria-invalid={error !== null && !draft.label.trim()}
            onChange={(e) => change({ label: e.target.value })}
          />
        </div>
        <div className="gl-field-pair">
          <div className="gl-field">
            <label htmlFor="gl-en">{t('fields.en')}</label>
            <input
              id="gl-en"
              value={draft.en}
              lang="en"
              data-testid="gl-en"
              onChange={(e) => change({ en: e.target.value })}
            />
          </div>
          <div className="gl-field">
            <label htmlFor="gl-zh">{t('fields.zh')}</label>
            <input
              id="gl-zh"
              value={draft.zh}
              lang="zh-CN"
              data-testid="gl-zh"
              onChange={(e) => change({ zh: e.target.value })}
            />
          </div>
        </div>
        <ChipsInput
          label={t('fields.synonyms')}
          values={draft.synonyms}
          placeholder={t('fields.addSynonym')}
          testId="gl-synonyms"
          onChange={(synonyms) => change({ synonyms })}
        />
        <div className="gl-field">
          <label htmlFor="gl-definition">{t('fields.definition')}</label>
          <textarea
            id="gl-definition"
            rows={6}
            value={draft.definition}
            data-testid="gl-definition"
            onChange={(e) => change({ definition: e.target.value })}
          />
        </div>
        <ChipsInput
          label={t('fields.aliases')}
          values={draft.aliases}
          placeholder={t('fields.addAlias')}
          testId="gl-aliases"
          onChange={(aliases) => change({ aliases })}
        />
        <div className="gl-field">
          <span className="gl-field-title">{t('defines.title')}</span>
          {draft.defines.length === 0 && <p className="small muted">{t('defines.none')}</p>}
          <ul className="gl-defines" data-testid="gl-defines">
            {draft.defines.map((d) => (
              <li key={d.id} data-testid="gl-defined" data-id={d.id}>
                <span className={`kind-dot kind-${d.kind}`} />
                <button
                  type="button"
                  className="link"
                  title={t('defines.show', { label: d.label })}
                  onClick={() => showNodeOnMap(d.id)}
                >
                  {d.label}
                </button>
                <span className="small muted">{t(`defines.kinds.${d.kind}`)}</span>
                <button
                  type="button"
                  className="icon"
                  aria-label={t('defines.remove', { label: d.label })}
                  title={t('defines.remove', { label: d.label })}
                  data-testid="gl-defined-remove"
                  onClick={(e) => {
                    // The button goes away with its row: the focus moves to the picker, not to the page.
                    e.currentTarget
                      .closest('.gl-field')
                      ?.querySelector<HTMLInputElement>('[data-testid="gl-defines-search"]')
                      ?.focus();
                    change({ defines: draft.defines.filter((x) => x.id !== d.id) });
                  }}
                >
                  ×
                </button>
              </li>
            ))}
          </ul>
          <DefinesPicker linked={draft.defines} onAdd={(x) => change({ defines: [...draft.defines, x] })} />
        </div>
      </div>
      {error && (
        <p className="error-text" role="alert" data-testid="gl-error">
          {error}
        </p>
      )}
      <div className="gl-actions">
        <button
          className="primary"
          disabled={saving || (!dirty && !isNew)}
          data-testid="gl-save"
          onClick={() => void save()}
        >
          {isNew ? t('detail.create') : t('detail.save')}
        </button>
        <button disabled={!dirty && !isNew} data-testid="gl-revert" onClick={revert}>
          {t('detail.revert')}
        </button>
        <span className="small muted gl-hint">{t('detail.hint')}</span>
        <span className="spacer" />
        {!isNew && (
          <button
            className="danger"
            data-testid="gl-delete"
            onClick={() => set({ dialog: { kind: 'delete', id: term!.id } })}
          >
            {t('detail.delete')}
          </button>
        )}
      </div>
      {pending !== undefined && (
        <DiscardDialog
          label={isNew ? draft.label || t('detail.newTitle') : term!.label}
          onKeep={() => set({ pending: undefined })}
          onDiscard={() => {
            set({ dirty: false, pending: undefined });
            selectTerm(pending);
          }}
        />
      )}
    </section>
  );
}
