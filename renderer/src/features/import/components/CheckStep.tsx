import { useTranslation } from 'react-i18next';
import { NODE_KINDS, type ImportPlanDto } from '../../../../../preload/contract';
import { ProblemList } from './ProblemList';

type Tx = (key: string, options?: Record<string, unknown>) => string;

/**
 * The check step: the dry run of the whole file — its problems (line, column, reason; the first of many with the
 * total), then what the import would do per kind (new, updated, unchanged), the rows merged into nodes that exist
 * (by label or alias, with their lines) and how many changes one step writes.
 */
export function CheckStep({ plan }: { plan: ImportPlanDto }) {
  const { t } = useTranslation('transfer');
  const tx = t as unknown as Tx;
  const kinds = Object.entries(plan.byKind);
  const isNode = (k: string) => (NODE_KINDS as readonly string[]).includes(k);
  const nodeKinds = kinds.filter(([k]) => isNode(k));
  const edgeKinds = kinds.filter(([k]) => !isNode(k));
  const kindName = (k: string) => (isNode(k) ? tx(`map:kinds.${k}`) : tx(`map:edgeKinds.${k}`));
  return (
    <div className="iw-check" data-testid="iw-check" data-clean={plan.clean}>
      {plan.format === 'wellspring-json' && <p className="muted small">{t('wizard.check.jsonIntro')}</p>}
      {plan.clean ? (
        <p className="iw-ok" role="status" data-testid="iw-clean">
          {plan.operations > 0
            ? t('wizard.check.clean')
            : plan.rows === 0 && plan.format !== 'wellspring-json'
              ? t('wizard.check.noRows')
              : t('wizard.check.nothing')}
        </p>
      ) : (
        <>
          <p className="iw-bad" role="alert" data-testid="iw-problem-count">
            {t('wizard.check.problems', { count: plan.problemCount })}
          </p>
          <ProblemList problems={plan.problems} total={plan.problemCount} testId="iw-problems" />
        </>
      )}
      <h3>{t('wizard.check.summary')}</h3>
      <p className="small muted">
        {plan.format === 'wellspring-json'
          ? t('wizard.check.elements', { count: plan.rows })
          : t('wizard.check.rows', { count: plan.rows })}
      </p>
      <table className="iw-summary" data-testid="iw-summary">
        <thead>
          <tr>
            <th>{t('wizard.check.kind')}</th>
            <th>{t('wizard.check.new')}</th>
            <th>{t('wizard.check.updated')}</th>
            <th>{t('wizard.check.unchanged')}</th>
          </tr>
        </thead>
        <tbody>
          {[...nodeKinds, ...edgeKinds].map(([k, c]) => (
            <tr key={k} data-kind={k}>
              <td>
                <span className={isNode(k) ? `iw-dot kind-${k}` : 'iw-dot edge'} aria-hidden="true" />
                {kindName(k)}
              </td>
              <td data-testid="iw-new">{c.new.toLocaleString()}</td>
              <td>{c.updated.toLocaleString()}</td>
              <td>{c.unchanged.toLocaleString()}</td>
            </tr>
          ))}
          <tr className="iw-total">
            <td>{t('wizard.check.nodes')}</td>
            <td data-testid="iw-new-nodes">{plan.newNodes.toLocaleString()}</td>
            <td>{plan.updatedNodes.toLocaleString()}</td>
            <td>{plan.unchangedNodes.toLocaleString()}</td>
          </tr>
          <tr className="iw-total">
            <td>{t('wizard.check.edges')}</td>
            <td data-testid="iw-new-edges">{plan.newEdges.toLocaleString()}</td>
            <td>{plan.updatedEdges.toLocaleString()}</td>
            <td>{plan.unchangedEdges.toLocaleString()}</td>
          </tr>
        </tbody>
      </table>
      {plan.skipped > 0 && <p className="small">{t('wizard.check.skipped', { count: plan.skipped })}</p>}
      {plan.duplicateCount > 0 && (
        <>
          <p className="small">{t('wizard.check.duplicates', { count: plan.duplicateCount })}</p>
          <div className="iw-problems-wrap">
            <ol className="iw-problems" data-testid="iw-duplicates">
              {plan.duplicates.map((d, i) => (
                <li key={i} data-line={d.line}>
                  <span className="iw-where">{t('wizard.check.line', { line: d.line })}</span>
                  <span className="iw-reason">
                    {t('wizard.check.duplicate', {
                      kind: d.kind,
                      label: d.label,
                      by: t(`wizard.check.by.${d.by}`),
                      matches: d.matches
                        .map((m) =>
                          m.line !== null
                            ? t('wizard.check.matchLine', { label: m.label, line: m.line })
                            : t('wizard.check.matchWorkspace', { label: m.label }),
                        )
                        .join(', '),
                    })}
                  </span>
                </li>
              ))}
            </ol>
            {plan.duplicateCount > plan.duplicates.length && (
              <p className="small muted">
                {t('wizard.check.shownOf', { shown: plan.duplicates.length, count: plan.duplicateCount })}
              </p>
            )}
          </div>
        </>
      )}
      {plan.clean && plan.operations > 0 && (
        <p className="small muted" data-testid="iw-ops">
          {t('wizard.check.ops', { count: plan.operations })}
        </p>
      )}
    </div>
  );
}
