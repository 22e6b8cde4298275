import { useTranslation } from 'react-i18next';
import { useProcesses, usePipeline } from '../../processes/queries';

/**
 * Where the captured knowledge was learned: a process, then one of its steps or the whole process. Choosing a
 * process points at the whole process until a step is chosen.
 */
export function TargetPicker(props: {
  processId: string | null;
  targetId: string | null;
  onChange: (where: { processId: string | null; targetId: string | null }) => void;
  error: string | null;
}) {
  const { t } = useTranslation('capture');
  const processes = useProcesses();
  const pipeline = usePipeline(props.processId);
  const steps = [...(pipeline.data?.process.id === props.processId ? pipeline.data.steps : [])].sort(
    (a, b) => a.order - b.order,
  );
  const stepValue = props.targetId && props.targetId !== props.processId ? props.targetId : '';
  const list = processes.data ?? [];
  return (
    <div className={`capture-field capture-target${props.error ? ' invalid' : ''}`} data-place="target">
      <div className="capture-target-row">
        <label>
          <span className="capture-label">{t('form.process')}</span>
          <select
            value={props.processId ?? ''}
            data-testid="capture-process"
            aria-invalid={props.error && !props.processId ? true : undefined}
            onChange={(e) =>
              props.onChange({ processId: e.target.value || null, targetId: e.target.value || null })
            }
          >
            <option value="">{t('form.chooseProcess')}</option>
            {list.map((p) => (
              <option key={p.id} value={p.id}>
                {p.label}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span className="capture-label">{t('form.step')}</span>
          <select
            value={stepValue}
            disabled={!props.processId}
            data-testid="capture-step"
            onChange={(e) =>
              props.onChange({ processId: props.processId, targetId: e.target.value || props.processId })
            }
          >
            <option value="">{t('form.wholeProcess')}</option>
            {steps.map((s) => (
              <option key={s.id} value={s.id}>
                {t('form.stepOption', { order: s.order, label: s.label })}
              </option>
            ))}
          </select>
        </label>
      </div>
      {processes.isSuccess && list.length === 0 && <p className="muted small">{t('form.noProcesses')}</p>}
      {props.error && (
        <span className="error-text small" role="alert" data-testid="capture-error">
          {props.error}
        </span>
      )}
    </div>
  );
}
