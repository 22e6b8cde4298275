import { useEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConsultCandidate, Pipeline, PipelineItem, StepRelation } from '../../../../../preload/contract';
import { useAppStore } from '../../../app/store';
import { useViewerStore } from '../../viewer/store';
import { editProcess, useStepDetail } from '../queries';
import { useProcessesStore } from '../store';
import { HowComputed } from './HowComputed';
import { NodeFinder, type FinderKind } from './NodeFinder';
import { StepEditor } from './StepEditor';
import { StrengthChip } from '../../../ui/StrengthChip';
import { StepEvidence } from './StepEvidence';
import { CaptureLessonButton } from '../../capture/components/CaptureLessonButton';

/** `t` for keys that arrive at run time (the consult reasons, `processes:rank.*`). */
type DynamicT = (key: string, options?: Record<string, unknown>) => string;

/**
 * The step panel: the step's name, role, phase and strength ("how is this computed?"), the editor, and what the
 * work place needs — what to read (opening the document at its page), whom to consult (ranked, each rank
 * explained), the knowledge it requires and produces, templates, whom to hand on to, lessons learned. Attached
 * entries have a × to detach them and a "+" to search and pick more.
 *
 * Keyboard: opened with Enter from the canvas, the panel takes the focus (its title), so Tab goes on into the
 * panel rather than across the legend and zoom buttons; Escape anywhere in it closes it (the step stays
 * selected and PipelineCanvas takes the focus back). Fields and popovers that use Escape themselves stop it first.
 */
export function StepPanel({ pipeline, stepId }: { pipeline: Pipeline; stepId: string }) {
  const { t } = useTranslation('processes');
  const set = useProcessesStore((s) => s.set);
  const detail = useStepDetail(stepId);
  const notify = useAppStore((s) => s.notify);
  const openViewer = useViewerStore((s) => s.open);
  const focusPanel = useProcessesStore((s) => s.focusPanel);
  const titleRef = useRef<HTMLHeadingElement>(null);
  const step = pipeline.steps.find((s) => s.id === stepId);
  const shown = step !== undefined;
  useEffect(() => {
    if (!focusPanel || !shown) return;
    titleRef.current?.focus();
    set({ focusPanel: false });
  }, [focusPanel, shown, set]);
  if (!step) return null;
  const d = detail.data?.step.id === stepId ? detail.data : null;
  const pid = pipeline.process.id;
  const detach = (relation: StepRelation, targetId: string) =>
    void editProcess(pid, [{ op: 'detach', stepId, relation, targetId }]);
  const attach = (relation: StepRelation, targetId: string) =>
    void editProcess(pid, [{ op: 'attach', stepId, relation, targetId }]);
  const items = (list: PipelineItem[], relation: StepRelation, testId: string) => (
    <ul className="item-list" data-testid={testId}>
      {list.map((i) => (
        <li key={i.id}>
          <StrengthChip strength={i.strength} band={i.band} />
          <span className="grow">{i.label}</span>
          <HowComputed itemId={i.id} testId="how-item-button" />
          <Detach label={i.label} onClick={() => detach(relation, i.id)} />
        </li>
      ))}
    </ul>
  );
  const onKeyDown = (e: KeyboardEvent<HTMLElement>) => {
    if (e.key !== 'Escape' || e.nativeEvent.isComposing) return;
    e.stopPropagation();
    set({ panelOpen: false });
  };
  const templateCount = d?.templates.length ?? 0;
  return (
    <aside className="step-panel" data-testid="step-panel" aria-label={step.label} onKeyDown={onKeyDown}>
      <div className="panel-head">
        <div className="grow">
          <h3 data-testid="step-panel-title" ref={titleRef} tabIndex={-1} title={step.label}>
            {step.label}
          </h3>
          <div className="muted small">
            {[step.responsibleRole, step.phase].filter(Boolean).join(' · ') || t('step.noRole')}
          </div>
        </div>
        <StrengthChip strength={step.strength.strength} band={step.strength.band} />
        <button
          className="icon"
          title={t('actions.close')}
          aria-label={t('actions.close')}
          data-testid="step-panel-close"
          onClick={() => set({ panelOpen: false })}
        >
          ×
        </button>
      </div>
      <HowComputed step={step.strength} />
      <details className="edit-section">
        <summary>{t('edit.title')}</summary>
        <StepEditor pipeline={pipeline} step={step} />
      </details>
      {detail.isError && <p className="error-text">{detail.error.message}</p>}
      {!d && !detail.isError && (
        <p className="muted" role="progressbar">
          {t('loading')}
        </p>
      )}
      {d && (
        <>
          <Section title={t('panel.read')} count={d.read.length} testId="section-read">
            <ul className="item-list" data-testid="reading-list">
              {d.read.map((r) => (
                <li key={`${r.itemId}-${r.documentNodeId}-${r.page ?? ''}`}>
                  <button
                    className="link grow"
                    onClick={() =>
                      r.libraryDocId !== null
                        ? openViewer({ docId: r.libraryDocId, page: r.page ?? 1, query: '' })
                        : notify(t('panel.notInLibrary', { name: r.documentLabel }), 'error')
                    }
                  >
                    {r.documentLabel}
                  </button>
                  <span className="muted small">
                    {r.page !== null ? t('panel.page', { page: r.page }) : ''} · {r.itemLabel}
                  </span>
                </li>
              ))}
            </ul>
            {d.read.length === 0 && <p className="muted small">{t('panel.nothingToRead')}</p>}
          </Section>
          <StepEvidence items={[...d.require, ...d.templates]} />
          <Section
            title={t('panel.consult')}
            count={d.consult.length}
            testId="section-consult"
            add={{ kind: 'expert', exclude: step.consults, onPick: (id) => attach('consults', id) }}
          >
            <ol className="consult-list" data-testid="consult-list">
              {d.consult.map((c) => (
                <Consult
                  key={c.id}
                  c={c}
                  onDetach={c.designated ? () => detach('consults', c.id) : undefined}
                />
              ))}
            </ol>
            {d.consult.length === 0 && <p className="muted small">{t('panel.noExperts')}</p>}
          </Section>
          <Section
            title={t('panel.require')}
            count={d.require.length}
            note={templateCount > 0 ? t('panel.requirePlusTemplates', { count: templateCount }) : undefined}
            testId="section-require"
            add={{
              kind: 'knowledge',
              exclude: [...step.requires, ...step.templates],
              onPick: (id) => attach('requires', id),
            }}
          >
            {items(d.require, 'requires', 'require-list')}
            {d.require.length === 0 && <p className="muted small">{t('panel.nothingRequired')}</p>}
          </Section>
          <Section
            title={t('panel.produce')}
            count={d.produce.length}
            testId="section-produce"
            add={{ kind: 'knowledge', exclude: step.produces, onPick: (id) => attach('produces', id) }}
          >
            {items(d.produce, 'produces', 'produce-list')}
            {d.produce.length === 0 && <p className="muted small">{t('panel.nothingProduced')}</p>}
          </Section>
          <Section
            title={t('panel.templates')}
            count={d.templates.length}
            testId="section-templates"
            add={{ kind: 'template', exclude: step.templates, onPick: (id) => attach('requires', id) }}
          >
            {items(d.templates, 'requires', 'template-list')}
            {d.templates.length === 0 && <p className="muted small">{t('panel.noTemplates')}</p>}
          </Section>
          <Section title={t('panel.handOn')} count={d.handOn.length} testId="section-handon">
            <ul className="item-list">
              {d.handOn.map((h) => (
                <li key={`${h.stepId}-${h.itemId}`}>
                  <span className="grow">{h.itemLabel}</span>
                  <button className="link small" onClick={() => set({ stepId: h.stepId })}>
                    → {h.stepLabel}
                  </button>
                </li>
              ))}
            </ul>
            {d.handOn.length === 0 && <p className="muted small">{t('panel.nothingToHandOn')}</p>}
          </Section>
          <Section title={t('panel.lessons')} count={d.lessons.length} testId="section-lessons">
            <ul className="item-list">
              {d.lessons.map((l) => (
                <li key={l.id}>{l.label}</li>
              ))}
            </ul>
            {d.lessons.length === 0 && <p className="muted small">{t('panel.noLessons')}</p>}
            <CaptureLessonButton processId={pid} stepId={stepId} />
          </Section>
        </>
      )}
    </aside>
  );
}

