import OpenCC from 'opencc-js';
import { expandQuery, type ExpandedQuery, type Glossary, type TermExpansion } from '../glossary/glossary';
import { parseQuery } from './query-terms';
import { normalizeForSearch } from './tokenize';

/**
 * Simplified ↔ Traditional search (issue 11 §2): the forms of a query in the other script, phrase-level, with the
 * Taiwan and Hong Kong variants, from opencc-js 1.4.2 (pinned: dictionary updates change output).
 *
 * Query-side expansion, like the glossary's (glossary.ts expandQuery): each converted form is searched as a query
 * of its own and the hits merged (expanded-search.ts mergeHits). The index verifies every hit against the query it
 * was searched with, so a converted form only admits a page that contains that form, and snippets highlight the
 * page's own characters. Nothing about documents or the index changes.
 *
 * The converters (OpenCC configurations, see the opencc-js README):
 * - `twp → cn` (OpenCC tw2sp): Taiwan Traditional with phrases to Simplified: 軟體 → 软件, 記憶體 → 内存, 資料庫 → 数据库.
 * - `hk → cn` (hk2s): character-level Traditional to Simplified: 軟體 → 软体 (the word as a Simplified text
 *   converted character by character writes it). Also decides whether a word has Traditional characters at all.
 * - `cn → twp` (s2twp): Simplified to Taiwan Traditional with phrases: 软件 → 軟體, 内存 → 記憶體, 头发 → 頭髮.
 * - `cn → hk` (s2hk): Simplified to Hong Kong Traditional: 软件 → 軟件, 数据库 → 數據庫.
 * Character-level conversion alone gets words wrong where one Simplified character stands for two Traditional ones
 * (头发 is 頭髮, not 頭發; 皇后 stays 皇后, not 皇後): the phrase dictionaries decide those.
 *
 * Built lazily, once per process, on the first query with a Chinese character (0.3–0.6 s for the four; see
 * tests/bench/script-bench.ts); a conversion then takes microseconds.
 */

/** Most alternative searches script conversion adds to one query (its own forms and its glossary names' forms). */
export const MAX_SCRIPT_ALTERNATIVES = 8;

type Convert = (text: string) => string;

let converters: { twp2cn: Convert; hk2cn: Convert; cn2twp: Convert; cn2hk: Convert } | null = null;

/** The four converters, built on first use (lazy singletons). */
function conv(): NonNullable<typeof converters> {
  converters ??= {
    twp2cn: OpenCC.Converter({ from: 'twp', to: 'cn' }),
    hk2cn: OpenCC.Converter({ from: 'hk', to: 'cn' }),
    cn2twp: OpenCC.Converter({ from: 'cn', to: 'twp' }),
    cn2hk: OpenCC.Converter({ from: 'cn', to: 'hk' }),
  };
  return converters;
}

/**
 * Builds the converters now (about 0.3 s, once per process) rather than in the first query with a Chinese
 * character; SearchService.warm schedules it after a workspace opens. Never throws.
 */
export function prepareScriptConversion(): void {
  conv();
}

