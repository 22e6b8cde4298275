import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { TaxonomyTree } from '../../../../../preload/contract';
import { useAppStore } from '../../../app/store';
import { Modal } from '../../../ui/Modal';
import { openDialog } from '../actions';
import { editTaxonomy, previewTaxonomy } from '../queries';
import { useTaxonomyStore } from '../store';

/**
 * Deleting a category, after the core's dry run says what happens: its sub-categories and items move to its
 * parent, its other connections go with it. A top-level category with items is refused by the core; its reason is
 * shown with the way out (merge it instead). One taxonomy:edit call, one undo step; the parent is selected after.
 */
export function DeleteDialog({ tree, id }: { tree: TaxonomyTree; id: string }) {
  const { t } = useTranslation('taxonomy');
  const set = useTaxonomyStore((s) => s.set);
  const node = tree.nodes.find((n) => n.id === id);
  const preview = useQuery({
    queryKey: ['taxonomy:edit', 'dry-run', 'delete', id],
    queryFn: () => previewTaxonomy([{ edit: 'delete', id }]),
  });
  if (!node) return null;
  const close = () => set({ dialog: null });
  const c = preview.data?.changes[0];
  const remove = async () => {
    if (!c) return;
    close();
    const r = await editTaxonomy([{ edit: 'delete', id }]);
    if (!r) return;
    set({ selectedId: c.targetId });
    useAppStore.getState().notify(t('toast.deleted', { label: node.label }));
  };
  return (
    <Modal title={t('delete.title', { label: node.label })} onClose={close} testId="tx-delete-dialog">
      {preview.isError && (
        <p className="error-text" role="alert" data-testid="tx-delete-error">
          {preview.error.message}
        </p>
      )}
      {c && (
        <ul className="tx-consequences" data-testid="tx-delete-preview">
          {c.items === 0 && c.children === 0 ? (
            <li>{t('delete.empty', { label: node.label })}</li>
          ) : c.targetId ? (
            <li>
              {t(
                c.children === 0
                  ? 'delete.movesItems'
                  : c.items === 0
                    ? 'delete.movesChildren'
                    : 'delete.moves',
                {
                  children: c.children,
                  items: c.items,
                  parent: c.targetLabel ?? '',
                },
              )}
            </li>
          ) : (
            <li>{t('delete.movesTop', { children: c.children })}</li>
          )}
          {c.edgesRemoved > 0 && <li>{t('delete.removed', { count: c.edgesRemoved })}</li>}
          <li className="muted">{t('delete.undo')}</li>
        </ul>
      )}
      <div className="buttons">
        {preview.isError && (
          <button onClick={() => openDialog('merge', id)} data-testid="tx-delete-merge-instead">
            {t('delete.mergeInstead')}
          </button>
        )}
        <button onClick={close}>{t('delete.cancel')}</button>
        <button
          className="danger"
          disabled={!c || preview.isFetching}
          data-testid="tx-delete-confirm"
          onClick={() => void remove()}
        >
          {t('delete.confirm')}
        </button>
      </div>
    </Modal>
  );
}
