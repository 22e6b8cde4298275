import { useTranslation } from 'react-i18next';
import { Modal } from '../../../ui/Modal';

/** Asks before unsaved changes of the term editor are dropped (another term was chosen). Esc keeps editing. */
export function DiscardDialog(props: { label: string; onKeep: () => void; onDiscard: () => void }) {
  const { t } = useTranslation('glossary');
  return (
    <Modal
      title={t('detail.discardTitle', { label: props.label })}
      onClose={props.onKeep}
      testId="gl-discard-dialog"
    >
      <p>{t('detail.discardText')}</p>
      <div className="buttons">
        <button autoFocus onClick={props.onKeep}>
          {t('detail.keepEditing')}
        </button>
        <button className="danger" data-testid="gl-discard-confirm" onClick={props.onDiscard}>
          {t('detail.discard')}
        </button>
      </div>
    </Modal>
  );
}
