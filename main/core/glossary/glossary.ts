import type { GraphDto, NodeDto } from '../../../preload/contract';
import { foldText } from '../util/text';

/**
 * The glossary (knowledge dictionary, DESIGN §2): the workspace's `term` nodes read as terms with their names, and
 * query expansion with them (issue 10 §3): a search for one name of a term also searches its other names.
 */

/** A glossary term as read from its `term` node (preload/contract/model.ts NODE_PROPS.term). */
export interface GlossaryTerm {
  /** The term node's id. */
  id: string;
  /** The term as written: the node's label. */
  label: string;
  /** The node's aliases (in the sample, the first is the English name). */
  aliases: string[];
  /** What the term means (plain text, may span lines); '' when not given. */
  definition: string;
  synonyms: string[];
  translations: { en?: string; zh?: string };
  /**
   * Every name of the term as written, in this order: label, aliases, synonyms, English, Chinese translation; each
   * once by its folded form ({@link foldVariant}), the first spelling kept; blank names left out.
   */
  variants: string[];
}

/** The terms of a workspace, indexed by id and by folded name. Built by {@link buildGlossary}; read-only. */
export interface Glossary {
  /** In the graph's order (creation order). */
  terms: readonly GlossaryTerm[];
  byId: ReadonlyMap<string, GlossaryTerm>;
  /** Folded name ({@link foldVariant}) → the terms that have it, in the order of `terms`. */
  byVariant: ReadonlyMap<string, readonly GlossaryTerm[]>;
  /** The most space-separated words in one folded name: the longest run of query words worth comparing. */
  maxWords: number;
}

/**
 * A name folded for comparison: NFKC (full-width `ＣＲＭ` → `CRM`, Kangxi radicals to the usual characters), lower
 * case (util/text.ts foldText), every run of whitespace one space, no leading or trailing space. Pure.
 * Examples: `Customer  Profile Card` → `customer profile card`; `ＡＱＬ` → `aql`.
 */
export function foldVariant(s: string): string {
  return foldText(s).replace(/\s+/g, ' ').trim();
}

/**
 * The glossary of a graph: one {@link GlossaryTerm} per node of kind `term` (other kinds are ignored, so the whole
 * graph or just its terms may be passed). Props are read defensively (the store validates them, but a GraphDto may
 * come from anywhere): a missing definition is '', non-string synonyms are skipped. Pure; O(terms × names).
 */
export function buildGlossary(graph: Pick<GraphDto, 'nodes'>): Glossary {
  const terms: GlossaryTerm[] = [];
  const byId = new Map<string, GlossaryTerm>();
  const byVariant = new Map<string, GlossaryTerm[]>();
  let maxWords = 0;
  for (const node of graph.nodes) {
    if (node.kind !== 'term') continue;
    const term = termOf(node);
    terms.push(term);
    byId.set(term.id, term);
    for (const v of term.variants) {
      const key = foldVariant(v);
      const list = byVariant.get(key);
      if (list) list.push(term);
      else byVariant.set(key, [term]);
      maxWords = Math.max(maxWords, key.split(' ').length);
    }
  }
  return { terms, byId, byVariant, maxWords };
}

function termOf(node: NodeDto): GlossaryTerm {
  const p = node.props;
  const strings = (v: unknown): string[] =>
    Array.isArray(v) ? v.filter((s): s is string => typeof s === 'string') : [];
  const t = (p.translations ?? {}) as Record<string, unknown>;
  const translations: GlossaryTerm['translations'] = {};
  if (typeof t.en === 'string' && t.en.trim()) translations.en = t.en;
  if (typeof t.zh === 'string' && t.zh.trim()) translations.zh = t.zh;
  const synonyms = strings(p.synonyms);
  const seen = new Set<string>();
  const variants: string[] = [];
  for (const name of [node.label, ...node.aliases, ...synonyms, translations.en, translations.zh]) {
    if (name === undefined) continue;
    const key = foldVariant(name);
    if (!key || seen.has(key)) continue;
    seen.add(key);
    variants.push(name.trim());
  }
  return {
    id: node.id,
    label: node.label,
    aliases: [...node.aliases],
    definition: typeof p.definition === 'string' ? p.definition : '',
    synonyms,
    translations,
    variants,
  };
}

