import { useQueries } from '@tanstack/react-query';
import { useEffect } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import type { Pipeline, StepDetail } from '../../../../../preload/contract';
import { call } from '../../../api/client';
import { useProcessesStore } from '../store';
import { StrengthChip } from '../../../ui/StrengthChip';

/**
 * Workstation cards (issue 7: knowledge pushed to where the work happens): one card per step for the
 * operating-instruction board — what to read with page numbers, whom to consult and why, the knowledge it
 * requires (each with its strength, so tacit and undocumented items show too), which templates, what to hand on
 * to which step, and the step's strength. Shown as a print preview in its own DOM under <body> (print CSS hides
 * the app and prints only the cards on the A4 page `workstation-card`). Each card starts on a new sheet; a card
 * that fits takes exactly one, a longer one goes on over the next sheets (nothing is cut off at the bottom).
 */
export function WorkstationCards({ pipeline }: { pipeline: Pipeline }) {
  const { t } = useTranslation('processes');
  const set = useProcessesStore((s) => s.set);
  const steps = [...pipeline.steps].sort((a, b) => a.layer - b.layer || a.row - b.row || a.order - b.order);
  const details = useQueries({
    queries: steps.map((s) => ({
      queryKey: ['processes:step', s.id],
      queryFn: () => call('processes:step', { stepId: s.id }),
    })),
  });
  const ready = details.every((d) => d.data);
  const failed = details.find((d) => d.error)?.error ?? null;
  const close = () => set({ dialog: null });
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') close();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });
  return createPortal(
    <div
      className="workstation-print"
      data-testid="workstation-cards"
      role="dialog"
      aria-modal="true"
      aria-label={t('cards.title')}
    >
      <div className="cards-toolbar">
        <strong>{t('cards.title')}</strong>
        <span className="muted">
          {t('cards.count', { count: steps.length, name: pipeline.process.label })}
        </span>
        <span className="spacer" />
        <button
          className="primary"
          disabled={!ready}
          data-testid="cards-print"
          onClick={() => window.print()}
        >
          {t('cards.print')}
        </button>
        <button data-testid="cards-close" onClick={close}>
          {t('actions.close')}
        </button>
      </div>
      {failed && <p className="error-text">{failed.message}</p>}
      {!ready && !failed && (
        <p className="muted cards-loading" role="progressbar">
          {t('loading')}
        </p>
      )}
      {ready && (
        <div className="cards-sheets">
          {details.map((d) => (
            <Card key={d.data!.step.id} d={d.data!} total={steps.length} />
          ))}
        </div>
      )}
    </div>,
    document.body,
  );
}

function Card({ d, total }: { d: StepDetail; total: number }) {
  const { t } = useTranslation('processes');
  const s = d.step;
  const reasons = (key: string, params: Record<string, string | number>) =>
    (t as unknown as (k: string, o?: object) => string)(key, params);
  return (
    <article className="card-sheet" data-testid="card-sheet">
      <header>
        <div className="muted small">
          {d.processLabel} · {t('cards.stepOf', { n: s.order, total })}
        </div>
        <h1>{s.label}</h1>
        <div className="card-meta">
          {s.responsibleRole && <span>{t('cards.role', { role: s.responsibleRole })}</span>}
          {s.phase && <span>{t('cards.phase', { phase: s.phase })}</span>}
          <span>
            {t('cards.strength')} <StrengthChip strength={s.strength.strength} band={s.strength.band} />
          </span>
        </div>
      </header>
      <section>
        <h2>{t('panel.read')}</h2>
        {d.read.length ? (
          <table>
            <tbody>
              {d.read.map((r) => (
                <tr key={`${r.itemId}-${r.documentNodeId}-${r.page ?? ''}`}>
                  <td>{r.documentLabel}</td>
                  <td className="num">
                    {r.page !== null ? t('panel.page', { page: r.page }) : t('cards.wholeDoc')}
                  </td>
                  <td className="muted">{r.itemLabel}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p className="muted">{t('panel.nothingToRead')}</p>
        )}
      </section>
      <section>
        <h2>{t('panel.consult')}</h2>
        {d.consult.length ? (
          <table>
            <tbody>
              {d.consult.slice(0, 5).map((c) => (
                <tr key={c.id}>
                  <td>
                    <strong>{c.label}</strong>
                    <div className="muted small">{[c.title, c.department].filter(Boolean).join(' · ')}</div>
                  </td>
                  <td>{c.contact ?? '—'}</td>
                  <td className="small">
                    {c.reasons.map((r) => reasons(r.key, r.params)).join(t('cards.separator'))}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p className="muted">{t('panel.noExperts')}</p>
        )}
      </section>
      <section data-testid="card-require">
        <h2>{t('panel.require')}</h2>
        {d.require.length ? (
          <ul className="card-require">
            {d.require.map((i) => (
              <li key={i.id}>
                <StrengthChip strength={i.strength} band={i.band} />
                <span>{i.label}</span>
                {i.documents === 0 && <span className="muted small">{t('panel.undocumented')}</span>}
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">{t('panel.nothingRequired')}</p>
        )}
      </section>
      <section>
        <h2>{t('panel.templates')}</h2>
        {d.templates.length ? (
          <ul>
            {d.templates.map((i) => (
              <li key={i.id}>{i.label}</li>
            ))}
          </ul>
        ) : (
          <p className="muted">{t('panel.noTemplates')}</p>
        )}
      </section>
      <section>
        <h2>{t('panel.produce')}</h2>
        {d.produce.length ? (
          <ul>
            {d.produce.map((i) => (
              <li key={i.id}>{i.label}</li>
            ))}
          </ul>
        ) : (
          <p className="muted">{t('panel.nothingProduced')}</p>
        )}
      </section>
      <section>
        <h2>{t('panel.handOn')}</h2>
        {d.handOn.length ? (
          <ul>
            {d.handOn.map((h) => (
              <li key={`${h.stepId}-${h.itemId}`}>
                {t('cards.handOnTo', { item: h.itemLabel, step: h.stepLabel })}
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">{t('panel.nothingToHandOn')}</p>
        )}
      </section>
    </article>
  );
}
