import { useId, useState, type ReactNode } from 'react';
import type { GlossaryMention } from '../../../../../preload/contract';
import { openTermInGlossary } from '../navigate';
import { TermCard } from './TermCard';

/**
 * One mention of a glossary term: the words underlined (dotted), focusable; hovering or focusing shows its
 * TermCard (referenced by aria-describedby while shown). Esc hides it; click or Enter opens the term in the
 * glossary.
 */
export function TermMention({ mention, children }: { mention: GlossaryMention; children: ReactNode }) {
  const id = useId();
  /** The mention's element while its card is shown. */
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const open = anchor !== null;
  return (
    <>
      <span
        className="term-mention"
        tabIndex={0}
        role="button"
        aria-describedby={open ? id : undefined}
        data-testid="term-mention"
        data-term-id={mention.termId}
        onMouseEnter={(e) => setAnchor(e.currentTarget)}
        onMouseLeave={() => setAnchor(null)}
        onFocus={(e) => setAnchor(e.currentTarget)}
        onBlur={() => setAnchor(null)}
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
            setAnchor(null);
          }
        }}
      >
        {children}
      </span>
      {anchor && <TermCard id={id} anchor={anchor} term={mention} />}
    </>
  );
}
