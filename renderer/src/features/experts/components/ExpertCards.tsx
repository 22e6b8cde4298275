import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExpertRow } from '../../../../../preload/contract';
import { RiskChip } from './RiskChip';

const CARD_W = 250;
const CARD_H = 150;

/**
 * The directory as a grid of cards (the same data as the table), virtualised by rows of cards so 10,000 experts
 * stay fluid. Each card is a button: click or Enter opens the profile.
 */
export function ExpertCards(props: {
  rows: readonly ExpertRow[];
  onOpen: (r: ExpertRow) => void;
  selectedId: string | null;
}) {
  const { t } = useTranslation('experts');
  const scrollRef = useRef<HTMLDivElement>(null);
  const [perRow, setPerRow] = useState(3);
  useEffect(() => {
    const el = scrollRef.current;
    if (!el) return;
    const ro = new ResizeObserver(() =>
      setPerRow(Math.max(1, Math.floor((el.clientWidth - 12) / (CARD_W + 12)))),
    );
    ro.observe(el);
    return () => ro.disconnect();
  }, []);
  const lines = Math.ceil(props.rows.length / perRow);
  // Same reasoning as DataTable: nothing memoizes on the virtualizer's methods.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: lines,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => CARD_H + 12,
    overscan: 3,
  });
  if (props.rows.length === 0) return <p className="muted data-table-empty">{t('directory.noMatch')}</p>;
  return (
    <div ref={scrollRef} className="expert-cards" data-testid="expert-cards">
      <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {virtualizer.getVirtualItems().map((v) => (
          <div
            key={v.key}
            ref={virtualizer.measureElement}
            data-index={v.index}
            className="expert-card-line"
            style={{
              transform: `translateY(${v.start}px)`,
              gridTemplateColumns: `repeat(${perRow}, minmax(0, 1fr))`,
            }}
          >
            {props.rows.slice(v.index * perRow, v.index * perRow + perRow).map((r) => (
              <button
                key={r.id}
                className={r.id === props.selectedId ? 'expert-card selected' : 'expert-card'}
                data-testid="expert-card"
                data-id={r.id}
                onClick={() => props.onOpen(r)}
              >
                <span className="expert-card-head">
                  <strong>{r.label}</strong>
                  <RiskChip total={r.total} band={r.band} />
                </span>
                {r.aliases.length > 0 && <span className="muted small">{r.aliases.join(' · ')}</span>}
                <span className="small">{[r.title, r.department].filter(Boolean).join(' · ') || '—'}</span>
                <span className="expert-card-stats small">
                  <span>{t('card.items', { count: r.items })}</span>
                  <span>{t('card.capable', { count: r.capableItems })}</span>
                  <span className={r.soleItems > 0 ? 'sole' : ''}>
                    {t('card.sole', { count: r.soleItems })}
                  </span>
                </span>
                <span className="muted small">
                  {t('card.risk', { attrition: r.attrition, position: r.position, total: r.total })}
                </span>
              </button>
            ))}
          </div>
        ))}
      </div>
    </div>
  );
}
