import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TaxonomyTree } from '../../../../../preload/contract';
import { useAppStore } from '../../../app/store';
import { Modal } from '../../../ui/Modal';
import { editTaxonomy, previewTaxonomy } from '../queries';
import { useTaxonomyStore } from '../store';
import { shownSubtree } from '../tree-rows';
import { CategoryPicker } from './CategoryPicker';

/**
 * Merging one category into another: pick the target with the searchable select (not itself nor a category below
 * it), read what will happen — the core's dry run says how many items and connections move and how many are there
 * already — and confirm. The merge is one taxonomy:edit call (one undo step); the target is selected afterwards.
 */
export function MergeDialog({ tree, fromId }: { tree: TaxonomyTree; fromId: string }) {
  const { t } = useTranslation('taxonomy');
  const set = useTaxonomyStore((s) => s.set);
  const [intoId, setIntoId] = useState<string | null>(null);
  const from = tree.nodes.find((n) => n.id === fromId);
  const preview = useQuery({
    queryKey: ['taxonomy:edit', 'dry-run', 'merge', fromId, intoId],
    queryFn: () => previewTaxonomy([{ edit: 'merge', fromId, intoId: intoId! }]),
    enabled: intoId !== null,
  });
  if (!from) return null;
  const close = () => set({ dialog: null });
  const c = intoId !== null ? preview.data?.changes[0] : undefined;
  const into = c?.targetLabel ?? '';
  const merge = async () => {
    if (!c) return;
    close();
    const r = await editTaxonomy([{ edit: 'merge', fromId, intoId: c.targetId! }]);
    if (!r) return;
    set({ selectedId: c.targetId });
    useAppStore.getState().notify(t('toast.merged', { from: from.label, into }));
  };
  return (
    <Modal title={t('merge.title', { label: from.label })} onClose={close} wide testId="tx-merge-dialog">
      <p className="muted small">{t('merge.pick')}</p>
      <CategoryPicker
        nodes={tree.nodes}
        exclude={shownSubtree(tree.nodes, fromId)}
        value={intoId}
        onPick={setIntoId}
        label={t('merge.into')}
      />
      {preview.isError && (
        <p className="error-text" role="alert" data-testid="tx-merge-error">
          {preview.error.message}
        </p>
      )}
      {c && (
        <ul className="tx-consequences" data-testid="tx-merge-preview">
          <li>{c.items > 0 ? t('merge.items', { count: c.items, into }) : t('merge.noItems')}</li>
          {c.children > 0 && <li>{t('merge.children', { count: c.children, into })}</li>}
          <li>{t('merge.edges', { count: c.edgesMoved })}</li>
          {c.edgesMerged > 0 && <li>{t('merge.already', { count: c.edgesMerged, into })}</li>}
          <li>{t('merge.aliases', { label: from.label, into })}</li>
          <li className="muted">{t('merge.undo')}</li>
        </ul>
      )}
      <div className="buttons">
        <button onClick={close}>{t('merge.cancel')}</button>
        <button
          className="primary"
          disabled={!c || preview.isFetching}
          data-testid="tx-merge-confirm"
          onClick={() => void merge()}
        >
          {t('merge.confirm')}
        </button>
      </div>
    </Modal>
  );
}
