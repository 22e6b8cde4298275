/**
 * Snippets: short windows of a text around query matches, with the matches as highlight ranges.
 *
 * The window (default 120 characters) is placed to cover the most *distinct* query terms, then the most matches,
 * starting a little before its first match (a quarter of the width, moved to a whitespace or CJK punctuation
 * boundary when one is near). Whitespace runs inside the window collapse to one space, so highlight ranges are
 * given in the coordinates of the snippet's own `text`; `start`/`end` locate the window in the NFKC text.
 */

/** A window of text with highlighted matches. */
export interface Snippet {
  /** The window's text, whitespace runs collapsed to one space, trimmed. */
  text: string;
  /** Highlighted ranges `[start, end)` in UTF-16 units of `text`, sorted and non-overlapping. */
  highlights: Array<[number, number]>;
  /** Where the window starts and ends in the (NFKC) source text, UTF-16 units. */
  start: number;
  end: number;
}

/** One match in the source text. */
export interface TermMatch {
  /** Index of the query term that matched. */
  term: number;
  start: number;
  end: number;
}

/** Options of {@link buildSnippets}. */
export interface SnippetOptions {
  /** Window width in UTF-16 units (default 120). */
  width?: number;
  /** Maximum number of windows (default 2); a further window is made only for matches outside the earlier ones. */
  max?: number;
}

const BREAK = /[\s\u3000-\u303f\uff0c\uff1b\uff1a\uff01\uff1f]/;

/** `\s` of JavaScript regular expressions, by code unit (a regex call per character is slow). */
function isSpace(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  return (
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/**
 * Snippets of `text` around `matches` (any order). Returns `[]` when there are no matches. Pure; O(m²) in the
 * number of matches `m`, which callers cap.
 */
export function buildSnippets(
  text: string,
  matches: readonly TermMatch[],
  options: SnippetOptions = {},
): Snippet[] {
  const width = Math.max(20, options.width ?? 120);
  const max = Math.max(1, options.max ?? 2);
  let rest = [...matches].sort((a, b) => a.start - b.start);
  const out: Snippet[] = [];
  while (rest.length > 0 && out.length < max) {
    const [from, to] = bestWindow(text, rest, width);
    out.push(render(text, from, to, rest));
    rest = rest.filter((m) => m.end <= from || m.start >= to);
  }
  return out.sort((a, b) => a.start - b.start);
}

/**
 * The `[from, to)` window that covers the most distinct terms, then the most matches, earliest first. A sliding
 * window over the matches sorted by start: O(m) with per-term counters.
 */
function bestWindow(text: string, sorted: readonly TermMatch[], width: number): [number, number] {
  const counts = new Int32Array(sorted.reduce((n, m) => Math.max(n, m.term + 1), 0));
  let best = { terms: -1, count: -1, anchor: 0 };
  let distinct = 0;
  let j = 0;
  for (let i = 0; i < sorted.length; i++) {
    const a = sorted[i]!;
    const limit = Math.max(a.end, a.start + Math.floor((width * 3) / 4));
    if (j <= i) j = i; // a long earlier match may have held the right edge back
    while (j < sorted.length && sorted[j]!.end <= limit) {
      const t = sorted[j]!.term;
      if (counts[t] === 0) distinct++;
      counts[t] = counts[t]! + 1;
      j++;
    }
    const count = j - i;
    if (distinct > best.terms || (distinct === best.terms && count > best.count)) {
      best = { terms: distinct, count, anchor: i };
    }
    if (j > i) {
      counts[a.term] = counts[a.term]! - 1;
      if (counts[a.term] === 0) distinct--;
    }
  }
  const first = sorted[best.anchor]!;
  let from = Math.max(0, first.start - Math.floor(width / 4));
  // Prefer to start just after a break within the lead-in, so the window does not open mid-word.
  for (let p = from; p < first.start && p < from + 12; p++) {
    if (BREAK.test(text[p]!)) {
      from = p + 1;
      break;
    }
  }
  let to = Math.min(text.length, from + width);
  if (to < first.end) to = first.end;
  // Near the end of the text, widen to the left rather than show a short window.
  if (to - from < width) from = Math.max(0, to - width);
  return [snapToCodePoint(text, from), snapToCodePoint(text, to)];
}

/** Moves an offset that falls inside a surrogate pair to the pair's start. */
function snapToCodePoint(text: string, i: number): number {
  const u = text.charCodeAt(i);
  return u >= 0xdc00 && u <= 0xdfff && i > 0 ? i - 1 : i;
}

function render(text: string, from: number, to: number, matches: readonly TermMatch[]): Snippet {
  // Map each source offset in [from, to] to its offset in the collapsed snippet text.
  const map = new Int32Array(to - from + 1);
  let out = '';
  let lastSpace = true; // trims leading whitespace
  for (let p = from; p < to; p++) {
    map[p - from] = out.length;
    const ch = text[p]!;
    if (isSpace(text.charCodeAt(p))) {
      if (!lastSpace) out += ' ';
      lastSpace = true;
    } else {
      out += ch;
      lastSpace = false;
    }
  }
  map[to - from] = out.length;
  const trimmed = out.replace(/ $/, '');
  const highlights: Array<[number, number]> = [];
  for (const m of matches) {
    if (m.start < from || m.end > to) continue;
    const s = map[m.start - from]!;
    const e = Math.min(map[m.end - from]!, trimmed.length);
    if (e <= s) continue;
    const last = highlights[highlights.length - 1];
    if (last && s <= last[1]) last[1] = Math.max(last[1], e);
    else highlights.push([s, e]);
  }
  return { text: trimmed, highlights, start: from, end: to };
}
