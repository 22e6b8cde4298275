/** Filtering, ordering and grouping the glossary's term list (pure; the list component draws the result). */
import type { GlossaryTermDto } from '../../../../preload/contract';
import type { TermSort } from './store';

/** NFKC and case folded, so `ＡＱＬ` finds “AQL” (as the core compares names). */
export const fold = (s: string): string => s.normalize('NFKC').toLowerCase();

const collator = new Intl.Collator('zh-CN');

/**
 * The first Chinese character of each pinyin initial in zh-CN (pinyin) collation, A to Z without I, U and V (no
 * syllable starts with them): a character sorts under the last boundary it does not sort before. This is the
 * collation's order, not a dictionary, so a polyphone goes where the collation puts it (重 under Z, as zhòng).
 * pinyin-pro would read words (重庆 under C), but it is not a dependency yet.
 */
const PINYIN_BOUNDARIES = '阿八嚓哒妸发旮哈讥咔垃痳拏噢妑七呥扨它穵夕丫帀';
const PINYIN_LETTERS = 'ABCDEFGHJKLMNOPQRSTWXYZ';

/**
 * The group a term's label files under: its first Latin letter (upper case), the pinyin initial of a first Chinese
 * character, else `#` (digits, symbols). Examples: `AQL` → A, `版型` → B, `客户资料卡` → K, `3D 打印` → #.
 */
export function initialOf(label: string): string {
  const first = fold(label.trim()).codePointAt(0);
  if (first === undefined) return '#';
  const ch = String.fromCodePoint(first);
  if (/[a-z]/.test(ch)) return ch.toUpperCase();
  if (!/\p{Script=Han}/u.test(ch)) return '#';
  let letter = '#';
  for (let i = 0; i < PINYIN_BOUNDARIES.length; i++) {
    if (collator.compare(ch, PINYIN_BOUNDARIES[i]!) < 0) break;
    letter = PINYIN_LETTERS[i]!;
  }
  return letter;
}

/** True when every word of `query` is in one of the term's names or its definition (folded). */
export function termMatches(term: GlossaryTermDto, query: string): boolean {
  const words = fold(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const hay = [
    term.label,
    ...term.aliases,
    ...term.synonyms,
    term.translations.en ?? '',
    term.translations.zh ?? '',
    term.definition,
  ].map(fold);
  return words.every((w) => hay.some((h) => h.includes(w)));
}

/** A run of the list under one heading (`null`: the sort has no groups). */
export interface TermGroup {
  heading: string | null;
  terms: GlossaryTermDto[];
}

/**
 * The terms `query` keeps, ordered by `sort`: `label` in zh-CN collation grouped by {@link initialOf} (`#` last),
 * `updated` newest first and `mentions` most named first (ties by label), each as one group without a heading.
 */
export function groupTerms(terms: readonly GlossaryTermDto[], query: string, sort: TermSort): TermGroup[] {
  const kept = terms.filter((t) => termMatches(t, query));
  const byLabel = (a: GlossaryTermDto, b: GlossaryTermDto) => collator.compare(a.label, b.label);
  if (sort === 'updated')
    return [
      { heading: null, terms: kept.sort((a, b) => b.updatedAt.localeCompare(a.updatedAt) || byLabel(a, b)) },
    ];
  if (sort === 'mentions')
    return [{ heading: null, terms: kept.sort((a, b) => b.mentionedIn - a.mentionedIn || byLabel(a, b)) }];
  const groups = new Map<string, GlossaryTermDto[]>();
  for (const t of kept.sort(byLabel)) {
    const key = initialOf(t.label);
    const list = groups.get(key);
    if (list) list.push(t);
    else groups.set(key, [t]);
  }
  return [...groups.keys()]
    .sort((a, b) => (a === '#' ? 1 : b === '#' ? -1 : a.localeCompare(b)))
    .map((heading) => ({ heading, terms: groups.get(heading)! }));
}
