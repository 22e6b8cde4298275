import { useEffect, useId, useState } from 'react';
import { openTermInGlossary } from '../navigate';
import { layerMentions } from '../text-layer-terms';
import { TermCard } from './TermCard';

/**
 * The hover cards of the term mentions that text-layer-terms.ts wrapped in a DOM tree React does not own (pdf.js's
 * text layer): one listener set on `container` shows the TermCard of the mention under the pointer or with the
 * focus (aria-describedby set while shown), Esc hides it, click or Enter opens the term in the glossary. Renders
 * only the card.
 */
export function LayerTermCards({ container }: { container: HTMLElement | null }) {
  const id = useId();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  useEffect(() => {
    if (!container) return;
    const mentionOf = (t: EventTarget | null) =>
      t instanceof Element ? (t.closest('.term-mention') as HTMLElement | null) : null;
    const show = (e: Event) => {
      const m = mentionOf(e.target);
      if (m && layerMentions.has(m)) setAnchor(m);
    };
    const hide = (e: Event) => {
      const m = mentionOf(e.target);
      const to = (e as MouseEvent | FocusEvent).relatedTarget;
      if (m && !(to instanceof Node && m.contains(to))) setAnchor((a) => (a === m ? null : a));
    };
    const open = (e: Event) => {
      const m = mentionOf(e.target);
      const mention = m && layerMentions.get(m);
      if (!mention) return;
      e.preventDefault();
      e.stopPropagation();
      openTermInGlossary(mention.termId);
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Enter') open(e);
      else if (e.key === 'Escape' && mentionOf(e.target)) {
        e.stopPropagation();
        setAnchor(null);
      }
    };
    container.addEventListener('mouseover', show);
    container.addEventListener('mouseout', hide);
    container.addEventListener('focusin', show);
    container.addEventListener('focusout', hide);
    container.addEventListener('click', open);
    container.addEventListener('keydown', onKey);
    return () => {
      container.removeEventListener('mouseover', show);
      container.removeEventListener('mouseout', hide);
      container.removeEventListener('focusin', show);
      container.removeEventListener('focusout', hide);
      container.removeEventListener('click', open);
      container.removeEventListener('keydown', onKey);
    };
  }, [container]);
  useEffect(() => {
    if (!anchor) return;
    anchor.setAttribute('aria-describedby', id);
    return () => anchor.removeAttribute('aria-describedby');
  }, [anchor, id]);
  const mention = anchor ? layerMentions.get(anchor) : undefined;
  if (!anchor || !mention || !anchor.isConnected) return null;
  return <TermCard id={id} anchor={anchor} term={mention} />;
}