/** One part of a query that is a name of a term, and the term's other names. */
export interface TermExpansion {
  termId: string;
  termLabel: string;
  /** The part of the query that equals a name of the term, as typed (a quoted phrase without its quotes). */
  matched: string;
  /** `[start, end)` UTF-16 offsets of that part in the query (a quoted phrase with its quotes). */
  start: number;
  end: number;
  /** The term's other names as written (not folded), in the term's order: what is searched besides `matched`. */
  variants: string[];
}

/** A query run besides the original: the original with one or more matched parts replaced by quoted names. */
export interface QueryAlternative {
  query: string;
  /** The names this query puts in place of the matched parts, as written. */
  variants: string[];
}

/** What {@link expandQuery} returns. */
export interface ExpandedQuery {
  original: string;
  /**
   * One entry per (matched part, term) that adds a name, in query order; a part that names two terms gives two
   * entries; a term whose only name is the one typed gives none.
   */
  expansions: TermExpansion[];
  /** The queries to run besides the original, fewest replacements first, at most {@link MAX_ALTERNATIVES}. */
  alternatives: QueryAlternative[];
  /** Every name the alternatives search, once each (by folded form), in query order: the "also searched" list. */
  alsoSearched: string[];
}

/**
 * Most queries an expansion adds. Each is a full search (about a millisecond, see search-index.ts); a query naming
 * several terms with many names each would otherwise multiply into hundreds.
 */
export const MAX_ALTERNATIVES = 16;

// The quote characters of the search's query language (search/query-terms.ts parseQuery, after NFKC, which turns
// the full-width ＂ into "): a quoted phrase opens and closes with any of them.
const QUOTES = '"\uff02\u201c\u201d\u201e\u300c\u300d';
const PIECE = new RegExp(`[${QUOTES}]([^${QUOTES}]*)[${QUOTES}]?|[^\\s${QUOTES}]+`, 'g');

interface Piece {
  start: number;
  end: number;
  /** The word, or the phrase without its quotes. */
  text: string;
  quoted: boolean;
}

/**
 * Expands a search query with the glossary. The query is cut as the search cuts it (search/query-terms.ts): into
 * words at whitespace, with `"double quotes"` (also “curly” and 「corner」 ones) keeping a phrase together. Then:
 *
 * - A **quoted phrase** that equals a name of a term (folded: NFKC, case, whitespace; see {@link foldVariant})
 *   expands to the term's other names.
 * - **Unquoted words** are read left to right, and at each word the longest run of consecutive words that equals
 *   a name wins (longest match first): with the names `customer` and `customer profile card`, the query
 *   `customer profile card template` expands `customer profile card`, and `template` is left alone. The whole query
 *   is the longest run of all, so a query that is a name expands as a whole.
 * - A name is only ever compared with **whole words**: nothing expands inside a longer word that is not itself a
 *   name. `客户资料卡模板` (one word) does not expand `客户资料卡`; `C++` does not expand the name `C`. A Chinese
 *   query of several words expands when its words are apart: `客户资料卡 模板`.
 *
 * Each expansion is searched as a quoted phrase in place of what it matched, the rest of the query unchanged (the
 * search ANDs the words of a query, so `客户资料卡 模板` also runs as `"客户档案卡" 模板`); when several parts
 * expand, their combinations run too, fewest replacements first, up to {@link MAX_ALTERNATIVES}.
 *
 * Example, with the term 客户档案卡 (synonym 客户资料卡, English `Customer profile card`):
 * `expandQuery('客户资料卡', g)` → expansions `[{ matched: '客户资料卡', variants: ['客户档案卡', 'Customer profile
 * card'] }]`, alternatives `"客户档案卡"` and `"Customer profile card"`, alsoSearched `['客户档案卡', 'Customer
 * profile card']`. A query that names no term gives no expansions and no alternatives. Pure; never throws.
 */
