import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { NodePatch } from '../../../../../preload/contract';
import { Modal } from '../../../ui/Modal';
import { saveNode } from '../../map/save-node';
import { useTeamStore, type Conflict, type NodeVersion } from '../store';

type Field = keyof Omit<NodeVersion, 'props'>;
const FIELDS: readonly Field[] = ['label', 'description', 'aliases', 'tags'];

const shown = (v: unknown): string =>
  v === undefined || v === null || v === ''
    ? '—'
    : Array.isArray(v)
      ? v.join(', ') || '—'
      : typeof v === 'object'
        ? JSON.stringify(v)
        : String(v);

/** The rows the dialog compares: every field of `mine`, with the server's value beside it. */
function rows(
  c: Conflict,
  fieldName: (f: Field) => string,
): Array<{ name: string; theirs: string; mine: string }> {
  const out: Array<{ name: string; theirs: string; mine: string }> = [];
  for (const f of FIELDS)
    if (c.mine[f] !== undefined)
      out.push({ name: fieldName(f), theirs: shown(c.theirs?.[f]), mine: shown(c.mine[f]) });
  for (const [k, v] of Object.entries(c.mine.props ?? {}))
    out.push({ name: k, theirs: shown(c.theirs?.props[k]), mine: shown(v) });
  return out;
}

/**
 * Shown when a save was refused because someone else changed the node first (optimistic concurrency, issue 13):
 * both versions side by side, field by field — theirs as saved on the server, mine as typed — and nothing was
 * overwritten. Keep theirs closes; Apply mine saves my fields again on top of theirs (the map has caught up with
 * their version by then). For a node deleted meanwhile there is only theirs to keep.
 */
export function ConflictDialog({ conflict }: { conflict: Conflict }) {
  const { t } = useTranslation('team');
  const [busy, setBusy] = useState(false);
  const close = () => useTeamStore.getState().set({ conflict: null });
  const apply = async (mine: NodePatch) => {
    setBusy(true);
    close();
    await saveNode(conflict.nodeId, mine);
  };
  const deleted = conflict.reason === 'deleted';
  return (
    <Modal title={t('conflict.title')} onClose={close} wide testId="team-conflict">
      <p>{t(deleted ? 'conflict.deletedIntro' : 'conflict.intro', { label: conflict.label })}</p>
      {!deleted && (
        <table className="conflict-table">
          <thead>
            <tr>
              <th>{t('conflict.field')}</th>
              <th>{t('conflict.theirs')}</th>
              <th>{t('conflict.mine')}</th>
            </tr>
          </thead>
          <tbody>
            {rows(conflict, (f) => t(`conflict.fields.${f}`)).map((r) => (
              <tr key={r.name}>
                <th scope="row">{r.name}</th>
                <td data-testid="conflict-theirs">{r.theirs}</td>
                <td data-testid="conflict-mine">{r.mine}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div className="actions">
        <button
          onClick={close}
          data-testid="conflict-keep-theirs"
          className={deleted ? 'primary' : undefined}
        >
          {t('conflict.keepTheirs')}
        </button>
        {!deleted && (
          <button
            className="primary"
            disabled={busy}
            data-testid="conflict-apply-mine"
            onClick={() => void apply(conflict.mine)}
          >
            {t('conflict.applyMine')}
          </button>
        )}
      </div>
    </Modal>
  );
}
