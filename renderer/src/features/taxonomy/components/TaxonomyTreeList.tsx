import { Fragment, useEffect, useRef, useState, type DragEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TaxonomyNode, TaxonomyTree } from '../../../../../preload/contract';
import { addCategory, moveCategory, openDialog, renameCategory, startRename } from '../actions';
import { setCollapsed, useTaxonomyStore } from '../store';
import { treeKeyTarget, visibleRows } from '../tree-rows';
import { NameInput } from './NameInput';

const MIME = 'application/x-wellspring-category';
/** Indentation per level, px. */
const INDENT = 16;

/**
 * The category tree as an ARIA tree of rows (depth first, as taxonomy:tree gives them), each with its item counts
 * (own / with sub-categories). Drag a row onto another to move it under that one, or onto "Top level" to make it a
 * root. Keys (WAI-ARIA tree pattern): ↑/↓ Home/End move, ←/→ collapse, expand or go to the parent or first child,
 * F2 or Enter rename in place, Delete opens the delete confirmation. Ctrl+Z is left to the app (history:undo).
 */
export function TaxonomyTreeList({ tree }: { tree: TaxonomyTree }) {
  const { t } = useTranslation('taxonomy');
  const { selectedId, collapsed, editing, set } = useTaxonomyStore();
  const collapsedSet = new Set(collapsed);
  const rows = visibleRows(tree.nodes, collapsedSet);
  const [over, setOver] = useState<string | null>(null);
  const [dragging, setDragging] = useState(false);
  const listRef = useRef<HTMLUListElement>(null);
  /** Set by a key that moved the selection: the newly selected row then takes the focus. */
  const focusSelected = useRef(false);

  useEffect(() => {
    if (!focusSelected.current || editing) return;
    focusSelected.current = false;
    listRef.current
      ?.querySelector<HTMLElement>(`[data-id="${CSS.escape(selectedId ?? '')}"] .tx-label`)
      ?.focus();
  });

  const onKeyDown = (e: KeyboardEvent<HTMLUListElement>) => {
    if ((e.target as HTMLElement).tagName === 'INPUT' || e.ctrlKey || e.metaKey || e.altKey) return;
    const selected = tree.nodes.find((n) => n.id === selectedId);
    if ((e.key === 'F2' || e.key === 'Enter') && selected) {
      startRename(selected.id);
      // The row takes the focus back when the name is done.
      focusSelected.current = true;
    } else if (e.key === 'Delete' && selected) {
      // The dialog takes the focus (the row must not take it back).
      openDialog('delete', selected.id);
    } else {
      const to = treeKeyTarget(e.key, rows, selectedId, collapsedSet);
      if (!to) return;
      if ('toggle' in to) setCollapsed(to.toggle, to.collapse);
      else set({ selectedId: to.select });
      focusSelected.current = true;
    }
    e.preventDefault();
    e.stopPropagation();
  };

  const drop = (e: DragEvent, parentId: string | null) => {
    const id = e.dataTransfer.getData(MIME);
    setOver(null);
    setDragging(false);
    if (!id) return;
    e.preventDefault();
    void moveCategory(tree.nodes, id, parentId);
  };
  const dragOver = (e: DragEvent, target: string) => {
    if (!e.dataTransfer.types.includes(MIME)) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = 'move';
    setOver(target);
  };

  const addRow = (parentId: string | null, depth: number) =>
    editing?.mode === 'add' && editing.parentId === parentId ? (
      <li className="tx-row tx-adding" style={{ paddingLeft: 4 + depth * INDENT + 18 }}>
        <NameInput
          initial=""
          label={t('add.label')}
          placeholder={t('add.placeholder')}
          testId="tx-add-input"
          onCommit={(label) => void addCategory(label, parentId)}
          onCancel={() => set({ editing: null })}
        />
      </li>
    ) : null;

  const row = (n: TaxonomyNode) => {
    const hasChildren = n.childIds.length > 0;
    const isCollapsed = collapsedSet.has(n.id);
    const renaming = editing?.mode === 'rename' && editing.id === n.id;
    const selected = n.id === selectedId;
    return (
      <li
        role="treeitem"
        aria-level={n.depth + 1}
        aria-selected={selected}
        aria-expanded={hasChildren ? !isCollapsed : undefined}
        className={`tx-row${selected ? ' active' : ''}${over === n.id ? ' drop-over' : ''}`}
        style={{ paddingLeft: 4 + n.depth * INDENT }}
        data-testid="tx-row"
        data-id={n.id}
        draggable={!renaming}
        onDragStart={(e) => {
          e.dataTransfer.setData(MIME, n.id);
          e.dataTransfer.effectAllowed = 'move';
          setDragging(true);
        }}
        onDragEnd={() => {
          setDragging(false);
          setOver(null);
        }}
        onDragOver={(e) => dragOver(e, n.id)}
        onDragLeave={() => setOver((o) => (o === n.id ? null : o))}
        onDrop={(e) => drop(e, n.id)}
      >
        {hasChildren ? (
          <button
            className="tx-toggle ghost"
            tabIndex={-1}
            aria-label={t(isCollapsed ? 'tree.expand' : 'tree.collapse', { label: n.label })}
            title={t(isCollapsed ? 'tree.expand' : 'tree.collapse', { label: n.label })}
            data-testid="tx-toggle"
            onClick={() => setCollapsed(n.id, !isCollapsed)}
          >
            {isCollapsed ? '▸' : '▾'}
          </button>
        ) : (
          <span className="tx-toggle" aria-hidden="true" />
        )}
        {renaming ? (
          <NameInput
            initial={n.label}
            label={t('rename.label', { label: n.label })}
            testId="tx-rename-input"
            onCommit={(label) => {
              focusSelected.current = true;
              void renameCategory(n.id, label);
            }}
            onCancel={() => {
              focusSelected.current = true;
              set({ editing: null });
            }}
          />
        ) : (
          <button
            className="tx-label ghost"
            tabIndex={selected || (selectedId === null && n === rows[0]) ? 0 : -1}
            title={n.aliases.length ? `${n.label} · ${n.aliases.join(' · ')}` : n.label}
            onClick={() => set({ selectedId: n.id })}
            onDoubleClick={() => startRename(n.id)}
          >
            <span className="kind-dot kind-category" />
            <span className="tx-name">{n.label}</span>
          </button>
        )}
        <span
          className="tx-counts"
          title={t('tree.countsTitle', {
            label: n.label,
            direct: n.counts.directItems,
            items: n.counts.items,
          })}
        >
          <span data-testid="tx-direct">{n.counts.directItems}</span>
          <span className="muted">/</span>
          <span data-testid="tx-items">{n.counts.items}</span>
        </span>
      </li>
    );
  };

  return (
    <div className="tx-tree" data-testid="tx-tree">
      <div
        className={`tx-top-drop${over === '' ? ' drop-over' : ''}${dragging ? ' dragging' : ''}`}
        data-testid="tx-drop-top"
        title={t('tree.dropTop')}
        onDragOver={(e) => dragOver(e, '')}
        onDragLeave={() => setOver((o) => (o === '' ? null : o))}
        onDrop={(e) => drop(e, null)}
      >
        <span>{dragging ? t('tree.dropTop') : t('tree.topLevel')}</span>
        <span className="muted small">{t('tree.countsHead')}</span>
      </div>
      <ul role="tree" aria-label={t('tree.label')} ref={listRef} onKeyDown={onKeyDown}>
        {addRow(null, 0)}
        {rows.map((n) => (
          <Fragment key={n.id}>
            {row(n)}
            {addRow(n.id, n.depth + 1)}
          </Fragment>
        ))}
      </ul>
    </div>
  );
}
