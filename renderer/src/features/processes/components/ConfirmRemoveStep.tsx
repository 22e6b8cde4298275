import { useTranslation } from 'react-i18next';
import type { Pipeline } from '../../../../../preload/contract';
import { Modal } from '../../../ui/Modal';
import { editProcess } from '../queries';
import { useProcessesStore } from '../store';

/** Asks before removing a step (its predecessors are joined to its successors; Ctrl+Z brings it back). */
export function ConfirmRemoveStep({ pipeline, stepId }: { pipeline: Pipeline; stepId: string }) {
  const { t } = useTranslation('processes');
  const set = useProcessesStore((s) => s.set);
  const step = pipeline.steps.find((s) => s.id === stepId);
  const close = () => set({ dialog: null });
  const remove = async () => {
    const r = await editProcess(pipeline.process.id, [{ op: 'removeStep', stepId }]);
    if (r) set({ dialog: null, stepId: null, panelOpen: false });
  };
  return (
    <Modal title={t('remove.title')} onClose={close} testId="confirm-remove-step">
      <p>{t('remove.text', { step: step?.label ?? '' })}</p>
      <div className="buttons">
        <button onClick={close}>{t('actions.cancel')}</button>
        <button className="danger" data-testid="confirm-remove" onClick={() => void remove()}>
          {t('remove.confirm')}
        </button>
      </div>
    </Modal>
  );
}
