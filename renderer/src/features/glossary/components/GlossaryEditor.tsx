import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useGlossaryTerms } from '../queries';
import { NEW_TERM, TERM_SORTS, selectTerm, useGlossaryStore, type TermSort } from '../store';
import { exportGlossaryCsv } from '../csv-export';
import { CsvImportDialog } from './CsvImportDialog';
import { DeleteTermDialog } from './DeleteTermDialog';
import { TermEditor } from './TermEditor';
import { TermList } from './TermList';

/**
 * The glossary tab (issue 10 §3): the terms on the left — filtered, sorted, grouped by initial (A–Z, Chinese by
 * pinyin) — with New term, CSV import and export above them; the selected or new term's editor on the right; the
 * delete and import confirmations. Every write is one glossary:edit or glossary:import-csv call, one undo step.
 */
export function GlossaryEditor() {
  const { t } = useTranslation('glossary');
  const terms = useGlossaryTerms();
  const { query, sort, dialog, selectedId, set } = useGlossaryStore();
  const searchRef = useRef<HTMLInputElement>(null);
  if (!terms.data)
    return (
      <div className="empty-view">
        <p className={terms.isError ? 'error-text' : 'muted'} role={terms.isError ? 'alert' : 'progressbar'}>
          {terms.error?.message ?? t('loading')}
        </p>
      </div>
    );
  const list = terms.data.terms;
  const dialogs = (
    <>
      {dialog?.kind === 'delete' && <DeleteTermDialog key={dialog.id} terms={list} id={dialog.id} />}
      {dialog?.kind === 'import' && <CsvImportDialog />}
    </>
  );
  if (list.length === 0 && selectedId !== NEW_TERM)
    return (
      <div className="empty-view" data-testid="gl-empty">
        <div className="empty-card">
          <h2>{t('empty.title')}</h2>
          <p>{t('empty.text')}</p>
          <div className="buttons">
            <button className="primary" data-testid="gl-empty-new" onClick={() => selectTerm(NEW_TERM)}>
              {t('empty.new')}
            </button>
            <button data-testid="gl-empty-import" onClick={() => set({ dialog: { kind: 'import' } })}>
              {t('empty.import')}
            </button>
          </div>
        </div>
        {dialogs}
      </div>
    );
  return (
    <div className="glossary-editor" data-testid="glossary-editor">
      <section className="gl-list-pane">
        <div className="gl-toolbar" role="toolbar" aria-label={t('toolbar.label')}>
          <button className="primary" data-testid="gl-new" onClick={() => selectTerm(NEW_TERM)}>
            ＋ {t('toolbar.new')}
          </button>
          <button data-testid="gl-import" onClick={() => set({ dialog: { kind: 'import' } })}>
            {t('toolbar.import')}
          </button>
          <button data-testid="gl-export" onClick={() => void exportGlossaryCsv()}>
            {t('toolbar.export')}
          </button>
        </div>
        <div className="gl-filter">
          <input
            ref={searchRef}
            type="search"
            value={query}
            placeholder={t('toolbar.search')}
            aria-label={t('toolbar.searchLabel')}
            data-testid="gl-search"
            onChange={(e) => set({ query: e.target.value })}
            onKeyDown={(e) => {
              if (e.key === 'Escape' && query) {
                e.stopPropagation();
                set({ query: '' });
              }
            }}
          />
          <select
            aria-label={t('toolbar.sort')}
            title={t('toolbar.sort')}
            value={sort}
            data-testid="gl-sort"
            onChange={(e) => set({ sort: e.target.value as TermSort })}
          >
            {TERM_SORTS.map((s) => (
              <option key={s} value={s}>
                {t(`sorts.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <TermList terms={list} />
      </section>
      <TermEditor key={selectedId ?? 'none'} terms={list} />
      {dialogs}
    </div>
  );
}
