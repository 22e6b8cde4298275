import { useId, useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import type { GlossaryMention } from '../../../../../preload/contract';
import { openTermInGlossary } from '../navigate';

/** Widest hover card, CSS px (the stylesheet's max-width). */
const CARD_WIDTH = 340;

/**
 * One mention of a glossary term: the words underlined (dotted), focusable; hovering or focusing shows a card with
 * the term, its English name and its definition (role tooltip, referenced by aria-describedby while shown, drawn
 * in document.body so no panel's overflow clips it, below the words or above them near the bottom edge). Esc hides
 * it; click or Enter opens the term in the glossary.
 */
export function TermMention({ mention, children }: { mention: GlossaryMention; children: ReactNode }) {
  const { t } = useTranslation('glossary');
  const id = useId();
  const ref = useRef<HTMLSpanElement>(null);
  const cardRef = useRef<HTMLDivElement>(null);
  const [open, setOpen] = useState(false);
  const [pos, setPos] = useState<{ left: number; top: number } | null>(null);
  useLayoutEffect(() => {
    if (!open || !ref.current) return;
    const r = ref.current.getBoundingClientRect();
    const h = cardRef.current?.offsetHeight ?? 120;
    const below = r.bottom + 6;
    const top = below + h > window.innerHeight - 8 ? Math.max(8, r.top - 6 - h) : below;
    const left = Math.max(8, Math.min(r.left, window.innerWidth - CARD_WIDTH - 8));
    setPos({ left, top });
  }, [open]);
  const en = mention.en && mention.en !== mention.label ? mention.en : null;
  return (
    <>
      <span
        ref={ref}
        className="term-mention"
        tabIndex={0}
        role="button"
        aria-describedby={open ? id : undefined}
        data-testid="term-mention"
        data-term-id={mention.termId}
        onMouseEnter={() => setOpen(true)}
        onMouseLeave={() => setOpen(false)}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onClick={(e) => {
          e.stopPropagation();
          openTermInGlossary(mention.termId);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter' || e.key === ' ') {
            e.preventDefault();
            e.stopPropagation();
            openTermInGlossary(mention.termId);
          } else if (e.key === 'Escape' && open) {
            e.stopPropagation();
            setOpen(false);
          }
        }}
      >
        {children}
      </span>
      {open &&
        createPortal(
          <div
            ref={cardRef}
            id={id}
            role="tooltip"
            className="term-card"
            data-testid="term-card"
            style={pos ? { left: pos.left, top: pos.top } : { visibility: 'hidden', left: 0, top: 0 }}
          >
            <div className="term-card-head">
              <strong>{mention.label}</strong>
              {en && <span className="muted">{en}</span>}
            </div>
            <p className={mention.definition ? '' : 'muted'}>
              {mention.definition || t('mention.noDefinition')}
            </p>
            <p className="term-card-hint small muted">{t('mention.open')}</p>
          </div>,
          document.body,
        )}
    </>
  );
}
