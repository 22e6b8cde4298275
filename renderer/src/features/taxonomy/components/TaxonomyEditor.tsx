import { useTranslation } from 'react-i18next';
import { openDialog, startAdd, startRename } from '../actions';
import { useTaxonomyLiveRefresh, useTaxonomyTree } from '../queries';
import { useTaxonomyStore } from '../store';
import '../taxonomy.css';
import { CategoryDetailPanel } from './CategoryDetailPanel';
import { DeleteDialog } from './DeleteDialog';
import { MergeDialog } from './MergeDialog';
import { TaxonomyTreeList } from './TaxonomyTreeList';

/**
 * The taxonomy editor (issue 10 §4): the category tree with item counts on the left (drag to re-parent, keys,
 * rename in place), its actions above it, the selected category's items on the right, and the merge and delete
 * confirmations. Every edit is one taxonomy:edit call, one undo step (Ctrl+Z).
 */
export function TaxonomyEditor() {
  const { t } = useTranslation('taxonomy');
  const tree = useTaxonomyTree();
  const { selectedId, dialog, editing } = useTaxonomyStore();
  useTaxonomyLiveRefresh();
  if (!tree.data)
    return (
      <div className="empty-view">
        <p className={tree.isError ? 'error-text' : 'muted'} role={tree.isError ? 'alert' : 'progressbar'}>
          {tree.error?.message ?? t('loading')}
        </p>
        {tree.isError && <button onClick={() => void tree.refetch()}>{t('retry')}</button>}
      </div>
    );
  const data = tree.data;
  const selected = data.nodes.find((n) => n.id === selectedId) ?? null;
  if (data.nodes.length === 0 && editing?.mode !== 'add')
    return (
      <div className="empty-view" data-testid="tx-empty">
        <div className="empty-card">
          <h2>{t('empty.title')}</h2>
          <p>{t('empty.text')}</p>
          <button className="primary" data-testid="tx-empty-add" onClick={() => startAdd(null)}>
            {t('empty.add')}
          </button>
        </div>
      </div>
    );
  return (
    <div className="taxonomy-editor" data-testid="taxonomy-editor">
      <section className="tx-tree-pane">
        <div className="tx-toolbar" role="toolbar" aria-label={t('toolbar.label')}>
          <button onClick={() => startAdd(null)} data-testid="tx-add-root">
            {t('toolbar.addRoot')}
          </button>
          <button
            disabled={!selected}
            onClick={() => selected && startAdd(selected.id)}
            data-testid="tx-add-child"
          >
            {t('toolbar.addChild')}
          </button>
          <button
            disabled={!selected}
            onClick={() => selected && startRename(selected.id)}
            data-testid="tx-rename"
          >
            {t('toolbar.rename')}
          </button>
          <button
            disabled={!selected || data.nodes.length < 2}
            onClick={() => selected && openDialog('merge', selected.id)}
            data-testid="tx-merge"
          >
            {t('toolbar.merge')}
          </button>
          <button
            className="danger"
            disabled={!selected}
            onClick={() => selected && openDialog('delete', selected.id)}
            data-testid="tx-delete"
          >
            {t('toolbar.delete')}
          </button>
        </div>
        <TaxonomyTreeList tree={data} />
        <p className="tx-totals small" data-testid="tx-totals">
          {t('tree.totals', {
            categories: data.totals.categories,
            classified: data.totals.classifiedItems,
            unclassified: data.totals.unclassifiedItems,
          })}
        </p>
        <p className="muted small tx-hint">{t('tree.hint')}</p>
      </section>
      <CategoryDetailPanel tree={data} />
      {dialog?.kind === 'merge' && <MergeDialog key={dialog.id} tree={data} fromId={dialog.id} />}
      {dialog?.kind === 'delete' && <DeleteDialog key={dialog.id} tree={data} id={dialog.id} />}
    </div>
  );
}
