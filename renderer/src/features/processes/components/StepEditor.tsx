import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Pipeline, PipelineStep } from '../../../../../preload/contract';
import { DraftField } from '../../../ui/DraftField';
import { editProcess } from '../queries';
import { useProcessesStore } from '../store';

/**
 * Editing one step: name, responsible role and phase; earlier / later in the sequence; add a step after it or
 * in parallel; its `next` successors (connect for a branch or a join, × to disconnect); remove (asks first).
 * Each action is one processes:edit call, one undo step.
 */
export function StepEditor({ pipeline, step }: { pipeline: Pipeline; step: PipelineStep }) {
  const { t } = useTranslation('processes');
  const set = useProcessesStore((s) => s.set);
  const [target, setTarget] = useState('');
  const pid = pipeline.process.id;
  const ordered = [...pipeline.steps].sort((a, b) => a.order - b.order);
  const index = ordered.findIndex((s) => s.id === step.id);
  const label = (id: string) => pipeline.steps.find((s) => s.id === id)?.label ?? id;
  const candidates = pipeline.steps.filter((s) => s.id !== step.id && !step.next.includes(s.id));
  const update = (patch: { label?: string; responsibleRole?: string | null; phase?: string | null }) =>
    void editProcess(pid, [{ op: 'updateStep', stepId: step.id, ...patch }]);
  return (
    <div className="step-editor fields" data-testid="step-editor">
      <DraftField
        key={`l-${step.id}`}
        label={t('step.name')}
        value={step.label}
        testId="step-name"
        onCommit={(v) => (v.trim() ? update({ label: v.trim() }) : undefined)}
      />
      <div className="two">
        <DraftField
          key={`r-${step.id}`}
          label={t('step.role')}
          value={step.responsibleRole ?? ''}
          testId="step-role"
          onCommit={(v) => update({ responsibleRole: v.trim() || null })}
        />
        <DraftField
          key={`p-${step.id}`}
          label={t('step.phase')}
          value={step.phase ?? ''}
          testId="step-phase"
          onCommit={(v) => update({ phase: v.trim() || null })}
        />
      </div>
      <div className="button-row">
        <button
          disabled={index <= 0}
          data-testid="step-earlier"
          onClick={() => void editProcess(pid, [{ op: 'moveStep', stepId: step.id, index: index - 1 }])}
        >
          {t('edit.earlier')}
        </button>
        <button
          disabled={index < 0 || index >= ordered.length - 1}
          data-testid="step-later"
          onClick={() => void editProcess(pid, [{ op: 'moveStep', stepId: step.id, index: index + 1 }])}
        >
          {t('edit.later')}
        </button>
        <button data-testid="step-add" onClick={() => set({ dialog: 'addStep' })}>
          {t('edit.addNear')}
        </button>
        <button
          className="danger"
          data-testid="step-remove"
          onClick={() => set({ dialog: { confirmRemove: step.id } })}
        >
          {t('edit.remove')}
        </button>
      </div>
      <div className="next-edges">
        <span className="muted small">{t('edit.next')}</span>
        <ul>
          {step.next.map((id) => (
            <li key={id}>
              <span>→ {label(id)}</span>
              <button
                className="icon"
                title={t('edit.disconnect', { step: label(id) })}
                aria-label={t('edit.disconnect', { step: label(id) })}
                data-testid="disconnect-next"
                onClick={() => void editProcess(pid, [{ op: 'disconnect', from: step.id, to: id }])}
              >
                ×
              </button>
            </li>
          ))}
          {step.next.length === 0 && <li className="muted small">{t('edit.noNext')}</li>}
        </ul>
        <div className="connect-row">
          <select
            value={target}
            aria-label={t('edit.connectTo')}
            data-testid="connect-target"
            onChange={(e) => setTarget(e.target.value)}
          >
            <option value="">{t('edit.connectTo')}</option>
            {candidates.map((s) => (
              <option key={s.id} value={s.id}>
                {s.label}
              </option>
            ))}
          </select>
          <button
            disabled={!target}
            data-testid="connect-next"
            onClick={() => {
              void editProcess(pid, [{ op: 'connect', from: step.id, to: target }]);
              setTarget('');
            }}
          >
            {t('edit.connect')}
          </button>
        </div>
      </div>
    </div>
  );
}
