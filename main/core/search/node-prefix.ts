import { findMatches, type QueryTerm } from './query-terms';
import type { NodeHit } from './search-types';
import type { NodeRecord } from './node-search';
import { normalizeForSearch } from './tokenize';

/** The last term may be a prefix when it is this long at least and made of Latin letters and digits. */
const MIN_PREFIX = 2;
const LATIN_PREFIX = /^[\p{Script=Latin}0-9]+$/u;

/**
 * Where a word of `text` (already folded) starts with `prefix`: a run of Latin letters and digits beginning at a
 * word boundary (start of text, or after a character that is not a Latin letter or digit — so `iso` is a prefix in
 * `iso9001认证` and `vis` in `visit record`). Returns the [start, end) of the first such prefix, or null.
 */
export function findPrefix(text: string, prefix: string): [number, number] | null {
  let from = 0;
  for (;;) {
    const i = text.indexOf(prefix, from);
    if (i < 0) return null;
    const before = i === 0 ? '' : text[i - 1]!;
    if (!/[\p{Script=Latin}0-9]/u.test(before)) return [i, i + prefix.length];
    from = i + 1;
  }
}

/**
 * As-you-type node search (the map's search box): when the query's LAST term is a Latin word of at least two
 * characters (`vis`, `custo`, `iso`), nodes whose label or an alias has a word starting with it match too, as
 * long as every other term matches as usual. The postings hold whole tokens only, so this is a scan of the node
 * records: O(nodes × fields), a few milliseconds at 50k nodes. Hits score below every full-term hit (`ceiling`,
 * the lowest full-term score, times 0.5 and a field weight), and nodes in `exclude` (already found) are skipped.
 * Returns at most `limit` hits, best first, and how many matched.
 */
export function prefixNodeHits(
  nodes: ReadonlyArray<NodeRecord | undefined>,
  terms: readonly QueryTerm[],
  options: { limit: number; kinds?: ReadonlySet<string>; exclude: ReadonlySet<string>; ceiling: number },
): { hits: NodeHit[]; total: number } {
  const last = terms[terms.length - 1];
  if (!last || last.text.length < MIN_PREFIX || !LATIN_PREFIX.test(last.text)) return { hits: [], total: 0 };
  const rest = terms.slice(0, -1);
  const found: Array<NodeHit & { fieldLength: number }> = [];
  for (const rec of nodes) {
    if (!rec || options.exclude.has(rec.nodeId) || (options.kinds && !options.kinds.has(rec.kind))) continue;
    const fields = [rec.label, ...rec.aliases];
    if (
      !rest.every(
        (t) =>
          fields.some((f) => findMatches(t, f, 1).length > 0) ||
          findMatches(t, rec.description, 1).length > 0,
      )
    )
      continue;
    const label = findPrefix(normalizeForSearch(rec.label), last.text);
    const alias = label ? null : rec.aliases.find((a) => findPrefix(normalizeForSearch(a), last.text));
    if (!label && !alias) continue;
    found.push({
      nodeId: rec.nodeId,
      kind: rec.kind,
      // Label prefixes before alias prefixes; shorter names first (closer to what was typed).
      score: options.ceiling * 0.5 * (label ? 1 : 0.8),
      label: rec.label,
      highlights: label && normalizeForSearch(rec.label) === rec.label ? [label] : [],
      matchedIn: [label ? 'label' : 'alias'],
      fieldLength: (label ? rec.label : alias!).length,
    });
  }
  found.sort((a, b) => b.score - a.score || a.fieldLength - b.fieldLength || a.label.localeCompare(b.label));
  return {
    hits: found.slice(0, options.limit).map(({ fieldLength: _, ...hit }) => hit),
    total: found.length,
  };
}
