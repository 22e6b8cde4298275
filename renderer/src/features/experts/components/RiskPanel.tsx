import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { POSITION_SCORE_BOUNDS, type ExpertProfile, type RiskPatch } from '../../../../../preload/contract';
import { setRisk } from '../queries';
import { RiskChip } from './RiskChip';

/** The bands the core turns a position score into a factor with, for the "computed from" line. */
const [b2, b3, b4] = POSITION_SCORE_BOUNDS;
const BOUNDS = { b2, b3, b4 };

/**
 * The profile's key-person risk (IAEA / TVA knowledge-loss method): the attrition factor with its source and
 * leaving date, the position factor computed from the criteria (or overridden, with the note), the total; and the
 * form that edits the inputs as one experts:set-risk call. A refused value (a leaving date in the past or
 * malformed) shows the core's translated message naming it; nothing is written then.
 */
export function RiskPanel({ profile }: { profile: ExpertProfile }) {
  const { t } = useTranslation('experts');
  const r = profile.risk;
  const a = r.attrition;
  const p = r.position;
  return (
    <section className="risk-panel" data-testid="risk-panel">
      <h3>{t('risk.title')}</h3>
      <div className="risk-formula" data-testid="risk-formula">
        <span title={t('risk.attritionTitle')}>
          {t('risk.attrition')} <strong data-testid="risk-attrition">{a.factor}</strong>
        </span>
        <span aria-hidden="true">×</span>
        <span title={t('risk.positionTitle')}>
          {t('risk.position')} <strong data-testid="risk-position">{p.factor}</strong>
        </span>
        <span aria-hidden="true">=</span>
        <RiskChip total={r.total} band={r.band} />
        <span className="muted small">{t('risk.rank', { rank: r.rank })}</span>
      </div>
      <p className="small" data-testid="attrition-source">
        {a.source === 'leaving-date'
          ? a.datePassed
            ? t('risk.fromDatePassed', { date: a.expectedLeaving })
            : t('risk.fromDate', { date: a.expectedLeaving, years: a.yearsLeft })
          : t('risk.entered', { value: profile.enteredAttritionRisk })}
      </p>
      <p className="small" data-testid="position-source">
        {p.override !== null
          ? t('risk.overridden', { value: p.override, computed: p.computed })
          : p.criteria.length === 0
            ? t('risk.computedNone', { value: p.computed })
            : t('risk.computed', { value: p.computed, score: p.score, ...BOUNDS })}
        {p.note && <span className="muted"> — {p.note}</span>}
      </p>
      {p.criteria.length === 0 ? (
        // Without an override the line above already says there is nothing behind the factor.
        p.override !== null && <p className="muted small">{t('risk.noCriteria')}</p>
      ) : (
        <table className="criteria-table small" data-testid="criteria-table">
          <thead>
            <tr>
              <th>{t('criteria.item')}</th>
              <th>{t('criteria.proficiency')}</th>
              <th>{t('criteria.importance')}</th>
              <th>{t('criteria.form')}</th>
              <th title={t('criteria.hardTitle')}>{t('criteria.hard')}</th>
              <th title={t('criteria.weightTitle')}>{t('criteria.weight')}</th>
            </tr>
          </thead>
          <tbody>
            {p.criteria.map((c) => (
              <tr key={c.itemId}>
                <td>{c.label}</td>
                <td>{c.proficiency}</td>
                <td>{c.importance}</td>
                <td>{t(`form.${c.form}`)}</td>
                <td>{c.hardToReplace ? t('criteria.yes') : t('criteria.no')}</td>
                <td>{c.weight}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <RiskForm
        key={`${profile.expert.id}:${r.total}:${a.expectedLeaving}:${p.override}`}
        profile={profile}
      />
    </section>
  );
}

/** The risk inputs' edit form; only changed fields are sent. */
function RiskForm({ profile }: { profile: ExpertProfile }) {
  const { t } = useTranslation('experts');
  const start = {
    attrition: String(profile.enteredAttritionRisk),
    leaving: profile.expectedLeaving ?? '',
    override: profile.risk.position.override === null ? '' : String(profile.risk.position.override),
    note: profile.risk.position.note ?? '',
  };
  const [v, setV] = useState(start);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const patch: RiskPatch = {};
  if (v.attrition !== start.attrition) patch.attritionRisk = Number(v.attrition);
  if (v.leaving !== start.leaving) patch.expectedLeaving = v.leaving || null;
  if (v.override !== start.override) patch.positionRiskOverride = v.override ? Number(v.override) : null;
  if (v.note !== start.note) patch.positionRiskNote = v.note || null;
  const dirty = Object.keys(patch).length > 0;

  const save = async () => {
    setBusy(true);
    setError(null);
    try {
      await setRisk(profile.expert.id, patch);
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form
      className="risk-form"
      data-testid="risk-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (dirty && !busy) void save();
      }}
    >
      <label>
        {t('riskForm.attrition')}
        <select
          value={v.attrition}
          data-testid="risk-attrition-input"
          onChange={(e) => setV({ ...v, attrition: e.target.value })}
        >
          {[1, 2, 3, 4, 5].map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('riskForm.leaving')}
        <input
          type="date"
          value={v.leaving}
          data-testid="risk-leaving-input"
          onChange={(e) => setV({ ...v, leaving: e.target.value })}
        />
      </label>
      <label>
        {t('riskForm.override')}
        <select
          value={v.override}
          data-testid="risk-override-input"
          onChange={(e) => setV({ ...v, override: e.target.value })}
        >
          <option value="">{t('riskForm.noOverride')}</option>
          {[1, 2, 3, 4, 5].map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </select>
      </label>
      <label className="wide">
        {t('riskForm.note')}
        <input
          value={v.note}
          maxLength={1000}
          data-testid="risk-note-input"
          onChange={(e) => setV({ ...v, note: e.target.value })}
        />
      </label>
      <span className="risk-form-actions">
        <button type="submit" className="primary" disabled={!dirty || busy} data-testid="risk-save">
          {t('riskForm.save')}
        </button>
        <button
          type="button"
          disabled={!dirty || busy}
          onClick={() => {
            setV(start);
            setError(null);
          }}
        >
          {t('riskForm.reset')}
        </button>
      </span>
      {error && (
        <p className="error-text" role="alert" data-testid="risk-error">
          {error}
        </p>
      )}
    </form>
  );
}
