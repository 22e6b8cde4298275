import { useTranslation } from 'react-i18next';
import type { ProcessSummary } from '../../../../../preload/contract';
import { sortByLabel } from '../sort-processes';
import { useProcessesStore } from '../store';
import { StrengthChip } from '../../../ui/StrengthChip';

/**
 * The processes sidebar: every process (sorted by label in the UI language's collation, pinyin for Chinese) with
 * its step count and strength, and "New process". A long name is cut with an ellipsis; its title shows it whole.
 */
export function ProcessList(props: {
  processes: ProcessSummary[] | undefined;
  /** The process shown (the chosen one, or the first). */
  currentId: string | null;
  loading: boolean;
  error: Error | null;
}) {
  const { t, i18n } = useTranslation('processes');
  const set = useProcessesStore((s) => s.set);
  const processId = props.currentId;
  const sorted = props.processes ? sortByLabel(props.processes, i18n.language) : undefined;
  return (
    <aside className="process-list" data-testid="process-list">
      <div className="process-list-head">
        <h3>{t('list.title')}</h3>
        <button className="primary" data-testid="new-process" onClick={() => set({ dialog: 'newProcess' })}>
          {t('list.new')}
        </button>
      </div>
      {props.loading && <p className="muted">{t('loading')}</p>}
      {props.error && <p className="error-text">{props.error.message}</p>}
      {props.processes?.length === 0 && <p className="muted">{t('list.empty')}</p>}
      <ul>
        {sorted?.map((p) => (
          <li key={p.id}>
            <button
              className={p.id === processId ? 'active' : ''}
              aria-current={p.id === processId ? 'true' : undefined}
              data-testid="process-item"
              title={p.label}
              onClick={() => set({ processId: p.id, stepId: null, panelOpen: false })}
            >
              <span className="process-name">{p.label}</span>
              <span className="muted small">{t('list.steps', { count: p.stepCount })}</span>
              <StrengthChip strength={p.strength} band={p.band} />
            </button>
          </li>
        ))}
      </ul>
    </aside>
  );
}
