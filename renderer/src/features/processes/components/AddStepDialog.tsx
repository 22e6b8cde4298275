import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Pipeline } from '../../../../../preload/contract';
import { Modal } from '../../../ui/Modal';
import { editProcess } from '../queries';
import { MAX_NAME, MAX_ROLE } from '../limits';
import { useProcessesStore } from '../store';

type Where = 'end' | 'after' | 'parallel';

/**
 * "Add step": its name, responsible role and phase, and where — at the end, after the selected step (its
 * successors move behind the new one) or in parallel with it (a branch that joins again). One undoable edit;
 * the new step is selected.
 */
export function AddStepDialog({ pipeline }: { pipeline: Pipeline }) {
  const { t } = useTranslation('processes');
  const { stepId, set } = useProcessesStore();
  const selected = pipeline.steps.find((s) => s.id === stepId) ?? null;
  const [label, setLabel] = useState('');
  const [role, setRole] = useState(selected?.responsibleRole ?? '');
  const [phase, setPhase] = useState(selected?.phase ?? '');
  const [where, setWhere] = useState<Where>(selected ? 'after' : 'end');
  const [error, setError] = useState<string | null>(null);
  const close = () => set({ dialog: null });
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!label.trim()) return setError(t('addStep.nameRequired'));
    const r = await editProcess(pipeline.process.id, [
      {
        op: 'addStep',
        label: label.trim(),
        after: where === 'after' ? selected?.id : undefined,
        parallelTo: where === 'parallel' ? selected?.id : undefined,
        responsibleRole: role.trim() || undefined,
        phase: phase.trim() || undefined,
      },
    ]);
    if (r) set({ dialog: null, stepId: r.addedStepIds[0] ?? stepId, panelOpen: true });
  };
  return (
    <Modal title={t('addStep.title')} onClose={close} testId="add-step-dialog">
      <form onSubmit={(e) => void submit(e)}>
        <label>
          {t('addStep.name')}
          <input
            value={label}
            autoFocus
            maxLength={MAX_NAME}
            data-testid="add-step-name"
            onChange={(e) => {
              setLabel(e.target.value);
              setError(null);
            }}
          />
        </label>
        <label>
          {t('step.role')}
          <input
            value={role}
            maxLength={MAX_ROLE}
            data-testid="add-step-role"
            onChange={(e) => setRole(e.target.value)}
          />
        </label>
        <label>
          {t('step.phase')}
          <input
            value={phase}
            maxLength={MAX_ROLE}
            data-testid="add-step-phase"
            onChange={(e) => setPhase(e.target.value)}
          />
        </label>
        <fieldset className="inline add-step-where">
          <legend>{t('addStep.where')}</legend>
          {(['end', 'after', 'parallel'] as const).map((w) => (
            <label key={w} className="check">
              <input
                type="radio"
                name="where"
                value={w}
                checked={where === w}
                disabled={w !== 'end' && !selected}
                data-testid={`add-step-${w}`}
                onChange={() => setWhere(w)}
              />
              {t(`addStep.${w}`, { step: selected?.label ?? '' })}
            </label>
          ))}
        </fieldset>
        {error && (
          <p className="error-text" role="alert">
            {error}
          </p>
        )}
        <div className="buttons">
          <button type="button" onClick={close}>
            {t('actions.cancel')}
          </button>
          <button type="submit" className="primary" data-testid="add-step-submit">
            {t('addStep.add')}
          </button>
        </div>
      </form>
    </Modal>
  );
}
