import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CompetencyDetail } from '../../../../../preload/contract';
import { StrengthChip } from '../../../ui/StrengthChip';
import { COVERAGE_COLOURS, percentText } from '../coverage-bands';
import { editCompetencies, useCompetencyDetail } from '../queries';
import { useCompetenciesStore } from '../store';

/**
 * The side panel of the selected competency: its coverage against target, the target (1–5) and name editable,
 * a new sub-competency, the supporting items with their weight (0–1, editable) and strength, and "how is this
 * computed?". Every change is one competencies:edit call (one undo step).
 */
export function CompetencyPanel({ id }: { id: string }) {
  const { t } = useTranslation('competencies');
  const detail = useCompetencyDetail(id);
  const set = useCompetenciesStore((s) => s.set);
  if (detail.isError)
    return (
      <aside className="competency-panel" data-testid="competency-panel">
        <p className="error-text">{detail.error.message}</p>
        <button onClick={() => set({ selectedId: null })}>{t('panel.close')}</button>
      </aside>
    );
  if (!detail.data)
    return (
      <aside className="competency-panel" data-testid="competency-panel">
        <p className="muted" role="progressbar">
          {t('loading')}
        </p>
      </aside>
    );
  return <PanelBody key={`${id}\u0000${detail.data.competency.label}`} d={detail.data} />;
}

