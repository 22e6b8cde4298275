import { useTranslation } from 'react-i18next';
import type { DepartureSimulation } from '../../../../../preload/contract';
import { reasonText } from '../reasons';

/** A strength before → after, with the drop. */
function Drop({ before, after }: { before: number | null; after: number | null }) {
  const { t } = useTranslation('experts');
  if (before === null && after === null) return <span className="muted">—</span>;
  const d = before !== null && after !== null ? after - before : null;
  return (
    <span
      className="drop"
      data-testid="strength-drop"
      aria-label={t('drop.label', { before: before ?? '—', after: after ?? '—' })}
    >
      {before ?? '—'} → <strong>{after ?? '—'}</strong>
      {d !== null && d !== 0 && <span className="drop-delta"> ({d})</span>}
    </span>
  );
}

/**
 * What a departure leaves behind (the on-screen result and the printed report): the uncovered items, the
 * strength drops of items, steps and competencies, the successors and the externalisation tasks.
 */
export function DepartureReport({ sim }: { sim: DepartureSimulation }) {
  const { t } = useTranslation('experts');
  return (
    <div className="departure-report">
      <div className="sim-summary" data-testid="sim-summary">
        <span>
          <strong>{sim.uncovered.length}</strong> {t('simulation.sumUncovered')}
        </span>
        <span>
          <strong>{sim.items.length}</strong> {t('simulation.sumItems')}
        </span>
        <span>
          <strong>{sim.steps.length}</strong> {t('simulation.sumSteps')}
        </span>
        <span>
          <strong>{sim.competencies.length}</strong> {t('simulation.sumCompetencies')}
        </span>
      </div>

      <section>
        <h3>{t('simulation.uncovered', { count: sim.uncovered.length })}</h3>
        {sim.uncovered.length === 0 ? (
          <p className="muted small">{t('simulation.noneUncovered')}</p>
        ) : (
          <table className="sim-table" data-testid="uncovered-table">
            <thead>
              <tr>
                <th>{t('criteria.item')}</th>
                <th>{t('criteria.importance')}</th>
                <th>{t('criteria.form')}</th>
                <th>{t('simulation.documents')}</th>
                <th>{t('simulation.bestLeft')}</th>
                <th>{t('simulation.strength')}</th>
              </tr>
            </thead>
            <tbody>
              {sim.uncovered.map((u) => (
                <tr key={u.id} data-testid="uncovered-row" data-id={u.id}>
                  <td>{u.label}</td>
                  <td>{u.importance}</td>
                  <td>{t(`form.${u.form}`)}</td>
                  <td className={u.documents === 0 ? 'sole' : ''}>{u.documents}</td>
                  <td>{u.bestLeft === 0 ? t('simulation.nobody') : u.bestLeft}</td>
                  <td>
                    <Drop before={u.before} after={u.after} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <div className="sim-columns">
        <DropList
          title={t('simulation.items', { count: sim.items.length })}
          testId="drops-items"
          rows={sim.items}
        />
        <DropList
          title={t('simulation.steps', { count: sim.steps.length })}
          testId="drops-steps"
          rows={sim.steps.map((s) => ({
            ...s,
            label: s.processLabel ? `${s.processLabel} · ${s.label}` : s.label,
          }))}
        />
        <DropList
          title={t('simulation.competencies', { count: sim.competencies.length })}
          testId="drops-competencies"
          rows={sim.competencies}
        />
      </div>

      <section>
        <h3>{t('simulation.successors', { count: sim.successors.length })}</h3>
        {sim.successors.length === 0 ? (
          <p className="muted small">{t('simulation.noSuccessors')}</p>
        ) : (
          <ul className="sim-list" data-testid="successors">
            {sim.successors.map((s) => (
              <li key={s.id}>
                <strong>{s.label}</strong>
                {s.department && <span className="muted small"> · {s.department}</span>}
                <span className="small">
                  {' '}
                  —{' '}
                  {s.items
                    .map((i) => t('simulation.atLevel', { label: i.label, level: i.proficiency }))
                    .join('、')}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section>
        <h3>{t('simulation.tasks', { count: sim.tasks.length })}</h3>
        {sim.tasks.length === 0 ? (
          <p className="muted small">{t('simulation.noTasks')}</p>
        ) : (
          <table className="sim-table" data-testid="tasks-table">
            <thead>
              <tr>
                <th>#</th>
                <th>{t('criteria.item')}</th>
                <th>{t('criteria.importance')}</th>
                <th>{t('simulation.captureForm')}</th>
                <th>{t('simulation.from')}</th>
                <th>{t('simulation.reason')}</th>
              </tr>
            </thead>
            <tbody>
              {sim.tasks.map((k, i) => (
                <tr key={k.itemId} data-testid="task-row">
                  <td>{i + 1}</td>
                  <td>
                    {k.label}
                    {k.uncovered && <span className="tag-uncovered"> {t('simulation.uncoveredTag')}</span>}
                  </td>
                  <td>{k.importance}</td>
                  <td>{t(`capture.${k.captureForm}`)}</td>
                  <td>{k.fromLabel}</td>
                  <td className="small">{reasonText(k.reason)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </div>
  );
}

function DropList(props: {
  title: string;
  testId: string;
  rows: readonly { id: string; label: string; before: number | null; after: number | null }[];
}) {
  const { t } = useTranslation('experts');
  return (
    <section>
      <h3>{props.title}</h3>
      {props.rows.length === 0 ? (
        <p className="muted small">{t('simulation.noDrops')}</p>
      ) : (
        <ul className="sim-list" data-testid={props.testId}>
          {props.rows.map((r) => (
            <li key={r.id} data-id={r.id}>
              <span className="drop-label">{r.label}</span> <Drop before={r.before} after={r.after} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