export function expandQuery(query: string, glossary: Glossary): ExpandedQuery {
  const expansions: TermExpansion[] = [];
  const spans: Array<{ start: number; end: number; variants: string[] }> = [];
  if (glossary.byVariant.size > 0) {
    const pieces = piecesOf(query);
    for (let i = 0; i < pieces.length;) {
      const found = matchAt(pieces, i, glossary);
      if (!found) {
        i++;
        continue;
      }
      const { start, end, terms, key, next } = found;
      const matched = pieces[i]!.quoted ? pieces[i]!.text : query.slice(start, end);
      const seen = new Set([key]);
      const all: string[] = [];
      for (const term of terms) {
        const variants = term.variants.filter((v) => foldVariant(v) !== key);
        if (variants.length)
          expansions.push({ termId: term.id, termLabel: term.label, matched, start, end, variants });
        for (const v of variants) {
          const k = foldVariant(v);
          if (!seen.has(k)) {
            seen.add(k);
            all.push(v);
          }
        }
      }
      if (all.length) spans.push({ start, end, variants: all });
      i = next;
    }
  }
  const alternatives = alternativesOf(query, spans);
  // In query order (as the user reads it), each name once, only the names some alternative searches (the cap).
  const used = new Set(alternatives.flatMap((a) => a.variants.map(foldVariant)));
  const alsoSearched: string[] = [];
  for (const s of spans)
    for (const v of s.variants) {
      const k = foldVariant(v);
      if (used.delete(k)) alsoSearched.push(v);
    }
  return { original: query, expansions, alternatives, alsoSearched };
}

function piecesOf(query: string): Piece[] {
  const pieces: Piece[] = [];
  for (const m of query.matchAll(PIECE)) {
    const quoted = m[1] !== undefined;
    pieces.push({ start: m.index, end: m.index + m[0].length, text: quoted ? m[1]! : m[0], quoted });
  }
  return pieces;
}

/** The longest name starting at piece `i` (a quoted phrase alone, or a run of unquoted words), or null. */
function matchAt(
  pieces: readonly Piece[],
  i: number,
  glossary: Glossary,
): { start: number; end: number; terms: readonly GlossaryTerm[]; key: string; next: number } | null {
  const first = pieces[i]!;
  if (first.quoted) {
    const key = foldVariant(first.text);
    const terms = glossary.byVariant.get(key);
    return terms ? { start: first.start, end: first.end, terms, key, next: i + 1 } : null;
  }
  let run = 0;
  while (run < glossary.maxWords && i + run < pieces.length && !pieces[i + run]!.quoted) run++;
  for (let n = run; n >= 1; n--) {
    const key = foldVariant(
      pieces
        .slice(i, i + n)
        .map((p) => p.text)
        .join(' '),
    );
    const terms = glossary.byVariant.get(key);
    if (terms) return { start: first.start, end: pieces[i + n - 1]!.end, terms, key, next: i + n };
  }
  return null;
}

/** The query with the names of `spans` put in, every combination, fewest replacements first, capped. */
function alternativesOf(
  query: string,
  spans: ReadonlyArray<{ start: number; end: number; variants: string[] }>,
): QueryAlternative[] {
  const out: QueryAlternative[] = [];
  const seen = new Set<string>();
  // choice[j] = index into spans[j].variants, or -1 to keep what the user typed.
  const emit = (choice: number[]): boolean => {
    let q = '';
    let at = 0;
    const variants: string[] = [];
    spans.forEach((s, j) => {
      if (choice[j]! < 0) return;
      const v = s.variants[choice[j]!]!;
      variants.push(v);
      // A name with a quote in it cannot be one phrase of the query language: the quote becomes a space.
      q += `${query.slice(at, s.start)}"${v.replace(new RegExp(`[${QUOTES}]`, 'g'), ' ').trim()}"`;
      at = s.end;
    });
    q += query.slice(at);
    if (!seen.has(q)) {
      seen.add(q);
      out.push({ query: q, variants });
    }
    return out.length < MAX_ALTERNATIVES;
  };
  // For k = 1, 2, … replaced spans: every set of k spans (in order), every product of their names.
  const chosen: number[] = spans.map(() => -1);
  const fill = (from: number, left: number): boolean => {
    if (left === 0) return emit(chosen);
    for (let j = from; j <= spans.length - left; j++) {
      for (let v = 0; v < spans[j]!.variants.length; v++) {
        chosen[j] = v;
        const more = fill(j + 1, left - 1);
        chosen[j] = -1;
        if (!more) return false;
      }
    }
    return true;
  };
  for (let k = 1; k <= spans.length; k++) if (!fill(0, k)) break;
  return out;
}
