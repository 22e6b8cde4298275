/**
 * Text normalisation shared by the store's filters and the map search.
 *
 * better-sqlite3 ships SQLite without ICU, so case folding and Unicode normalisation happen here, in JS:
 * NFKC folds compatibility characters (full-width Ａ→A, Kangxi radical ⼀ U+2F00 → 一) and `toLowerCase` folds case.
 */
export function foldText(s: string): string {
  return s.normalize('NFKC').toLowerCase();
}

/** True when every whitespace-separated term of `query` occurs in one of `fields` (after folding). Empty query → true. */
export function matchesQuery(query: string, fields: ReadonlyArray<string>): boolean {
  const terms = foldText(query).split(/\s+/).filter(Boolean);
  if (terms.length === 0) return true;
  const hay = fields.map(foldText);
  return terms.every((t) => hay.some((h) => h.includes(t)));
}
