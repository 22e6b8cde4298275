import { parseQuery, findMatches, type QueryTerm } from '../search/query-terms';
import { bm25Tf, idf } from '../search/ranking';
import type { SearchIndex } from '../search/search-index';
import { buildSnippets } from '../search/snippet';
import { normalizeForSearch } from '../search/tokenize';

/**
 * The evidence finder's ranking of library pages for one knowledge item (issue 7), a pure function over the search
 * index.
 *
 * Method. Each of the item's names — its label and every alias — is searched as one quoted phrase with the search's
 * own query language (`query-terms.ts`: NFKC + case folding, Latin words whole, CJK as a substring), through
 * `SearchIndex.termHits`: candidates from the postings of the name's rarest token, each verified against the page's
 * NFKC text, so a page is a candidate only when it really contains the name (no fuzzy or bigram noise). A page's
 * score for a name is
 *
 *   weight(name) × idf(df) × bm25Tf(tf, length) × (1 + min(chars, 24) / 24) × (1.5 if in the opening lines)
 *
 * — Okapi BM25 with k1 = 1.2, b = 0.3 (less length normalisation than the search's 0.75) and Lucene's idf (Robertson & Zaragoza 2009; `ranking.ts`), where df is the
 * number of pages containing the name (so a rarer name counts more) and tf its occurrences on the page (capped at 8,
 * as the search does); `weight` is 1 for the label and 0.8 for an alias; the length factor prefers longer, more
 * specific names (up to 2× at 24 characters); "opening lines" means the first occurrence lies in the page's first
 * four lines and first 300 characters (a title or heading) of a page of at least 200 characters (a one-line note
 * is all opening). A page keeps its best name.
 *
 * One page per document: a `documented_by` link is one edge per item and document whose `page` an accept would
 * overwrite (GraphStore.linkDocument), so a second page of the same document is no second piece of evidence.
 * Documents the item already links (any page) and rejected pages are skipped before ranking, so the best
 * {@link MAX_PROPOSALS} remaining are proposed. Names that are too short or generic to mean anything — under two
 * letters/digits in all (`A`, `知`; `+` and `#` count, so `C++` and `C#` are names), or digits only (`2024`) — are
 * not searched.
 */

/** Proposals kept per knowledge item, at most. */
export const MAX_PROPOSALS = 5;
/** Candidate pages verified per name, at most (a name in more pages than this is common; the best are looked at). */
export const VERIFY_BUDGET = 2000;
/** Occurrences counted per page (BM25 is within 10% of its limit by then). */
const TF_CAP = 8;
const ALIAS_WEIGHT = 0.8;
const OPENING_BONUS = 1.5;
const OPENING_LINES = 4;
const OPENING_CHARS = 300;
/**
 * Length normalisation of the page score (BM25's b). The search uses 0.75; evidence wants less: a page that
 * documents an item is a page of substance, and full normalisation let a one-line note outrank the manual page
 * that explains the item (QA, issue 7).
 */
const EVIDENCE_B = 0.3;
/** A page shorter than this (characters) is all "opening": it gets no heading bonus. */
const OPENING_MIN_PAGE = 200;
/** Snippet width in UTF-16 units. */
const SNIPPET_WIDTH = 160;

/** A knowledge item as the finder sees it. */
export interface EvidenceItem {
  id: string;
  label: string;
  aliases: readonly string[];
}

/** What the finder must not propose for an item. */
export interface EvidenceExclusions {
  /** True when the item links the document (any page): the whole document is skipped. */
  linked(itemId: string, docId: number): boolean;
  /** True when the user rejected this page for the item. */
  rejected(itemId: string, docId: number, page: number): boolean;
}

/** One ranked proposal (rank 0 = best of its item). */
export interface FoundEvidence {
  knowledgeId: string;
  docId: number;
  page: number;
  rank: number;
  score: number;
  /** The name that matched, as the item spells it. */
  matched: string;
  /** A window around the matches, highlights `[start, end)` in UTF-16 units of `text`. */
  snippet: { text: string; highlights: Array<[number, number]> };
}

