import { useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CompetencyTreeNode } from '../../../../../preload/contract';
import { COVERAGE_COLOURS, percentText } from '../coverage-bands';
import { editCompetencies } from '../queries';
import { useCompetenciesStore } from '../store';

const MIME = 'application/x-wellspring-competency';

/**
 * The tree editor: the competencies as an indented list (depth first, as competencies:tree gives them). Drag a
 * row onto another to move it under that one, or use "move under…" on the selected row (the keyboard way); the
 * core refuses moving the core or into its own subtree, and its message shows as a toast. Each move is one
 * competencies:edit call (one undo step, Ctrl+Z).
 */
export function CompetencyTreeEditor({ nodes }: { nodes: CompetencyTreeNode[] }) {
  const { t } = useTranslation('competencies');
  const { selectedId, set } = useCompetenciesStore();
  const [over, setOver] = useState<string | null>(null);
  const move = (id: string, parentId: string) => {
    if (id === parentId) return;
    void editCompetencies([{ edit: 'reparent', id, parentId }]);
  };
  const selected = nodes.find((n) => n.id === selectedId) ?? null;
  return (
    <nav className="competency-tree" aria-label={t('tree.title')} data-testid="competency-tree">
      <h3>{t('tree.title')}</h3>
      <ul role="tree">
        {nodes.map((n) => (
          <li
            key={n.id}
            role="treeitem"
            aria-level={n.depth + 1}
            aria-selected={n.id === selectedId}
            style={{ paddingLeft: 6 + n.depth * 14 }}
            className={`${n.id === selectedId ? 'active' : ''}${over === n.id ? ' drop-over' : ''}`}
            data-testid="tree-row"
            data-id={n.id}
            draggable={n.level !== 'core'}
            onDragStart={(e: DragEvent) => {
              e.dataTransfer.setData(MIME, n.id);
              e.dataTransfer.effectAllowed = 'move';
            }}
            onDragOver={(e: DragEvent) => {
              if (!e.dataTransfer.types.includes(MIME)) return;
              e.preventDefault();
              e.dataTransfer.dropEffect = 'move';
              setOver(n.id);
            }}
            onDragLeave={() => setOver(null)}
            onDrop={(e: DragEvent) => {
              const id = e.dataTransfer.getData(MIME);
              setOver(null);
              if (!id) return;
              e.preventDefault();
              move(id, n.id);
            }}
          >
            <button
              className="tree-label"
              onClick={() => set({ selectedId: n.id })}
              onDoubleClick={() => set({ focusId: n.id, selectedId: n.id, restored: null })}
              title={t('tree.rowTitle', { label: n.label, target: n.target })}
            >
              <span className="tree-name">{n.label}</span>
              <span
                className="coverage-chip"
                data-band={n.band}
                style={{ background: COVERAGE_COLOURS[n.band].fill, color: COVERAGE_COLOURS[n.band].text }}
              >
                {percentText(n.coverage)}
              </span>
            </button>
          </li>
        ))}
      </ul>
      {selected && selected.level !== 'core' && (
        <label className="field move-under">
          {t('tree.moveUnder', { label: selected.label })}
          <select
            value=""
            data-testid="move-under"
            onChange={(e) => {
              if (e.target.value) move(selected.id, e.target.value);
            }}
          >
            <option value="">{t('tree.choose')}</option>
            {nodes
              .filter((n) => n.id !== selected.id && n.id !== selected.parentId)
              .map((n) => (
                <option key={n.id} value={n.id}>
                  {'  '.repeat(n.depth)}
                  {n.label}
                </option>
              ))}
          </select>
        </label>
      )}
      <p className="muted small">{t('tree.hint')}</p>
    </nav>
  );
}
