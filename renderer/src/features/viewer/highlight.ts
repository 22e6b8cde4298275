/** NFKC + lower case, the folding the search index uses. */
export function fold(s: string): string {
  return s.normalize('NFKC').toLowerCase();
}

/** The terms of a query to highlight: whitespace-separated, folded, empty ones dropped. */
export function queryTerms(query: string): string[] {
  return fold(query).split(/\s+/).filter(Boolean);
}

/**
 * [start, end) ranges of every occurrence of any term in `text`, merged and sorted. Folding can change a
 * string's length (e.g. ligatures); then offsets are searched in the folded text and mapped back char by char.
 */
export function findRanges(text: string, terms: readonly string[]): Array<[number, number]> {
  if (terms.length === 0 || !text) return [];
  // Map each folded char back to its source index.
  let folded = '';
  const back: number[] = [];
  for (let i = 0; i < text.length;) {
    const cp = text.codePointAt(i)!;
    const ch = String.fromCodePoint(cp);
    const f = fold(ch);
    for (let k = 0; k < f.length; k++) back.push(i);
    folded += f;
    i += ch.length;
  }
  back.push(text.length);
  const ranges: Array<[number, number]> = [];
  for (const term of terms) {
    for (let at = folded.indexOf(term); at >= 0; at = folded.indexOf(term, at + Math.max(1, term.length))) {
      const end = back[at + term.length] ?? text.length;
      ranges.push([back[at]!, end > back[at]! ? end : back[at]! + 1]);
    }
  }
  ranges.sort((a, b) => a[0] - b[0]);
  const merged: Array<[number, number]> = [];
  for (const r of ranges) {
    const last = merged[merged.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else merged.push([r[0], r[1]]);
  }
  return merged;
}
