import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Pipeline, PipelineStep } from '../../../../../preload/contract';
import { DraftField } from '../../../ui/DraftField';
import { editProcess } from '../queries';
import { inOrder, isStraight } from '../engine/pipeline-layout';
import { MAX_NAME, MAX_ROLE } from '../limits';
import { useProcessesStore } from '../store';

/**
 * Editing one step: name, responsible role and phase; earlier / later in the sequence; add a step after it or
 * in parallel; its `next` successors (connect for a branch or a join, × to disconnect); remove (asks first).
 * Each action is one processes:edit call, one undo step.
 *
 * Earlier / later send `moveStep` with the step's 0-based position in `order` order (the main process's
 * `index`); they are off on the first / last step, and off altogether when the process branches (the main
 * process refuses to reorder it: the flow is then changed by connecting and disconnecting steps).
 */
export function StepEditor({ pipeline, step }: { pipeline: Pipeline; step: PipelineStep }) {
  const { t } = useTranslation('processes');
  const set = useProcessesStore((s) => s.set);
  const [target, setTarget] = useState('');
  const pid = pipeline.process.id;
  const rootRef = useRef<HTMLDivElement>(null);
  const [tooLong, setTooLong] = useState<number | null>(null);
  const ordered = inOrder(pipeline.steps);
  const index = ordered.findIndex((s) => s.id === step.id);
  const straight = isStraight(pipeline.steps);
  const branchHint = straight ? undefined : t('edit.branchesHint');
  // DraftField (ui/) takes no maxLength: set it on its inputs here, so the browser stops typing and pasting at
  // the limits of the contract (names 500, role and phase 200) instead of the server answering with a path.
  useEffect(() => {
    const limits: Record<string, number> = {
      'step-name': MAX_NAME,
      'step-role': MAX_ROLE,
      'step-phase': MAX_ROLE,
    };
    for (const [testId, max] of Object.entries(limits)) {
      const input = rootRef.current?.querySelector<HTMLInputElement>(`[data-testid="${testId}"]`);
      if (input) input.maxLength = max;
    }
  });
  const label = (id: string) => pipeline.steps.find((s) => s.id === id)?.label ?? id;
  const candidates = pipeline.steps.filter((s) => s.id !== step.id && !step.next.includes(s.id));
  const update = (patch: { label?: string; responsibleRole?: string | null; phase?: string | null }) => {
    const over =
      (patch.label?.length ?? 0) > MAX_NAME
        ? MAX_NAME
        : Math.max(patch.responsibleRole?.length ?? 0, patch.phase?.length ?? 0) > MAX_ROLE
          ? MAX_ROLE
          : null;
    setTooLong(over);
    if (over === null) void editProcess(pid, [{ op: 'updateStep', stepId: step.id, ...patch }]);
  };
  return (
    <div className="step-editor fields" data-testid="step-editor" ref={rootRef}>
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
      {tooLong !== null && (
        <p className="error-text small" role="alert" data-testid="step-too-long">
          {t('validation.tooLong', { max: tooLong })}
        </p>
      )}
      <div className="button-row">
        <button
          disabled={!straight || index <= 0}
          title={branchHint}
          aria-describedby={straight ? undefined : `branches-${step.id}`}
          data-testid="step-earlier"
          onClick={() => void editProcess(pid, [{ op: 'moveStep', stepId: step.id, index: index - 1 }])}
        >
          {t('edit.earlier')}
        </button>
        <button
          disabled={!straight || index < 0 || index >= ordered.length - 1}
          title={branchHint}
          aria-describedby={straight ? undefined : `branches-${step.id}`}
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
      {!straight && (
        <p className="muted small" id={`branches-${step.id}`} data-testid="step-branches-hint">
          {branchHint}
        </p>
      )}
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
