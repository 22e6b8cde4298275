import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ItemStrength, StepStrength, StrengthSettings } from '../../../../../preload/contract';
import { useItemStrength, useStrengthSettings } from '../queries';
import { StrengthChip } from '../../../ui/StrengthChip';

const PARTS = ['documentation', 'holders', 'owner', 'freshness'] as const;

/**
 * "How is this computed?": a button that opens a popover with the inputs of the number on screen — for a step
 * its required items with their strengths and importance (the importance-weighted mean), for an item the four
 * parts with the weights of the workspace's settings and what each part was computed from. Escape or a click
 * outside closes it.
 */
export function HowComputed(props: { step?: StepStrength; itemId?: string; testId?: string }) {
  const { t } = useTranslation('processes');
  const [open, setOpen] = useState(false);
  const [itemId, setItemId] = useState<string | null>(props.itemId ?? null);
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!open) return;
    const onDown = (e: MouseEvent) => {
      if (!ref.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', onDown);
    return () => document.removeEventListener('mousedown', onDown);
  }, [open]);
  return (
    <div className="how-computed" ref={ref}>
      <button
        className="link small"
        aria-expanded={open}
        data-testid={props.testId ?? 'how-computed'}
        onClick={() => {
          setOpen(!open);
          setItemId(props.itemId ?? null);
        }}
      >
        {t('how.button')}
      </button>
      {open && (
        <div
          className="popover"
          role="dialog"
          aria-label={t('how.title')}
          data-testid="how-computed-popover"
          onKeyDown={(e) => {
            if (e.key === 'Escape') {
              e.stopPropagation();
              setOpen(false);
            }
          }}
        >
          {itemId ? (
            <ItemInputs
              itemId={itemId}
              onBack={props.step && !props.itemId ? () => setItemId(null) : undefined}
            />
          ) : props.step ? (
            <StepInputs step={props.step} onItem={setItemId} />
          ) : null}
        </div>
      )}
    </div>
  );
}

function StepInputs({ step, onItem }: { step: StepStrength; onItem: (id: string) => void }) {
  const { t } = useTranslation('processes');
  const total = step.inputs.reduce((s, i) => s + i.importance, 0);
  return (
    <>
      <h4>{t('how.stepTitle', { step: step.label })}</h4>
      <p className="muted small">{t('how.stepFormula')}</p>
      {step.inputs.length === 0 ? (
        <p>{t('how.nothingRequired')}</p>
      ) : (
        <table className="how-table">
          <thead>
            <tr>
              <th>{t('how.item')}</th>
              <th>{t('how.strength')}</th>
              <th>{t('how.importance')}</th>
              <th>{t('how.share')}</th>
            </tr>
          </thead>
          <tbody>
            {step.inputs.map((i) => (
              <tr key={i.id} data-testid="how-input">
                <td>
                  <button className="link" onClick={() => onItem(i.id)}>
                    {i.label}
                  </button>
                </td>
                <td className="num">{i.strength}</td>
                <td className="num">{i.importance}</td>
                <td className="num">{total ? Math.round((i.importance / total) * 100) : 0}%</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <td>{t('how.result')}</td>
              <td className="num" colSpan={3}>
                {step.strength ?? '—'}
              </td>
            </tr>
          </tfoot>
        </table>
      )}
    </>
  );
}

/** The parts of an item's strength with the weights used and the facts behind each part. */
function ItemInputs({ itemId, onBack }: { itemId: string; onBack?: () => void }) {
  const { t } = useTranslation('processes');
  const item = useItemStrength(itemId);
  const settings = useStrengthSettings();
  if (item.isError) return <p className="error-text">{item.error.message}</p>;
  if (!item.data || !settings.data) return <p className="muted">{t('loading')}</p>;
  return <ItemTable item={item.data} settings={settings.data} onBack={onBack} />;
}

function ItemTable(props: { item: ItemStrength; settings: StrengthSettings; onBack?: () => void }) {
  const { t } = useTranslation('processes');
  const { item, settings } = props;
  const w = settings.weights;
  const sum = PARTS.reduce((s, p) => s + w[p], 0);
  const inp = item.inputs;
  const facts: Record<(typeof PARTS)[number], string> = {
    documentation: t('how.facts.documentation', {
      count: inp.documents,
      existence: inp.existence,
      form: inp.form,
    }),
    holders: inp.holders.length
      ? t('how.facts.holders', {
          list: inp.holders.map((h) => `${h.label} (${h.proficiency})`).join(', '),
          count: settings.targetHolders,
        })
      : t('how.facts.noHolders', { count: settings.targetHolders }),
    owner: inp.owners.length
      ? t('how.facts.owner', { list: inp.owners.map((o) => o.label).join(', ') })
      : t('how.facts.noOwner'),
    freshness:
      inp.reviewDue === null
        ? t('how.facts.noReview')
        : inp.overdueDays !== null && inp.overdueDays > 0
          ? t('how.facts.overdue', {
              date: inp.reviewDue,
              count: inp.overdueDays,
              horizon: settings.freshnessHorizonDays,
            })
          : t('how.facts.due', { date: inp.reviewDue, count: -(inp.overdueDays ?? 0) }),
  };
  return (
    <>
      {props.onBack && (
        <button className="link small" onClick={props.onBack}>
          {t('how.back')}
        </button>
      )}
      <h4>
        {t('how.itemTitle', { item: item.label })} <StrengthChip strength={item.strength} band={item.band} />
      </h4>
      <p className="muted small">{t('how.itemFormula')}</p>
      <table className="how-table" data-testid="how-item">
        <thead>
          <tr>
            <th>{t('how.part')}</th>
            <th>{t('how.value')}</th>
            <th>{t('how.weight')}</th>
            <th>{t('how.basis')}</th>
          </tr>
        </thead>
        <tbody>
          {PARTS.map((p) => (
            <tr key={p}>
              <td>{t(`settings.weights.${p}`)}</td>
              <td className="num">{item.parts[p].toFixed(2)}</td>
              <td className="num">{sum ? `${Math.round((w[p] / sum) * 100)}%` : '—'}</td>
              <td className="small">{facts[p]}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <td>{t('how.result')}</td>
            <td className="num" colSpan={3}>
              {item.strength}
            </td>
          </tr>
        </tfoot>
      </table>
    </>
  );
}
