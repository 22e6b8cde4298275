import { useEffect } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { AuditEntry } from '../../../../../preload/contract';
import { call, subscribe } from '../../../api/client';

/** Columns that change with every write and say nothing to a reader. */
const BOOKKEEPING = new Set(['version', 'txid', 'seq', 'updated_at', 'created_at']);

/** The fields an update changed (top-level columns, and props by name). */
function changedFields(e: AuditEntry): string[] {
  if (!e.before || !e.after) return [];
  const out: string[] = [];
  for (const k of Object.keys(e.after)) {
    if (BOOKKEEPING.has(k)) continue;
    if (k === 'props') {
      const b = (e.before.props ?? {}) as Record<string, unknown>;
      const a = (e.after.props ?? {}) as Record<string, unknown>;
      for (const p of new Set([...Object.keys(a), ...Object.keys(b)]))
        if (JSON.stringify(a[p]) !== JSON.stringify(b[p])) out.push(p);
    } else if (JSON.stringify(e.after[k]) !== JSON.stringify(e.before[k])) out.push(k);
  }
  return out;
}

/**
 * The selected node's audit log in a team workspace (issue 13): who created, changed or deleted it and its
 * connections, when, and which fields; newest first. It refreshes when the node changes.
 */
export function NodeHistory({ nodeId }: { nodeId: string }) {
  const { t, i18n } = useTranslation('team');
  const qc = useQueryClient();
  const key = ['team-audit', nodeId];
  const log = useQuery({ queryKey: key, queryFn: () => call('team:audit', { nodeId, limit: 50 }) });
  useEffect(
    () =>
      subscribe('graph:did-change', (c) => {
        if (c.nodeIds.includes(nodeId) || c.edgeIds.length) void qc.invalidateQueries({ queryKey: key });
      }),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [nodeId, qc],
  );
  const time = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'short', timeStyle: 'short' });
  return (
    <section className="node-history" data-testid="node-history">
      <h4>{t('history.title')}</h4>
      {log.isLoading && <p className="muted small">{t('history.loading')}</p>}
      {log.error && <p className="error small">{(log.error as Error).message}</p>}
      {log.data?.length === 0 && <p className="muted small">{t('history.empty')}</p>}
      <ol>
        {log.data?.map((e) => {
          const fields = changedFields(e);
          const what =
            e.table === 'edges'
              ? ` ${t('history.edge')} ${String((e.after ?? e.before)?.kind ?? '')}`
              : fields.length
                ? ` ${fields.join(', ')}`
                : '';
          return (
            <li key={e.id}>
              <time dateTime={e.at}>{time.format(new Date(e.at))}</time>
              <span>{t('history.by', { actor: e.actor, action: t(`history.${e.action}`), what })}</span>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
