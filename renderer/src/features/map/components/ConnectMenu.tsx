import { useTranslation } from 'react-i18next';
import { allowedEdgeKinds, DEFAULT_EDGE_PROPS, type EdgeKind } from '../../../../../preload/contract';
import { call } from '../../../api/client';
import { useNodeDetail } from '../../../api/queries';
import { useAppStore } from '../../../app/store';
import { useMapStore } from '../store';
import { FloatingMenu } from './FloatingMenu';

/**
 * After a connection is drawn: offers the edge kinds EDGE_RULES allow between the two nodes' kinds, except those
 * that already connect the two nodes (in either direction; issue #6 found `knows` offered twice).
 */
export function ConnectMenu() {
  const { t } = useTranslation('map');
  const c = useMapStore((s) => s.connection);
  const set = useMapStore((s) => s.set);
  const notify = useAppStore((s) => s.notify);
  const source = useNodeDetail(c?.source ?? null);
  const target = useNodeDetail(c?.target ?? null);
  if (!c || !source.data || !target.data) return null;
  const s = source.data.node;
  const tg = target.data.node;
  const existing = new Set(
    source.data.edges
      .filter((e) => (e.source === s.id && e.target === tg.id) || (e.source === tg.id && e.target === s.id))
      .map((e) => e.kind),
  );
  const allowed = allowedEdgeKinds(s.kind, tg.kind);
  const kinds = allowed.filter((k) => !existing.has(k));
  const close = () => set({ connection: null });
  const connect = (kind: EdgeKind) => {
    close();
    call('graph:add-edge', { kind, source: s.id, target: tg.id, props: DEFAULT_EDGE_PROPS[kind] })
      .then(() => notify(t('toast.connected', { kind: t(`edgeKinds.${kind}`) })))
      .catch((e: Error) => notify(e.message, 'error'));
  };
  return (
    <FloatingMenu
      x={c.clientX}
      y={c.clientY}
      title={t('connect.title', { source: s.label, target: tg.label })}
      onClose={close}
      testId="connect-menu"
      items={
        kinds.length
          ? kinds.map((k) => ({ id: k, label: t(`edgeKinds.${k}`), run: () => connect(k) }))
          : allowed.length
            ? [
                {
                  id: 'none',
                  label: t('connect.allExist', {
                    kinds: allowed.map((k) => t(`edgeKinds.${k}`)).join(t('connect.listSeparator')),
                  }),
                  run: close,
                },
              ]
            : [
                {
                  id: 'none',
                  label: t('connect.none', { source: t(`kinds.${s.kind}`), target: t(`kinds.${tg.kind}`) }),
                  run: close,
                },
              ]
      }
    />
  );
}