/** A section of the panel with its count and, optionally, a "+" that opens a search-and-pick list. */
function Section(props: {
  title: string;
  count: number;
  /** Said after the count (the require section: templates also count in the step's strength). */
  note?: string;
  testId: string;
  children: ReactNode;
  add?: { kind: FinderKind; exclude: string[]; onPick: (id: string) => void };
}) {
  const { t } = useTranslation('processes');
  const [adding, setAdding] = useState(false);
  return (
    <section className="panel-section" data-testid={props.testId}>
      <h4>
        {props.title} <span className="muted">{props.count}</span>
        {props.note && (
          <span className="muted small section-note" data-testid="section-note">
            {props.note}
          </span>
        )}
        {props.add && (
          <button
            className="icon add"
            title={t('panel.add')}
            aria-label={t('panel.addTo', { section: props.title })}
            aria-expanded={adding}
            data-testid="section-add"
            onClick={() => setAdding(!adding)}
          >
            {adding ? '−' : '+'}
          </button>
        )}
      </h4>
      {adding && props.add && (
        <NodeFinder
          kind={props.add.kind}
          autoFocus
          limit={12}
          exclude={new Set(props.add.exclude)}
          testId="picker"
          onPick={(n) => {
            props.add!.onPick(n.id);
            setAdding(false);
          }}
        />
      )}
      {props.children}
    </section>
  );
}

function Detach({ label, onClick }: { label: string; onClick: () => void }) {
  const { t } = useTranslation('processes');
  return (
    <button
      className="icon detach"
      title={t('panel.detach', { item: label })}
      aria-label={t('panel.detach', { item: label })}
      data-testid="detach"
      onClick={onClick}
    >
      ×
    </button>
  );
}

/** One ranked expert: name, title and department, availability, attrition risk and why they rank there. */
function Consult({ c, onDetach }: { c: ConsultCandidate; onDetach?: () => void }) {
  const { t } = useTranslation('processes');
  const tt = t as unknown as DynamicT;
  return (
    <li className="consult" data-testid="consult">
      <div className="consult-head">
        <strong>{c.label}</strong>
        {c.designated && <span className="tag">{t('panel.designated')}</span>}
        <span className="muted small grow">{[c.title, c.department].filter(Boolean).join(' · ')}</span>
        <span className="score" title={t('panel.score')}>
          {Math.round(c.score * 100)}
        </span>
        {onDetach && <Detach label={c.label} onClick={onDetach} />}
      </div>
      <div className="small">
        <span className={`availability av-${c.availability ?? 'unknown'}`}>
          {t(`availability.${c.availability ?? 'unknown'}` as 'availability.unknown')}
        </span>
        {' · '}
        {t('panel.attrition', { risk: c.attritionRisk })}
        {c.contact && <> · {c.contact}</>}
      </div>
      <ul className="reasons" data-testid="consult-reasons">
        {c.reasons.map((r, i) => (
          <li key={i}>{tt(r.key, r.params)}</li>
        ))}
      </ul>
    </li>
  );
}
