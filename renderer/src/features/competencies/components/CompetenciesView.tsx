import { useTranslation } from 'react-i18next';
import { useCompetencyDiagram, useCompetencyRadar, useCompetencyTree } from '../queries';
import { useCompetenciesStore } from '../store';
import '../competencies.css';
import { CompetencyDiagramCanvas } from './CompetencyDiagramCanvas';
import { CompetencyPanel } from './CompetencyPanel';
import { CompetencyTreeEditor } from './CompetencyTreeEditor';
import { CoverageRadar } from './CoverageRadar';
import { ExportMenu } from '../../../ui/export/ExportMenu';
import { exportSourceOf } from '../../../ui/export/export-sources';

/**
 * The competencies view (issue 9, items 1–3): the tree editor on the left; the concentric core-competence
 * diagram of the current drill level with its breadcrumbs and the "show experts" toggle; on the right the
 * radar of the capabilities and the panel of the selected competency.
 */
export function CompetenciesView() {
  const { t } = useTranslation('competencies');
  const { focusId, selectedId, withExperts, set } = useCompetenciesStore();
  const tree = useCompetencyTree();
  const radar = useCompetencyRadar();
  const diagram = useCompetencyDiagram(focusId, withExperts);
  const d = diagram.data;
  // A focus removed elsewhere (undo of an add) falls back to the core.
  const focusGone = diagram.isError && focusId !== null;
  if (tree.data && tree.data.nodes.length === 0)
    return (
      <div className="empty-view" data-testid="competencies-empty">
        <div className="empty-card">
          <h2>{t('empty.title')}</h2>
          <p>{t('empty.text')}</p>
        </div>
      </div>
    );
  return (
    <div className="competencies-view" data-testid="competencies-view">
      {tree.data ? (
        <CompetencyTreeEditor nodes={tree.data.nodes} />
      ) : (
        <nav className="competency-tree">
          <p className={tree.isError ? 'error-text' : 'muted'}>{tree.error?.message ?? t('loading')}</p>
        </nav>
      )}
      <section className="competencies-main">
        <div className="competencies-toolbar">
          <ol className="breadcrumbs" aria-label={t('breadcrumbs')} data-testid="breadcrumbs">
            {(d?.breadcrumbs ?? []).map((c, i, all) => (
              <li key={c.id}>
                {i < all.length - 1 ? (
                  <button
                    className="link"
                    data-testid="breadcrumb"
                    onClick={() => set({ focusId: i === 0 ? null : c.id, selectedId: c.id, restored: null })}
                  >
                    {c.label}
                  </button>
                ) : (
                  <span aria-current="page" data-testid="breadcrumb-current">
                    {c.label}
                  </span>
                )}
              </li>
            ))}
          </ol>
          <span className="spacer" />
          <label className="toggle">
            <input
              type="checkbox"
              checked={withExperts}
              data-testid="show-experts"
              onChange={(e) => set({ withExperts: e.target.checked })}
            />
            {t('toolbar.showExperts')}
          </label>
          <ExportMenu testId="competency-export" source={() => exportSourceOf('competency')} disabled={!d} />
        </div>
        <div className="competencies-body">
          {diagram.isError && !focusGone ? (
            <div className="empty-view">
              <p className="error-text">{diagram.error.message}</p>
              <button onClick={() => void diagram.refetch()}>{t('retry')}</button>
            </div>
          ) : focusGone ? (
            <div className="empty-view">
              <p>{t('focusGone')}</p>
              <button onClick={() => set({ focusId: null, restored: null })}>{t('backToCore')}</button>
            </div>
          ) : d ? (
            <CompetencyDiagramCanvas diagram={d} />
          ) : (
            <div className="empty-view">
              <p className="muted" role="progressbar">
                {t('loading')}
              </p>
            </div>
          )}
        </div>
      </section>
      <div className="competencies-side">
        {radar.data ? (
          <CoverageRadar radar={radar.data} onPick={(id) => set({ selectedId: id })} />
        ) : (
          <p className={radar.isError ? 'error-text' : 'muted'}>{radar.error?.message ?? t('loading')}</p>
        )}
        {selectedId && <CompetencyPanel id={selectedId} />}
      </div>
    </div>
  );
}