/** A name worth searching, parsed once: the item's spelling and the query term. */
interface Name {
  raw: string;
  term: QueryTerm;
  weight: number;
  chars: number;
}

/**
 * The names of `item` worth searching, label first; duplicates (after folding) and short or generic names dropped
 * (see the file comment). Pure.
 */
export function searchableNames(item: EvidenceItem): Name[] {
  const out: Name[] = [];
  const seen = new Set<string>();
  [item.label, ...item.aliases].forEach((raw, i) => {
    const folded = normalizeForSearch(raw).replace(/\s+/g, ' ').trim();
    if (!folded || seen.has(folded)) return;
    seen.add(folded);
    // Letters and digits, and the marks that make a name of one letter (C++, C#, F#) a name of its own.
    const significant = folded.match(/[\p{L}\p{N}+#]/gu) ?? [];
    if (significant.length < 2 || /^[\p{N}\s.,:/-]+$/u.test(folded)) return;
    const terms = parseQuery(`"${folded.replaceAll('"', ' ')}"`);
    if (terms.length !== 1 || terms[0]!.tokens.length === 0) return;
    out.push({ raw, term: terms[0]!, weight: i === 0 ? 1 : ALIAS_WEIGHT, chars: significant.length });
  });
  return out;
}

/** True when offset `at` of `text` lies in its opening lines (see the file comment). */
function inOpening(text: string, at: number): boolean {
  if (at > OPENING_CHARS) return false;
  let lines = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < at; i = text.indexOf('\n', i + 1)) {
    if (++lines >= OPENING_LINES) return false;
  }
  return true;
}

interface Best {
  docId: number;
  page: number;
  score: number;
  name: Name;
  text: string;
}

/**
 * Ranked proposals of one item: at most {@link MAX_PROPOSALS} pages, one per document, best first, none linked or
 * rejected (see the file comment for the score). Costs one `termHits` per name plus a match scan per hit. Pure
 * apart from reading `index`; never throws.
 */
export function findEvidence(
  item: EvidenceItem,
  index: SearchIndex,
  exclusions: EvidenceExclusions,
): FoundEvidence[] {
  const bestByDoc = new Map<number, Best>();
  for (const name of searchableNames(item)) {
    const { hits, n, avgLength } = index.termHits(name.term, VERIFY_BUDGET);
    if (hits.length === 0) continue;
    const weight = name.weight * idf(hits.length, n) * (1 + Math.min(name.chars, 24) / 24);
    for (const h of hits) {
      if (exclusions.linked(item.id, h.docId) || exclusions.rejected(item.id, h.docId, h.page)) continue;
      const matches = findMatches(name.term, h.text, TF_CAP);
      if (matches.length === 0) continue;
      let score = weight * bm25Tf(matches.length / 2, h.length, avgLength, EVIDENCE_B);
      if (h.text.length >= OPENING_MIN_PAGE && inOpening(h.text, matches[0]!)) score *= OPENING_BONUS;
      const prev = bestByDoc.get(h.docId);
      if (!prev || score > prev.score || (score === prev.score && h.page < prev.page))
        bestByDoc.set(h.docId, { docId: h.docId, page: h.page, score, name, text: h.text });
    }
  }
  const top = [...bestByDoc.values()]
    .sort((a, b) => b.score - a.score || a.docId - b.docId)
    .slice(0, MAX_PROPOSALS);
  return top.map((b, rank) => {
    const all = findMatches(b.name.term, b.text, 64);
    const termMatches = [];
    for (let i = 0; i < all.length; i += 2) termMatches.push({ term: 0, start: all[i]!, end: all[i + 1]! });
    const s = buildSnippets(b.text, termMatches, { width: SNIPPET_WIDTH, max: 1 })[0];
    return {
      knowledgeId: item.id,
      docId: b.docId,
      page: b.page,
      rank,
      score: Math.round(b.score * 1000) / 1000,
      matched: b.name.raw,
      snippet: s ? { text: s.text, highlights: s.highlights } : { text: '', highlights: [] },
    };
  });
}
