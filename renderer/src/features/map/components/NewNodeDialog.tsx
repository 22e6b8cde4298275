import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NODE_KINDS, type NodeKind } from '../../../../../preload/contract';
import { ApiError, call } from '../../../api/client';
import { useAppStore } from '../../../app/store';
import { Modal } from '../../../ui/Modal';
import { useMapStore } from '../store';

/** Creates a node of a chosen kind at the viewport centre (or where the context menu was opened) and selects it. */
export function NewNodeDialog() {
  const { t } = useTranslation(['map', 'common']);
  const request = useMapStore((s) => s.newNode);
  const set = useMapStore((s) => s.set);
  const notify = useAppStore((s) => s.notify);
  const [kind, setKind] = useState<NodeKind>('knowledge');
  const [label, setLabel] = useState('');
  const [error, setError] = useState<string | null>(null);
  if (!request) return null;
  const close = () => {
    set({ newNode: null });
    setLabel('');
    setError(null);
  };
  const submit = async () => {
    try {
      const node = await call('graph:add-node', { kind, label, x: request.x, y: request.y });
      close();
      set({ selectedId: node.id });
      notify(t('map:toast.created', { label: node.label }));
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    }
  };
  return (
    <Modal title={t('map:newNode.title')} onClose={close} testId="new-node-dialog">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <label>
          {t('map:newNode.kind')}
          <select
            value={kind}
            onChange={(e) => setKind(e.target.value as NodeKind)}
            data-testid="new-node-kind"
          >
            {NODE_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`map:kinds.${k}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('map:newNode.label')}
          <input
            autoFocus
            value={label}
            placeholder={t('map:newNode.labelPlaceholder')}
            onChange={(e) => setLabel(e.target.value)}
            data-testid="new-node-label"
          />
        </label>
        {error && <p className="error-text">{error}</p>}
        <div className="buttons">
          <button type="button" onClick={close}>
            {t('common:actions.cancel')}
          </button>
          <button type="submit" className="primary" disabled={!label.trim()}>
            {t('common:actions.create')}
          </button>
        </div>
      </form>
    </Modal>
  );
}