function PanelBody({ d }: { d: CompetencyDetail }) {
  const { t } = useTranslation('competencies');
  const set = useCompetenciesStore((s) => s.set);
  const focusId = useCompetenciesStore((s) => s.focusId);
  const c = d.competency;
  const [name, setName] = useState(c.label);
  const [sub, setSub] = useState('');
  const [how, setHow] = useState(false);
  const rename = () => {
    const v = name.trim();
    if (v && v !== c.label) void editCompetencies([{ edit: 'rename', id: c.id, label: v }]);
    else setName(c.label);
  };
  const addSub = async () => {
    const v = sub.trim();
    if (!v) return;
    const r = await editCompetencies([{ edit: 'add-sub', parentId: c.id, label: v }]);
    if (r) setSub('');
  };
  const colours = COVERAGE_COLOURS[c.band];
  return (
    <aside className="competency-panel" data-testid="competency-panel" aria-label={t('panel.title')}>
      <div className="panel-head">
        <h3 title={c.label}>{c.label}</h3>
        <button
          className="icon-button"
          aria-label={t('panel.close')}
          title={t('panel.close')}
          onClick={() => set({ selectedId: null })}
        >
          ×
        </button>
      </div>
      <p>
        <span
          className="coverage-chip"
          data-testid="panel-coverage"
          data-band={c.band}
          style={{ background: colours.fill, color: colours.text }}
        >
          {percentText(c.coverage)}
        </span>{' '}
        {t(`band.${c.band}`)} · {t('panel.levels', { achieved: c.achievedLevel ?? '—', target: c.target })}
      </p>
      <button
        className="small"
        data-testid="panel-open"
        disabled={focusId === c.id}
        onClick={() => set({ focusId: c.id, restored: null })}
      >
        {t('panel.open')}
      </button>
      <label className="field">
        {t('panel.name')}
        <input
          value={name}
          data-testid="panel-name"
          onChange={(e) => setName(e.target.value)}
          onBlur={rename}
          onKeyDown={(e) => {
            if (e.key === 'Enter') rename();
            if (e.key === 'Escape') setName(c.label);
          }}
        />
      </label>
      <label className="field">
        {t('panel.target')}
        <select
          value={c.target}
          data-testid="panel-target"
          onChange={(e) =>
            void editCompetencies([{ edit: 'set-target', id: c.id, target: Number(e.target.value) }])
          }
        >
          {[1, 2, 3, 4, 5].map((l) => (
            <option key={l} value={l}>
              {t('panel.level', { level: l })}
            </option>
          ))}
        </select>
      </label>
      <div className="field">
        <button
          className="link small"
          aria-expanded={how}
          data-testid="competency-how"
          onClick={() => setHow(!how)}
        >
          {t('how.button')}
        </button>
        {how && (
          <div className="how-box" data-testid="competency-how-box">
            <p className="small">{t('how.formula')}</p>
            <p className="small">
              {c.strength === null
                ? t('how.noItems')
                : t('how.numbers', {
                    sum: Math.round(d.weightedSum * 10) / 10,
                    total: Math.round(d.weightTotal * 100) / 100,
                    strength: c.strength,
                    achieved: c.achievedLevel,
                    target: c.target,
                    percent: c.percent,
                  })}
            </p>
          </div>
        )}
      </div>
      <h4>{t('panel.items', { count: d.items.length })}</h4>
      {d.items.length === 0 ? (
        <p className="muted small">{t('panel.noItems')}</p>
      ) : (
        <table className="how-table" data-testid="panel-items">
          <thead>
            <tr>
              <th>{t('panel.item')}</th>
              <th>{t('panel.weight')}</th>
              <th>{t('panel.strength')}</th>
            </tr>
          </thead>
          <tbody>
            {d.items.map((i) => (
              <tr key={`${i.id}-${i.viaId}`} data-testid="panel-item">
                <td title={i.direct ? i.label : t('panel.via', { via: i.viaLabel })}>
                  {i.label}
                  {!i.direct && <span className="muted small"> · {i.viaLabel}</span>}
                </td>
                <td>
                  <WeightInput
                    key={i.weight}
                    weight={i.weight}
                    label={t('panel.weightOf', { item: i.label })}
                    onCommit={(w) =>
                      void editCompetencies([
                        { edit: 'set-weight', knowledgeId: i.id, competencyId: i.viaId, weight: w },
                      ])
                    }
                  />
                </td>
                <td>
                  <StrengthChip strength={i.strength} band={i.band} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <label className="field">
        {t('panel.addSub')}
        <span className="row">
          <input
            value={sub}
            data-testid="panel-add-sub"
            placeholder={t('panel.addSubPlaceholder')}
            onChange={(e) => setSub(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') void addSub();
            }}
          />
          <button onClick={() => void addSub()} disabled={!sub.trim()}>
            {t('panel.add')}
          </button>
        </span>
      </label>
    </aside>
  );
}

/**
 * A supporting item's weight, 0–1: committed on Enter or leaving the field when it changed. An empty field or a
 * value outside 0–1 is not taken: the field says why (and keeps what was typed, so it can be corrected) until it
 * is corrected or Escape puts the stored weight back. A weight of 0 must be typed as 0. Keyed by the stored
 * weight, so a change from elsewhere (undo) starts it afresh.
 */
function WeightInput(props: { weight: number; label: string; onCommit: (weight: number) => void }) {
  const { t } = useTranslation('competencies');
  const [draft, setDraft] = useState(String(props.weight));
  const [error, setError] = useState<string | null>(null);
  const commit = () => {
    const text = draft.trim();
    const w = Number(text);
    if (text === '') return setError(t('panel.weightEmpty'));
    if (!Number.isFinite(w) || w < 0 || w > 1) return setError(t('panel.weightRange', { value: text }));
    setError(null);
    if (w !== props.weight) props.onCommit(w);
  };
  return (
    <span className="weight-field">
      <input
        type="number"
        min={0}
        max={1}
        step={0.1}
        value={draft}
        aria-label={props.label}
        aria-invalid={error !== null}
        title={error ?? undefined}
        className="weight-input"
        data-testid="weight-input"
        onChange={(e) => setDraft(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit();
          else if (e.key === 'Escape') {
            e.stopPropagation();
            setDraft(String(props.weight));
            setError(null);
          }
        }}
      />
      {error && (
        <span className="error-text small" role="alert" data-testid="weight-error">
          {error}
        </span>
      )}
    </span>
  );
}