const HAN = /\p{sc=Han}/u;
/** Whitespace and the query language's quote characters: pieces are converted one by one between them. */
const SEPARATOR = /(\s+|["\uff02\u201c\u201d\u201e\u300c\u300d])/;

/** True when `text` has a character that character-level Traditional → Simplified conversion changes (軟, 體, 裡). */
export function hasTraditional(text: string): boolean {
  return HAN.test(text) && conv().hk2cn(text) !== text;
}

/**
 * The conversions of `text` in a fixed order (positions matter, see {@link planSearch}), duplicates and `text`
 * itself included: `[S₁, S₂, twp(S₁), hk(S₁), twp(S₂), hk(S₂)]`, where S₁ and S₂ are the Simplified forms. Each piece
 * (a word between whitespace or quotes) is converted on its own:
 * - with Traditional characters ({@link hasTraditional}): `twp → cn` in S₁ (軟體 → 软件), `hk → cn` in S₂ (软体);
 * - of characters both scripts share, when it is Taiwan vocabulary — Simplified → Taiwan leaves it as it is and
 *   Taiwan → Simplified changes it (程式 → 程序, 介面 → 界面, 列印 → 打印): `twp → cn` in S₁ and S₂;
 * - otherwise (Simplified, or shared and not only Taiwan's) as it is: the Taiwan phrase table would turn the
 *   mainland words 文件 into 文档 and 程序 into 进程 (Taiwan writes those 檔案 and 程式, see the next step), which is
 *   no change of script.
 * The Traditional forms then come from S₁ and S₂; one written only in characters both scripts share is kept only
 * when it is Taiwan vocabulary as above (程序 → 程式), else replaced by `text`: 文档 → Taiwan 文件 would find every
 * mainland 文件 (file).
 * Text without Chinese characters gives six copies of itself.
 */
function conversions(text: string): string[] {
  if (!HAN.test(text)) return Array<string>(6).fill(text);
  const c = conv();
  const pieces = text.split(SEPARATOR);
  const s1: string[] = [];
  const s2: string[] = [];
  pieces.forEach((p, i) => {
    if (i % 2 === 1 || !HAN.test(p)) {
      s1.push(p);
      s2.push(p);
    } else if (c.hk2cn(p) !== p) {
      s1.push(c.twp2cn(p));
      s2.push(c.hk2cn(p));
    } else {
      const word = taiwanOnly(p) ? c.twp2cn(p) : p;
      s1.push(word);
      s2.push(word);
    }
  });
  const a = s1.join('');
  const b = s2.join('');
  // A Traditional form in shared characters only is searched when it is Taiwan's own word (程序 → 程式), not when
  // it is a mainland word too: Taiwan's phrase table writes a document 文件, and 文档 would find every mainland 文件.
  const traditional = (f: string) => (hasTraditional(f) || taiwanOnly(f) ? f : text);
  return [
    a,
    b,
    traditional(c.cn2twp(a)),
    traditional(c.cn2hk(a)),
    traditional(c.cn2twp(b)),
    traditional(c.cn2hk(b)),
  ];
}

/** Taiwan vocabulary: Simplified → Taiwan leaves `word` as it is, Taiwan → Simplified changes it (程式, 介面). */
function taiwanOnly(word: string): boolean {
  const c = conv();
  return c.twp2cn(word) !== word && c.cn2twp(word) === word;
}

/**
 * The forms of `query` in the other script(s): Simplified, Taiwan Traditional (with phrases) and Hong Kong
 * Traditional, each once (compared as the search folds them: NFKC, lower case), without the query itself, in
 * that order. `scriptForms('软件')` → `['軟體', '軟件']`; `scriptForms('軟體')` → `['软件', '软体', '軟件']`;
 * `scriptForms('知識管理')` → `['知识管理']`; a query without Chinese characters → `[]`. Pure apart from building the
 * converters on first use; never throws.
 */
export function scriptForms(query: string): string[] {
  const seen = new Set([normalizeForSearch(query)]);
  const forms: string[] = [];
  for (const f of conversions(query)) {
    const key = normalizeForSearch(f);
    if (!seen.has(key)) {
      seen.add(key);
      forms.push(f);
    }
  }
  return forms;
}

/** One search besides the query's own: the query to run and the forms it stands for (a hit's `matchedForms`). */
export interface SearchAlternative {
  query: string;
  forms: string[];
}

/** Every search a query runs besides itself, with what the UI says about them. */
export interface SearchPlan {
  /** Glossary alternatives first (glossary.ts expandQuery), then script-converted ones. */
  alternatives: SearchAlternative[];
  /** Glossary names searched besides the query (the glossary's "also searched"). */
  alsoSearched: string[];
  /** Which parts of the query named which terms; offsets into the query as typed. */
  expansions: TermExpansion[];
  /**
   * The converted forms searched (the query's, then those of the glossary names), each once: the UI's "also
   * searched: 軟體". Empty when conversion is off or the query has no Chinese character.
   */
  scriptForms: string[];
}

/**
 * Plans the searches of `query`: glossary expansion (when `glossary` is given: expansion on) and script conversion
 * (when `convertScript`). In order:
 * 1. the glossary alternatives of the query (expandQuery; at most its MAX_ALTERNATIVES);
 * 2. the query's converted forms ({@link scriptForms}), each searched as it is;
 * 3. when the query itself names no glossary term but a converted form does (a Traditional query for a term
 *    written in Simplified), that form's glossary alternatives, as in 1 (their `expansions` are left out: their
 *    offsets would be into the converted form, not the query);
 * 4. the converted forms of the glossary alternatives of 1, with their names converted the same way as forms.
 * Steps 2–4 add at most {@link MAX_SCRIPT_ALTERNATIVES} searches together (2 first), so a query runs at most
 * 1 + 16 + 8 searches. Pure apart from the converters; never throws.
 */
export function planSearch(
  query: string,
  options: { glossary: Glossary | null; convertScript: boolean },
): SearchPlan {
  const none: ExpandedQuery = { original: query, expansions: [], alternatives: [], alsoSearched: [] };
  const { glossary, convertScript } = options;
  const own = glossary ? expandQuery(query, glossary) : none;
  const alternatives: SearchAlternative[] = own.alternatives.map((a) => ({
    query: a.query,
    forms: [...a.variants],
  }));
  const alsoSearched = [...own.alsoSearched];
  const formsSearched: string[] = [];
  if (!convertScript) return { alternatives, alsoSearched, expansions: own.expansions, scriptForms: [] };

  // Two queries with the same terms are one search (`"資料庫"` and `資料庫`).
  const keyOf = (q: string) =>
    parseQuery(q)
      .map((t) => t.text)
      .join('\u0000');
  const queued = new Set([keyOf(query), ...alternatives.map((a) => keyOf(a.query))]);
  let added = 0;
  /** Queues a search unless its query already is; `shown`: its converted forms, for `scriptForms`. */
  const add = (q: string, forms: string[], shown: readonly string[]): boolean => {
    if (added >= MAX_SCRIPT_ALTERNATIVES) return false;
    const key = keyOf(q);
    if (queued.has(key)) return true;
    queued.add(key);
    alternatives.push({ query: q, forms });
    added++;
    for (const f of shown) if (!formsSearched.includes(f)) formsSearched.push(f);
    return true;
  };

  const converted = scriptForms(query);
  for (const f of converted) add(f, [f], [f]);
  if (glossary && own.alternatives.length === 0) {
    for (const f of converted) {
      const other = expandQuery(f, glossary);
      if (other.alternatives.length === 0) continue;
      for (const a of other.alternatives) add(a.query, [...a.variants], []);
      for (const v of other.alsoSearched) if (!alsoSearched.includes(v)) alsoSearched.push(v);
      break;
    }
  }
  for (const a of own.alternatives) {
    const queries = conversions(a.query);
    const names = a.variants.map(conversions);
    for (let i = 0; i < queries.length; i++) {
      const forms = names.map((n) => n[i]!);
      if (
        !add(
          queries[i]!,
          forms,
          forms.filter((f, k) => f !== a.variants[k]),
        )
      )
        break;
    }
  }
  return { alternatives, alsoSearched, expansions: own.expansions, scriptForms: formsSearched };
}
