import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AreaChange, ExpertProfile } from '../../../../../preload/contract';
import { editAreas } from '../queries';
import { AddAreaPicker } from './AddAreaPicker';
import { ProficiencyDots } from './ProficiencyDots';

/**
 * "My areas": the expert edits their own areas, keyboard first. Entering puts the focus in the list with the first
 * area selected; ↑/↓ move between areas, 1–5 set the proficiency, Delete removes the area (Ctrl+Z undoes it: every
 * change is one experts:edit-areas call, one undo step), Enter edits the area's description inline with the caret
 * at its end (Enter saves, Shift+Enter a new line, Escape cancels), + or Ctrl+N opens the add-area picker; Escape
 * in the list leaves "my areas" (the profile panel handles it). The expert's own description is edited below.
 *
 * While editing, the list keeps the order it had when "my areas" opened (areas added since go last): the core
 * sorts by proficiency, and a row that jumped away on every 1–5 would make ↑/↓ land somewhere unexpected.
 */
export function MyAreas({ profile }: { profile: ExpertProfile }) {
  const { t } = useTranslation('experts');
  const expertId = profile.expert.id;
  const [order] = useState(() => profile.areas.map((a) => a.id));
  const areas = useMemo(() => stableOrder(profile.areas, order), [profile.areas, order]);
  const [activeId, setActiveId] = useState<string | null>(areas[0]?.id ?? null);
  const [editing, setEditing] = useState<{ id: string; draft: string } | null>(null);
  const [picking, setPicking] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const listRef = useRef<HTMLUListElement>(null);
  const addRef = useRef<HTMLButtonElement>(null);
  const editRef = useRef<HTMLTextAreaElement>(null);
  const held = useMemo(() => new Set(areas.map((a) => a.id)), [areas]);

  const index = Math.max(
    0,
    areas.findIndex((a) => a.id === activeId),
  );
  const active = areas[index] ?? null;

  // Entering "my areas": the keys work at once (the list, or the add button when there is no area yet).
  useEffect(() => {
    (listRef.current ?? addRef.current)?.focus();
  }, []);

  // The selected area stays in view whatever changed (moved by the keys, or its row re-rendered by a save).
  useEffect(() => {
    listRef.current
      ?.querySelector(`[data-id="${CSS.escape(active?.id ?? '')}"]`)
      ?.scrollIntoView({ block: 'nearest' });
  }, [active?.id, index, areas]);

  // Describing: the caret goes after the text already there, to add to it.
  const editingId = editing?.id;
  useEffect(() => {
    const el = editRef.current;
    if (!editingId || !el) return;
    el.focus();
    el.setSelectionRange(el.value.length, el.value.length);
  }, [editingId]);

  const run = async (changes: AreaChange[]): Promise<boolean> => {
    setBusy(true);
    setError(null);
    try {
      await editAreas(expertId, changes);
      return true;
    } catch (e) {
      setError((e as Error).message);
      return false;
    } finally {
      setBusy(false);
    }
  };

  const onListKey = (e: KeyboardEvent<HTMLUListElement>) => {
    if (e.nativeEvent.isComposing || editing) return;
    const handled = () => {
      e.preventDefault();
      e.stopPropagation();
    };
    if ((e.key === 'n' || e.key === 'N') && (e.ctrlKey || e.metaKey)) {
      handled();
      setPicking(true);
      return;
    }
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    if (e.key === '+') {
      handled();
      setPicking(true);
    } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      handled();
      const next = areas[Math.max(0, Math.min(areas.length - 1, index + (e.key === 'ArrowDown' ? 1 : -1)))];
      if (next) setActiveId(next.id);
    } else if (e.key === 'Home' || e.key === 'End') {
      handled();
      const next = e.key === 'Home' ? areas[0] : areas[areas.length - 1];
      if (next) setActiveId(next.id);
    } else if (/^[1-5]$/.test(e.key) && active) {
      handled();
      if (!busy) void run([{ change: 'proficiency', targetId: active.id, proficiency: Number(e.key) }]);
    } else if ((e.key === 'Delete' || e.key === 'Backspace') && active) {
      handled();
      if (busy) return;
      const next = areas[index + 1] ?? areas[index - 1] ?? null;
      void run([{ change: 'proficiency', targetId: active.id, proficiency: null }]).then(
        (ok) => ok && setActiveId(next?.id ?? null),
      );
    } else if (e.key === 'Enter' && active) {
      handled();
      setEditing({ id: active.id, draft: active.description });
    }
  };

  const saveDescription = async () => {
    if (!editing) return;
    const area = areas.find((a) => a.id === editing.id);
    if (area && area.description !== editing.draft) {
      const ok = await run([{ change: 'description', targetId: editing.id, description: editing.draft }]);
      if (!ok) return;
    }
    setEditing(null);
    listRef.current?.focus();
  };

  return (
    <section className="my-areas" data-testid="my-areas-editor">
      <h3>{t('myAreas.title', { count: areas.length })}</h3>
      <p className="muted small">{t('myAreas.keys')}</p>
      {error && (
        <p className="error-text" role="alert" data-testid="areas-error">
          {error}
        </p>
      )}
      {areas.length === 0 ? (
        <p className="muted small">{t('areas.none')}</p>
      ) : (
        <ul
          ref={listRef}
          className="my-areas-list"
          role="listbox"
          tabIndex={0}
          aria-label={t('myAreas.title', { count: areas.length })}
          aria-activedescendant={active ? `my-area-${active.id}` : undefined}
          aria-busy={busy}
          data-testid="my-areas-list"
          onKeyDown={onListKey}
        >
          {areas.map((a) => (
            <li
              key={a.edgeId}
              id={`my-area-${a.id}`}
              role="option"
              aria-selected={a.id === active?.id}
              className={a.id === active?.id ? 'active' : ''}
              data-testid="my-area"
              data-id={a.id}
              data-proficiency={a.proficiency}
              onClick={() => setActiveId(a.id)}
            >
              <div className="my-area-line">
                <span className={`kind-dot kind-${a.kind}`} title={t(`kind.${a.kind}`)} />
                <span className="my-area-label">{a.label}</span>
                <ProficiencyDots value={a.proficiency} />
              </div>
              {editing?.id === a.id ? (
                <textarea
                  ref={editRef}
                  className="my-area-desc-edit"
                  value={editing.draft}
                  aria-label={t('myAreas.description', { label: a.label })}
                  data-testid="area-description-edit"
                  rows={3}
                  onChange={(e) => setEditing({ id: a.id, draft: e.target.value })}
                  onKeyDown={(e) => {
                    if (e.nativeEvent.isComposing) return;
                    if (e.key === 'Enter' && !e.shiftKey) {
                      e.preventDefault();
                      e.stopPropagation();
                      void saveDescription();
                    } else if (e.key === 'Escape') {
                      e.preventDefault();
                      e.stopPropagation();
                      setEditing(null);
                      listRef.current?.focus();
                    }
                  }}
                />
              ) : (
                a.description && <div className="muted small my-area-desc">{a.description}</div>
              )}
            </li>
          ))}
        </ul>
      )}
      {picking ? (
        <AddAreaPicker
          exclude={held}
          placeholder={t('myAreas.addPlaceholder')}
          onClose={() => {
            setPicking(false);
            listRef.current?.focus();
          }}
          onPick={(n) => {
            setPicking(false);
            void run([{ change: 'proficiency', targetId: n.id, proficiency: 3 }]).then((ok) => {
              if (ok) setActiveId(n.id);
              listRef.current?.focus();
            });
          }}
        />
      ) : (
        <button ref={addRef} data-testid="add-area" onClick={() => setPicking(true)}>
          {t('myAreas.add')}
        </button>
      )}
      <ExpertDescription
        profile={profile}
        onSave={(d) => run([{ change: 'description', targetId: expertId, description: d }])}
      />
    </section>
  );
}

