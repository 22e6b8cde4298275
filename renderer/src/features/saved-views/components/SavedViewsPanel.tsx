import { useEffect, useRef, useState, type DragEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ViewDto } from '../../../../../preload/contract';
import { useAppStore } from '../../../app/store';
import { useSavedViews, useRefreshSavedViews } from '../queries';
import {
  baseKind,
  deleteSavedView,
  inPresentation,
  kindOnScreen,
  moveSavedView,
  openSavedView,
  renameSavedView,
  saveCurrentView,
  setInPresentation,
} from '../saved-views';
import { presentationSequence, startPresentation } from '../presentation';
import { useSavedViewsStore } from '../store';

const DRAG_MIME = 'application/x-wellspring-saved-view';

/**
 * The saved-views sidebar: save the graph view on screen under a name, and the saved views of every kind —
 * open (restores filters, layout, positions and camera), rename inline, reorder (drag or ↑/↓), delete (after a
 * confirm: deleting is not undoable), tick which ones a presentation shows, and present them (F5).
 */
export function SavedViewsPanel() {
  const { t } = useTranslation('views');
  const notify = useAppStore((s) => s.notify);
  const screen = useAppStore((s) => s.view);
  const { saveRequest, opening, set } = useSavedViewsStore();
  const views = useSavedViews();
  const refresh = useRefreshSavedViews();
  // null: the default name (“View n+1”), until the user types one.
  const [typed, setName] = useState<string | null>(null);
  const list = views.data ?? [];
  const name = typed ?? freeDefaultName(list, (n) => t('defaultName', { n }));
  const taken = nameTaken(list, name);
  const [busy, setBusy] = useState(false);
  const nameRef = useRef<HTMLInputElement>(null);
  const canSave = kindOnScreen() !== null;
  const failed = (e: Error) => notify(e.message, 'error');

  useEffect(() => {
    nameRef.current?.focus();
    nameRef.current?.select();
  }, [saveRequest]);

  const save = async () => {
    if (!name.trim() || busy || taken) return;
    setBusy(true);
    try {
      const v = await saveCurrentView(name);
      await refresh();
      notify(t('saved', { name: v.name }));
      setName(null);
    } catch (e) {
      failed(e as Error);
    } finally {
      setBusy(false);
    }
  };

  const open = async (v: ViewDto) => {
    set({ opening: v.id });
    try {
      await openSavedView(v, false);
    } catch (e) {
      failed(e as Error);
    } finally {
      set({ opening: null });
    }
  };

  const run = (p: Promise<void>) => void p.then(refresh).catch(failed);

  return (
    <aside className="saved-views-panel" data-testid="saved-views-panel" aria-label={t('title')}>
      <div className="sv-head">
        <h2>{t('title')}</h2>
        <button
          className="ghost"
          aria-label={t('close')}
          title={t('close')}
          onClick={() => set({ panelOpen: false })}
        >
          ×
        </button>
      </div>
      <form
        className="sv-save"
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <label htmlFor="sv-name">{t('nameLabel')}</label>
        <div className="sv-row">
          <input
            id="sv-name"
            ref={nameRef}
            data-testid="saved-view-name"
            value={name}
            maxLength={200}
            onChange={(e) => setName(e.target.value)}
          />
          <button
            type="submit"
            className="primary"
            data-testid="saved-view-save"
            disabled={!canSave || busy || !name.trim() || taken}
          >
            {t('save')}
          </button>
        </div>
        {taken && (
          <p className="error-text" role="alert" data-testid="saved-view-name-taken">
            {t('nameTaken', { name: name.trim() })}
          </p>
        )}
        {!canSave && (
          <p className="muted">
            {t('nothingOnScreen', { screen: t(`screens.${screen}`, { defaultValue: screen }) })}
          </p>
        )}
      </form>
      {views.isLoading && <p className="muted">{t('loading')}</p>}
      {views.isError && (
        <p className="error-text">
          {t('loadFailed', { message: views.error.message })}{' '}
          <button onClick={() => void views.refetch()}>{t('retry')}</button>
        </p>
      )}
      {views.data && list.length === 0 && (
        <p className="muted" data-testid="saved-views-empty">
          {t('empty')}
        </p>
      )}
      <ol className="sv-list" data-testid="saved-views-list">
        {list.map((v, i) => (
          <SavedViewRow
            key={v.id}
            view={v}
            index={i}
            count={list.length}
            opening={opening === v.id}
            onOpen={() => void open(v)}
            onRename={(n) => run(renameSavedView(v, n))}
            isTaken={(n) => nameTaken(list, n, v.id)}
            onMove={(to) => run(moveSavedView(list, i, to))}
            onDropFrom={(from) => run(moveSavedView(list, from, i))}
            onDelete={() => run(deleteSavedView(v))}
            onPresent={(on) => run(setInPresentation(v, on))}
          />
        ))}
      </ol>
      {list.length > 0 && (
        <button
          className="primary sv-present"
          data-testid="present-button"
          onClick={() => startPresentation(presentationSequence(list))}
        >
          ▶ {t('present', { count: presentationSequence(list).length })}
        </button>
      )}
    </aside>
  );
}

