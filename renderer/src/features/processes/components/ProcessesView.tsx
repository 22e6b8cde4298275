import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { GapsReport } from '../../reports/components/GapsReport';
import { JourneyMapView } from '../../reports/components/JourneyMapView';
import { StepMatrixView } from '../../reports/components/StepMatrixView';
import { usePipeline, useProcesses } from '../queries';
import { sortByLabel } from '../sort-processes';
import { PROCESS_TABS, useProcessesStore } from '../store';
import '../processes.css';
import { AddStepDialog } from './AddStepDialog';
import { ConfirmRemoveStep } from './ConfirmRemoveStep';
import { NewProcessDialog } from './NewProcessDialog';
import { PipelineCanvas } from './PipelineCanvas';
import { ProcessList } from './ProcessList';
import { SidePalette } from './SidePalette';
import { StepPanel } from './StepPanel';
import { StrengthChip } from '../../../ui/StrengthChip';
import { StrengthSettingsDialog } from './StrengthSettingsDialog';
import { WorkstationCards } from './WorkstationCards';
import { ExportMenu } from '../../../ui/export/ExportMenu';
import { exportSourceOf } from '../../../ui/export/export-sources';

/**
 * The processes view (issue 7): the process list on the left; the chosen process's pipeline, step × knowledge
 * matrix, journey map or gaps in tabs; the step panel on the right; the dialogs of the view.
 */
export function ProcessesView() {
  const { t, i18n } = useTranslation('processes');
  const { processId, tab, panelOpen, stepId, paletteOpen, dialog, set } = useProcessesStore();
  const processes = useProcesses();
  const list = processes.data;
  // The chosen process, else the first (none chosen yet, or it was deleted). Derived, not written back: a
  // process just created is chosen before the list that holds it has re-rendered. The first is the first the
  // list shows (sorted by label).
  const current =
    list?.find((p) => p.id === processId) ?? (list ? sortByLabel(list, i18n.language)[0] : null) ?? null;
  const pipeline = usePipeline(current ? current.id : null);
  const p = pipeline.data && pipeline.data.process.id === current?.id ? pipeline.data : null;
  // A step removed elsewhere (undo, another window) closes its panel. Only a step the pipeline showed before counts
  // as removed: a step just added is selected before the pipeline that holds it has arrived.
  const shownSteps = useRef<ReadonlySet<string>>(new Set());
  useEffect(() => {
    if (!p) return;
    if (stepId && shownSteps.current.has(stepId) && !p.steps.some((s) => s.id === stepId))
      set({ stepId: null, panelOpen: false });
    shownSteps.current = new Set(p.steps.map((s) => s.id));
  }, [p, stepId, set]);

  return (
    <div className="processes-view" data-testid="processes-view">
      <ProcessList
        processes={list}
        currentId={current?.id ?? null}
        loading={processes.isLoading}
        error={processes.error}
      />
      <section className="processes-main">
        {list && list.length === 0 ? (
          <div className="empty-view" data-testid="processes-empty">
            <div className="empty-card">
              <h2>{t('empty.title')}</h2>
              <p>{t('empty.text')}</p>
              <button className="primary" onClick={() => set({ dialog: 'newProcess' })}>
                {t('list.new')}
              </button>
            </div>
          </div>
        ) : (
          <>
            <div className="processes-toolbar">
              <h2 className="process-title" data-testid="process-title" title={current?.label}>
                <span className="process-title-name">{current?.label ?? ''}</span>
                {current && <StrengthChip strength={current.strength} band={current.band} />}
              </h2>
              <div className="group tabs" role="tablist">
                {PROCESS_TABS.map((k) => (
                  <button
                    key={k}
                    role="tab"
                    aria-selected={tab === k}
                    className={tab === k ? 'pressed' : ''}
                    data-testid={`tab-${k}`}
                    onClick={() => set({ tab: k })}
                  >
                    {t(`tabs.${k}`)}
                  </button>
                ))}
              </div>
              <span className="spacer" />
              {tab === 'pipeline' && p && (
                <>
                  <button data-testid="add-step" onClick={() => set({ dialog: 'addStep' })}>
                    {t('toolbar.addStep')}
                  </button>
                  <button
                    className={paletteOpen ? 'pressed' : ''}
                    aria-pressed={paletteOpen}
                    data-testid="toggle-palette"
                    onClick={() => set({ paletteOpen: !paletteOpen })}
                  >
                    {t('toolbar.palette')}
                  </button>
                  <button data-testid="print-cards" onClick={() => set({ dialog: 'cards' })}>
                    {t('toolbar.printCards')}
                  </button>
                  <ExportMenu testId="pipeline-export" source={() => exportSourceOf('pipeline')} />
                </>
              )}
              <button data-testid="strength-settings" onClick={() => set({ dialog: 'settings' })}>
                {t('toolbar.settings')}
              </button>
            </div>
            <div className="processes-body">
              {tab === 'pipeline' ? (
                <>
                  {paletteOpen && p && <SidePalette />}
                  {pipeline.isError ? (
                    <div className="empty-view">
                      <p className="error-text">{pipeline.error.message}</p>
                      <button onClick={() => void pipeline.refetch()}>{t('actions.retry')}</button>
                    </div>
                  ) : p ? (
                    <PipelineCanvas pipeline={p} />
                  ) : (
                    <div className="empty-view">
                      <p className="muted" role="progressbar">
                        {t('loading')}
                      </p>
                    </div>
                  )}
                  {panelOpen && stepId && p && <StepPanel pipeline={p} stepId={stepId} />}
                </>
              ) : (
                <div className="processes-report">
                  {tab === 'matrix' && <StepMatrixView processId={current?.id ?? null} />}
                  {tab === 'journey' && <JourneyMapView processId={current?.id ?? null} />}
                  {tab === 'gaps' && (
                    <GapsReport
                      processId={current?.id ?? null}
                      onOpenStep={(id, step) =>
                        set({ processId: id, tab: 'pipeline', stepId: step, panelOpen: true })
                      }
                    />
                  )}
                </div>
              )}
            </div>
          </>
        )}
      </section>
      {dialog === 'newProcess' && <NewProcessDialog />}
      {dialog === 'addStep' && p && <AddStepDialog pipeline={p} />}
      {dialog === 'settings' && <StrengthSettingsDialog />}
      {dialog === 'cards' && p && <WorkstationCards pipeline={p} />}
      {dialog && typeof dialog === 'object' && p && (
        <ConfirmRemoveStep pipeline={p} stepId={dialog.confirmRemove} />
      )}
    </div>
  );
}
