import { useTranslation } from 'react-i18next';
import { call } from '../../../api/client';
import { useNodeDetail } from '../../../api/queries';
import { useAppStore } from '../../../app/store';
import { Modal } from '../../../ui/Modal';
import { useMapStore } from '../store';

/** Asks before deleting a node, saying how many connections go with it and that undo brings it back. */
export function ConfirmDeleteDialog() {
  const { t } = useTranslation(['map', 'common']);
  const id = useMapStore((s) => s.confirmDelete);
  const set = useMapStore((s) => s.set);
  const notify = useAppStore((s) => s.notify);
  const detail = useNodeDetail(id);
  if (!id || !detail.data) return null;
  const { node, edges } = detail.data;
  const close = () => set({ confirmDelete: null });
  return (
    <Modal
      title={t('map:confirmDelete.title', { label: node.label })}
      onClose={close}
      testId="confirm-delete"
    >
      <p>{t('map:confirmDelete.body', { count: edges.length })}</p>
      <div className="buttons">
        <button onClick={close}>{t('common:actions.cancel')}</button>
        <button
          className="danger"
          autoFocus
          onClick={() => {
            close();
            set({
              selectedId: null,
              ego: useMapStore.getState().ego?.nodeId === id ? null : useMapStore.getState().ego,
            });
            call('graph:delete-node', { id })
              .then(() => notify(t('map:toast.deleted', { label: node.label })))
              .catch((e: Error) => notify(e.message, 'error'));
          }}
        >
          {t('common:actions.delete')}
        </button>
      </div>
    </Modal>
  );
}
