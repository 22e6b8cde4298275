import { allMatches, lookup } from './candidates';
import type { PostingIndex } from './posting-index';
import { findMatches, type QueryTerm } from './query-terms';
import { NODE_FIELD_WEIGHT, fieldTf, idf } from './ranking';
import type { NodeHit } from './search-types';
import { buildSnippets } from './snippet';
import { normalizeForSearch } from './tokenize';

/** A graph node as kept by the index: fields NFKC-normalised. */
export interface NodeRecord {
  nodeId: string;
  kind: string;
  label: string;
  aliases: string[];
  description: string;
}

/** Options of {@link searchNodes}. */
export interface NodeSearchOptions {
  /** Hits to return. */
  limit: number;
  /** Only these kinds (all when absent). */
  kinds?: ReadonlySet<string>;
  /** Width of the alias/description snippet. */
  snippetWidth: number;
}

const TF_CAP = 8;

/**
 * Node search: candidates from `postings`, verified per field (every term must match label, an alias or the
 * description, by the rules of `query-terms.ts`), scored as in `ranking.ts`. `nodes` is indexed by internal id.
 * Returns the best `limit` hits and the number of matching nodes. Pure apart from the posting lookups.
 */
export function searchNodes(
  postings: PostingIndex,
  nodes: ReadonlyArray<NodeRecord | undefined>,
  nodeCount: number,
  terms: readonly QueryTerm[],
  options: NodeSearchOptions,
): { hits: NodeHit[]; total: number } {
  const n = Math.max(1, nodeCount);
  const { groups, df } = lookup(postings, terms, () => 0);
  const whole = terms.map((t) => t.text).join(' ');
  const scored: Array<{ rec: NodeRecord; score: number; matchedIn: Set<NodeHit['matchedIn'][number]> }> = [];
  const ids: number[] = [];
  postings.intersect(groups, (id) => ids.push(id));
  for (const iid of ids) {
    const rec = nodes[iid];
    if (!rec || (options.kinds && !options.kinds.has(rec.kind))) continue;
    const matchedIn = new Set<NodeHit['matchedIn'][number]>();
    let score = 0;
    for (const t of terms) {
      let s = 0;
      const inLabel = findMatches(t, rec.label, TF_CAP).length / 2;
      if (inLabel) {
        s += NODE_FIELD_WEIGHT.label * fieldTf(inLabel);
        matchedIn.add('label');
      }
      for (const alias of rec.aliases) {
        const k = findMatches(t, alias, TF_CAP).length / 2;
        if (k) {
          s += NODE_FIELD_WEIGHT.alias * fieldTf(k);
          matchedIn.add('alias');
        }
      }
      const inDescription = findMatches(t, rec.description, TF_CAP).length / 2;
      if (inDescription) {
        s += NODE_FIELD_WEIGHT.description * fieldTf(inDescription);
        matchedIn.add('description');
      }
      if (s === 0) {
        score = -1;
        break;
      }
      score += idf(df.get(t) ?? n, n) * s;
    }
    if (score < 0) continue;
    const exact = [rec.label, ...rec.aliases].some(
      (f) => normalizeForSearch(f).replace(/\s+/g, ' ').trim() === whole,
    );
    scored.push({ rec, score: exact ? score * 2 : score, matchedIn });
  }
  scored.sort((a, b) => b.score - a.score || a.rec.label.localeCompare(b.rec.label));
  const hits = scored.slice(0, options.limit).map(({ rec, score, matchedIn }): NodeHit => {
    const highlights: Array<[number, number]> = [];
    for (const m of allMatches(terms, rec.label).sort((a, b) => a.start - b.start)) {
      const last = highlights[highlights.length - 1];
      if (last && m.start <= last[1]) last[1] = Math.max(last[1], m.end);
      else highlights.push([m.start, m.end]);
    }
    const hit: NodeHit = {
      nodeId: rec.nodeId,
      kind: rec.kind,
      score,
      label: rec.label,
      highlights,
      matchedIn: [...matchedIn],
    };
    const other = [rec.description, ...rec.aliases].find((f) =>
      terms.some((t) => findMatches(t, f, 1).length > 0),
    );
    if (!matchedIn.has('label') && other !== undefined) {
      hit.snippet = buildSnippets(other, allMatches(terms, other), {
        width: options.snippetWidth,
        max: 1,
      })[0];
    }
    return hit;
  });
  return { hits, total: scored.length };
}
