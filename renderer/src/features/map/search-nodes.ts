import type { NodeDto } from '../../../../preload/contract';

/** NFKC + lower case, so full-width letters, Kangxi radicals and case all match (same folding as the core). */
export function fold(s: string): string {
  return s.normalize('NFKC').toLowerCase();
}

/**
 * Finds nodes whose label or an alias contains the query (folded), best first: exact label, label prefix,
 * label substring, then alias matches; shorter labels first within a rank. Returns at most `limit` nodes.
 */
export function searchNodes(nodes: readonly NodeDto[], query: string, limit: number): NodeDto[] {
  const q = fold(query.trim());
  if (!q) return [];
  const scored: Array<{ n: NodeDto; rank: number }> = [];
  for (const n of nodes) {
    const label = fold(n.label);
    let rank = -1;
    if (label === q) rank = 0;
    else if (label.startsWith(q)) rank = 1;
    else if (label.includes(q)) rank = 2;
    else if (n.aliases.some((a) => fold(a).includes(q))) rank = 3;
    if (rank >= 0) scored.push({ n, rank });
  }
  scored.sort((a, b) => a.rank - b.rank || a.n.label.length - b.n.label.length);
  return scored.slice(0, limit).map((s) => s.n);
}
