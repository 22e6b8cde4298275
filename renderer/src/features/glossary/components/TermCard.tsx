import { useLayoutEffect, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';

/** Widest hover card, CSS px (the stylesheet's max-width). */
const CARD_WIDTH = 340;

/** What a hover card shows of a term. */
export interface TermCardContent {
  label: string;
  definition: string;
  en?: string;
}

/**
 * The hover card of a term mention: the term, its English name and its definition, with the hint that a click
 * opens it in the glossary (role tooltip, `id` for the mention's aria-describedby). Drawn in document.body so no
 * panel's overflow clips it, below `anchor` or above it near the bottom edge, kept inside the window.
 */
export function TermCard(props: { id: string; anchor: Element; term: TermCardContent }) {
  const { t } = useTranslation('glossary');
  const ref = useRef<HTMLDivElement>(null);
  const [pos, setPos] = useState<{ left: number; top: number } | null>(null);
  useLayoutEffect(() => {
    const r = props.anchor.getBoundingClientRect();
    const h = ref.current?.offsetHeight ?? 120;
    const below = r.bottom + 6;
    const top = below + h > window.innerHeight - 8 ? Math.max(8, r.top - 6 - h) : below;
    const left = Math.max(8, Math.min(r.left, window.innerWidth - CARD_WIDTH - 8));
    setPos({ left, top });
  }, [props.anchor]);
  const { label, definition, en } = props.term;
  return createPortal(
    <div
      ref={ref}
      id={props.id}
      role="tooltip"
      className="term-card"
      data-testid="term-card"
      style={pos ? { left: pos.left, top: pos.top } : { visibility: 'hidden', left: 0, top: 0 }}
    >
      <div className="term-card-head">
        <strong>{label}</strong>
        {en && en !== label && <span className="muted">{en}</span>}
      </div>
      <p className={definition ? '' : 'muted'}>{definition || t('mention.noDefinition')}</p>
      <p className="term-card-hint small muted">{t('mention.open')}</p>
    </div>,
    document.body,
  );
}
