import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ExportButtons } from '../../reports/components/ExportButtons';
import { filterExperts } from '../filter';
import { useDirectory, useSimulation } from '../queries';
import { useExpertsStore } from '../store';
import { DepartureReport } from './DepartureReport';
import { DeparturePrint } from './DeparturePrint';
import { RiskChip } from './RiskChip';

/**
 * The departure simulation: choose one or more experts (prefilled by the "Simulate departure" buttons) and see
 * what would be uncovered, which strengths drop, who could succeed and what to externalise first; export as
 * CSV / XLSX (reports:export departure) or print / save as PDF.
 */
export function SimulationTab() {
  const { t } = useTranslation('experts');
  const { leavers, set } = useExpertsStore();
  const dir = useDirectory();
  const [filter, setFilter] = useState('');
  const [printing, setPrinting] = useState(false);
  const all = useMemo(() => dir.data ?? [], [dir.data]);
  const shown = useMemo(
    () => filterExperts(all, { text: filter, department: '', band: '' }).slice(0, 500),
    [all, filter],
  );
  const chosen = new Set(leavers);
  const sim = useSimulation(leavers);
  const toggle = (id: string) =>
    set({ leavers: chosen.has(id) ? leavers.filter((x) => x !== id) : [...leavers, id] });

  return (
    <div className="experts-simulation">
      <aside className="leaver-picker">
        <h3>{t('simulation.choose')}</h3>
        <input
          type="search"
          value={filter}
          placeholder={t('directory.filter')}
          aria-label={t('directory.filter')}
          data-testid="leaver-filter"
          onChange={(e) => setFilter(e.target.value)}
        />
        <ul className="leaver-list" data-testid="leaver-list" aria-label={t('simulation.choose')}>
          {shown.map((r) => (
            <li key={r.id}>
              <label>
                <input
                  type="checkbox"
                  checked={chosen.has(r.id)}
                  data-testid="leaver-option"
                  data-id={r.id}
                  onChange={() => toggle(r.id)}
                />
                <span className="leaver-name">{r.label}</span>
                <RiskChip total={r.total} band={r.band} />
              </label>
            </li>
          ))}
        </ul>
        {leavers.length > 0 && (
          <button onClick={() => set({ leavers: [] })} data-testid="leavers-clear">
            {t('simulation.clear')}
          </button>
        )}
      </aside>
      <section className="simulation-result" data-testid="simulation-result">
        {leavers.length === 0 ? (
          <div className="empty-view">
            <div className="empty-card">
              <h2>{t('simulation.emptyTitle')}</h2>
              <p>{t('simulation.emptyHint')}</p>
            </div>
          </div>
        ) : sim.isError ? (
          <p className="error-text">{sim.error.message}</p>
        ) : !sim.data ? (
          <p className="muted" role="progressbar">
            {t('loading')}
          </p>
        ) : (
          <>
            <div className="experts-toolbar">
              <h3 data-testid="simulation-title">
                {t('simulation.title', { names: sim.data.experts.map((e) => e.label).join('、') })}
              </h3>
              <span className="spacer" />
              <ExportButtons request={{ report: 'departure', expertIds: leavers }} />
              <button data-testid="simulation-print" onClick={() => setPrinting(true)}>
                {t('simulation.print')}
              </button>
            </div>
            <DepartureReport sim={sim.data} />
            {printing && <DeparturePrint sim={sim.data} onClose={() => setPrinting(false)} />}
          </>
        )}
      </section>
    </div>
  );
}
