import { useTranslation } from 'react-i18next';
import type { GlossaryTermDto } from '../../../../../preload/contract';
import { useAppStore } from '../../../app/store';
import { Modal } from '../../../ui/Modal';
import { editGlossary } from '../queries';
import { useGlossaryStore } from '../store';

/**
 * Deleting a term after saying what goes with it (its `defines` links). One glossary:edit call, one undo step:
 * Ctrl+Z brings the term and its links back. Enter (the focused Delete button) confirms, Esc cancels.
 */
export function DeleteTermDialog({ terms, id }: { terms: readonly GlossaryTermDto[]; id: string }) {
  const { t } = useTranslation('glossary');
  const set = useGlossaryStore((s) => s.set);
  const term = terms.find((x) => x.id === id);
  if (!term) return null;
  const close = () => set({ dialog: null });
  const remove = async () => {
    close();
    const r = await editGlossary([{ edit: 'delete', id }]);
    if (r instanceof Error) return;
    set({ selectedId: null, dirty: false });
    useAppStore.getState().notify(t('toast.deleted', { label: term.label }));
  };
  const links = term.defines.length;
  return (
    <Modal title={t('delete.title', { label: term.label })} onClose={close} testId="gl-delete-dialog">
      <ul className="gl-consequences">
        <li>{links ? t('delete.links', { count: links }) : t('delete.noLinks')}</li>
        <li className="muted">{t('delete.undo')}</li>
      </ul>
      <div className="buttons">
        <button onClick={close}>{t('delete.cancel')}</button>
        <button className="danger" autoFocus data-testid="gl-delete-confirm" onClick={() => void remove()}>
          {t('delete.confirm')}
        </button>
      </div>
    </Modal>
  );
}
