import { useTranslation } from 'react-i18next';
import type { JourneyMap } from '../../../../../preload/contract';
import { showOnMap } from '../navigate';
import { useJourney } from '../queries';
import '../reports.css';

type Lane = JourneyMap['lanes'][number];
type Labelled = { id: string; label: string };

/**
 * The knowledge journey map (知识历程图, issue 7 item 7) of a process used as a project template: one lane per
 * phase, left to right in step order (steps without a phase form their own lane), each with its steps, the
 * knowledge used and produced in it and the lessons learned at its steps; the process's own lessons close the
 * row. Clicking an item or lesson shows it on the map.
 */
export function JourneyMapView({ processId }: { processId: string | null }) {
  const { t } = useTranslation('reports');
  const journey = useJourney(processId);
  if (processId === null) return <p className="report-state muted">{t('journey.chooseProcess')}</p>;
  if (journey.isPending) return <p className="report-state muted">{t('journey.loading')}</p>;
  if (journey.isError)
    return (
      <p className="report-state error-text">{t('journey.loadFailed', { message: journey.error.message })}</p>
    );
  const j = journey.data;
  if (j.lanes.length === 0 && j.processLessons.length === 0)
    return <p className="report-state muted">{t('journey.empty')}</p>;
  return (
    <section className="report" data-testid="journey-report" aria-label={t('journey.title')}>
      <div className="journey" role="list">
        {j.lanes.map((lane, i) => (
          <LaneCard key={`${lane.phase ?? ''}-${i}`} lane={lane} index={i} />
        ))}
        {j.processLessons.length > 0 && (
          <article className="lane process-lessons" role="listitem" data-testid="journey-process-lessons">
            <h3>{t('journey.processLessons')}</h3>
            <Items className="lessons" items={j.processLessons} />
          </article>
        )}
      </div>
    </section>
  );
}

/** One phase: its name, its steps in order, what it uses and produces, and its lessons learned. */
function LaneCard({ lane, index }: { lane: Lane; index: number }) {
  const { t } = useTranslation('reports');
  return (
    <article className="lane" role="listitem" data-testid="journey-lane" data-phase={lane.phase ?? ''}>
      <h3>
        <span className="muted">{`${index + 1} · `}</span>
        {lane.phase ?? t('journey.noPhase')}
      </h3>
      <div>
        <h4>{t('journey.steps')}</h4>
        <ol>
          {lane.steps.map((s) => (
            <li key={s.id}>{`${s.order}. ${s.label}`}</li>
          ))}
        </ol>
      </div>
      <div className="uses">
        <h4>{t('journey.uses')}</h4>
        <Items items={lane.uses} />
      </div>
      <div className="produces">
        <h4>{t('journey.produces')}</h4>
        <Items items={lane.produces} />
      </div>
      <div className="lessons">
        <h4>{t('journey.lessons')}</h4>
        <Items items={lane.lessons} />
      </div>
    </article>
  );
}

/** Knowledge items as chips that show the item on the map; a dash when there are none. */
function Items({ items, className }: { items: Labelled[]; className?: string }) {
  const { t } = useTranslation('reports');
  if (items.length === 0) return <span className="muted">{t('journey.nothing')}</span>;
  return (
    <ul className={className}>
      {items.map((it) => (
        <li key={it.id}>
          <button
            className="item-chip"
            onClick={() => showOnMap(it.id)}
            title={t('journey.focusOnMap', { label: it.label })}
            data-testid="journey-item"
          >
            {it.label}
          </button>
        </li>
      ))}
    </ul>
  );
}
