import { useTranslation } from 'react-i18next';
import type { ImportProblemDto } from '../../../../../preload/contract';
import { translateMessage } from '../../../i18n/messages';

/**
 * Problems of a read or a plan, each with where it is (line, column, JSON path) and its reason in the UI's
 * language, in a scrolling list; when the list is capped, how many there are in all.
 */
export function ProblemList(props: { problems: readonly ImportProblemDto[]; total: number; testId: string }) {
  const { t } = useTranslation('transfer');
  return (
    <div className="iw-problems-wrap">
      <ol className="iw-problems" data-testid={props.testId}>
        {props.problems.map((p, i) => (
          <li key={i} data-line={p.line}>
            <span className="iw-where">
              {p.line > 0 ? t('wizard.check.line', { line: p.line }) : t('wizard.check.wholeFile')}
              {p.column !== null && <> · {t('wizard.check.column', { column: p.column })}</>}
              {p.path !== null && <> · {p.path}</>}
            </span>
            <span className="iw-reason">{translateMessage(p.key, p.params, p.reason)}</span>
          </li>
        ))}
      </ol>
      {props.total > props.problems.length && (
        <p className="small muted">
          {t('wizard.check.shownOf', { shown: props.problems.length, count: props.total })}
        </p>
      )}
    </div>
  );
}
