import { Fragment, type ReactNode } from 'react';
import type { GlossaryMention } from '../../../../../preload/contract';
import { useTermMentions } from '../queries';
import { TermMention } from './TermMention';

type Ranges = ReadonlyArray<readonly [number, number]>;

/** `text[from, to)` with the parts inside `marks` (sorted, not overlapping) wrapped in <mark>. */
function marked(text: string, from: number, to: number, marks: Ranges, key: string): ReactNode[] {
  const out: ReactNode[] = [];
  let at = from;
  marks.forEach(([s, e], i) => {
    const a = Math.max(s, from);
    const b = Math.min(e, to);
    if (a >= b) return;
    if (a > at) out.push(<Fragment key={`${key}t${i}`}>{text.slice(at, a)}</Fragment>);
    out.push(<mark key={`${key}m${i}`}>{text.slice(a, b)}</mark>);
    at = b;
  });
  if (at < to) out.push(<Fragment key={`${key}r`}>{text.slice(at, to)}</Fragment>);
  return out;
}

/**
 * `text` split into plain runs and glossary mentions, with `marks` (search hits) kept as <mark> across both. Pure.
 * @param mentions sorted and not overlapping (as glossary:mentions answers), offsets into `text`
 */
export function termParts(
  text: string,
  mentions: readonly GlossaryMention[],
  marks: Ranges = [],
): ReactNode[] {
  const out: ReactNode[] = [];
  let at = 0;
  mentions.forEach((m, i) => {
    if (m.start < at || m.end > text.length) return; // an answer for another version of the text
    out.push(...marked(text, at, m.start, marks, `p${i}`));
    out.push(
      <TermMention key={`m${i}`} mention={m}>
        {marked(text, m.start, m.end, marks, `m${i}`)}
      </TermMention>,
    );
    at = m.end;
  });
  out.push(...marked(text, at, text.length, marks, 'end'));
  return out;
}

/**
 * Text with the glossary's terms underlined (dotted), each showing its definition on hover or keyboard focus and
 * opening in the glossary on click or Enter (TermMention). Mentions come from glossary:mentions, cached per text
 * and refreshed after every graph change; until they arrive the text shows plain. `marks` are [start, end) ranges
 * to keep highlighted (the viewer's search hits).
 */
export function TermText({ text, marks }: { text: string; marks?: Ranges }) {
  const mentions = useTermMentions(text);
  return <>{termParts(text, mentions, marks)}</>;
}