interface RowProps {
  view: ViewDto;
  index: number;
  count: number;
  opening: boolean;
  onOpen(): void;
  onRename(name: string): void;
  /** Whether another saved view already has this name. */
  isTaken(name: string): boolean;
  onMove(to: number): void;
  /** The row at index `from` was dropped on this one: it moves here. */
  onDropFrom(from: number): void;
  onDelete(): void;
  onPresent(on: boolean): void;
}

/** One saved view in the sidebar. */
function SavedViewRow(props: RowProps) {
  const { view, index, count, opening, onOpen, onRename, onMove, onDropFrom, onDelete, onPresent, isTaken } =
    props;
  const { t } = useTranslation('views');
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(view.name);
  const [confirm, setConfirm] = useState(false);
  const [over, setOver] = useState(false);

  const clash = editing && draft.trim() !== view.name && isTaken(draft);
  const commit = () => {
    // A name another view has stays in the field with the reason, until changed or Escape.
    if (clash) return;
    setEditing(false);
    if (draft.trim() && draft.trim() !== view.name) onRename(draft);
    else setDraft(view.name);
  };
  const onKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      commit();
    } else if (e.key === 'Escape') {
      e.stopPropagation();
      setDraft(view.name);
      setEditing(false);
    }
  };
  const onDrop = (e: DragEvent<HTMLLIElement>) => {
    setOver(false);
    const from = Number(e.dataTransfer.getData(DRAG_MIME));
    if (!e.dataTransfer.types.includes(DRAG_MIME) || Number.isNaN(from)) return;
    e.preventDefault();
    onDropFrom(from);
  };

  return (
    <li
      className={`sv-item${over ? ' drop' : ''}`}
      data-testid="saved-view-row"
      data-view-id={view.id}
      draggable={!editing}
      onDragStart={(e) => {
        e.dataTransfer.setData(DRAG_MIME, String(index));
        e.dataTransfer.effectAllowed = 'move';
      }}
      onDragOver={(e) => {
        if (!e.dataTransfer.types.includes(DRAG_MIME)) return;
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={onDrop}
    >
      <input
        type="checkbox"
        data-testid="saved-view-present"
        checked={inPresentation(view)}
        aria-label={t('inPresentation', { name: view.name })}
        title={t('inPresentation', { name: view.name })}
        onChange={(e) => onPresent(e.target.checked)}
      />
      {editing ? (
        <>
          <input
            className="sv-rename"
            data-testid="saved-view-rename-input"
            value={draft}
            autoFocus
            maxLength={200}
            aria-label={t('rename')}
            aria-invalid={clash}
            title={clash ? t('nameTaken', { name: draft.trim() }) : undefined}
            onChange={(e) => setDraft(e.target.value)}
            onKeyDown={onKey}
            onBlur={commit}
          />
          {clash && (
            <span className="error-text small sv-clash" role="alert" data-testid="saved-view-rename-taken">
              {t('nameTaken', { name: draft.trim() })}
            </span>
          )}
        </>
      ) : (
        <button
          className="sv-open link"
          data-testid="saved-view-open"
          title={t('open', { name: view.name })}
          onClick={onOpen}
          onDoubleClick={() => setEditing(true)}
        >
          <span className="sv-name">{view.name}</span>
          <span className="sv-kind muted">{opening ? t('opening') : t(`kinds.${baseKind(view)}`)}</span>
        </button>
      )}
      <span className="sv-tools">
        <button
          className="ghost"
          data-testid="saved-view-rename"
          aria-label={t('rename')}
          title={t('rename')}
          onClick={() => setEditing(true)}
        >
          ✎
        </button>
        <button
          className="ghost"
          data-testid="saved-view-up"
          aria-label={t('up')}
          title={t('up')}
          disabled={index === 0}
          onClick={() => onMove(index - 1)}
        >
          ↑
        </button>
        <button
          className="ghost"
          data-testid="saved-view-down"
          aria-label={t('down')}
          title={t('down')}
          disabled={index === count - 1}
          onClick={() => onMove(index + 1)}
        >
          ↓
        </button>
        <button
          className="ghost danger"
          data-testid="saved-view-delete"
          aria-label={t('delete')}
          title={t('delete')}
          onClick={() => setConfirm(true)}
        >
          ✕
        </button>
      </span>
      {confirm && (
        <div className="sv-confirm" role="alertdialog" aria-label={t('confirmDelete', { name: view.name })}>
          <span>{t('confirmDelete', { name: view.name })}</span>
          <button className="danger" data-testid="saved-view-confirm-delete" autoFocus onClick={onDelete}>
            {t('delete')}
          </button>
          <button onClick={() => setConfirm(false)}>{t('cancel')}</button>
        </div>
      )}
    </li>
  );
}

/** Whether a saved view other than `exceptId` is called `name` (trimmed, case and width folded). */
function nameTaken(views: readonly ViewDto[], name: string, exceptId?: string): boolean {
  const fold = (x: string) => x.normalize('NFKC').trim().toLocaleLowerCase();
  return name.trim() !== '' && views.some((v) => v.id !== exceptId && fold(v.name) === fold(name));
}

/** The first “View n” (n from the count + 1 up) that no saved view is called yet. */
function freeDefaultName(views: readonly ViewDto[], nameOf: (n: number) => string): string {
  for (let n = views.length + 1; ; n++) if (!nameTaken(views, nameOf(n))) return nameOf(n);
}