/** `areas` in the order of `order` (ids), those not in it after them in their own order. */
function stableOrder<T extends { id: string }>(areas: readonly T[], order: readonly string[]): T[] {
  const at = new Map(order.map((id, i) => [id, i]));
  return areas
    .map((a, i) => ({ a, k: at.get(a.id) ?? order.length + i }))
    .sort((x, y) => x.k - y.k)
    .map((x) => x.a);
}

/** The expert's own description: a text area saved with its button or Ctrl+Enter. */
function ExpertDescription(props: { profile: ExpertProfile; onSave: (d: string) => Promise<boolean> }) {
  const { t } = useTranslation('experts');
  const [draft, setDraft] = useState<string | null>(null);
  const shown = draft ?? props.profile.description;
  const save = async () => {
    if (draft !== null && draft !== props.profile.description && (await props.onSave(draft))) setDraft(null);
  };
  return (
    <label className="field expert-description">
      {t('myAreas.ownDescription')}
      <textarea
        rows={3}
        value={shown}
        data-testid="expert-description"
        onChange={(e) => setDraft(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
            e.preventDefault();
            void save();
          }
        }}
      />
      <span>
        <button disabled={draft === null || draft === props.profile.description} onClick={() => void save()}>
          {t('myAreas.saveDescription')}
        </button>
      </span>
    </label>
  );
}
