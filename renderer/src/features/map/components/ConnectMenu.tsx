import { useTranslation } from 'react-i18next';
import { allowedEdgeKinds, DEFAULT_EDGE_PROPS, type EdgeKind } from '../../../../../preload/contract';
import { call } from '../../../api/client';
import { useNodeDetail } from '../../../api/queries';
import { useAppStore } from '../../../app/store';
import { useMapStore } from '../store';
import { FloatingMenu } from './FloatingMenu';

/** After a connection is drawn: offers only the edge kinds EDGE_RULES allow between the two nodes' kinds. */
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
  const kinds = allowedEdgeKinds(s.kind, tg.kind);
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
