/**
 * Glossary terms underlined in pdf.js's text layer (the PDF viewer): the layer is plain DOM that pdf.js builds, so
 * the mentions are wrapped there directly, in `<u>` elements — a `<span>` would not do: pdf.js positions every
 * span of the layer absolutely, nested ones too. Search hits (`<mark class="hit">`, viewer/engine/pdf-view.ts)
 * stay as they are: a mention is wrapped text node by text node, so it may run across a hit.
 */
import type { GlossaryMention } from '../../../../preload/contract';
import { call } from '../../api/client';

/** Most texts one glossary:mentions call takes (its input limit). */
const BATCH = 100;

/** The mention each wrapped element shows (read by the layer's card host, LayerTermCards). */
export const layerMentions = new WeakMap<Element, GlossaryMention>();

/** Wraps `[start, end)` of `el`'s text, one `<u>` per text node it touches, each made by `make`. */
function wrapRange(el: Element, start: number, end: number, make: () => HTMLElement): void {
  const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
  const parts: Array<{ node: Text; from: number; to: number }> = [];
  let at = 0;
  for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
    const len = n.data.length;
    const from = Math.max(start, at) - at;
    const to = Math.min(end, at + len) - at;
    if (from < to) parts.push({ node: n, from, to });
    at += len;
  }
  for (const { node, from, to } of parts) {
    let middle = node;
    if (from > 0) middle = middle.splitText(from);
    if (to - from < middle.data.length) middle.splitText(to - from);
    const wrapper = make();
    middle.replaceWith(wrapper);
    wrapper.append(middle);
  }
}

/**
 * Underlines the glossary's terms in the text layer `layer`: asks glossary:mentions for the text of each of its
 * text spans (in batches of {@link BATCH}), wraps every mention in `<u class="term-mention">` (focusable, with its
 * term in {@link layerMentions}), and returns how many mentions it wrapped. Spans the layer dropped meanwhile (the
 * page was turned) are left alone. A mention that pdf.js split over two spans is not found (each span is a text
 * of its own). @throws ApiError when glossary:mentions is refused
 */
export async function underlineTermsInLayer(layer: HTMLElement): Promise<number> {
  const spans = Array.from(layer.querySelectorAll('span')).filter(
    (s) => !s.querySelector('span') && (s.textContent ?? '').trim(),
  );
  let count = 0;
  for (let i = 0; i < spans.length; i += BATCH) {
    const batch = spans.slice(i, i + BATCH);
    const { mentions } = await call('glossary:mentions', { texts: batch.map((s) => s.textContent ?? '') });
    batch.forEach((span, k) => {
      if (!span.isConnected) return;
      for (const m of mentions[k] ?? []) {
        wrapRange(span, m.start, m.end, () => {
          const u = document.createElement('u');
          u.className = 'term-mention';
          u.tabIndex = 0;
          u.setAttribute('role', 'button');
          u.dataset.testid = 'term-mention';
          u.dataset.termId = m.termId;
          layerMentions.set(u, m);
          return u;
        });
        count++;
      }
    });
  }
  return count;
}
