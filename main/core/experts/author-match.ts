import { foldText } from '../util/text';

const HAN = /\p{Script=Han}/u;
const LATIN = /\p{Script=Latin}/u;

/**
 * The keys a person's name matches under (issue 8 §7): the name folded (foldText: NFKC + lower case), trimmed,
 * inner whitespace collapsed, then
 *
 * - a name with Han characters and no Latin letters: inner spaces removed ("李 凌" → "李凌");
 * - "Family, Given" (one comma between two parts) read as "Given Family" ("Kinski, Andreas" → "andreas kinski");
 * - a Latin name of two or more words also in the other order: the last word first and the first word last
 *   ("Jianguo Wang" ↔ "Wang Jianguo"; "Tim van der Meij" → "meij tim van der", "van der meij tim");
 * - a part in brackets with Han text or two or more words is a name of its own ("Osamu Aoki（青木修）" → the keys
 *   of "Osamu Aoki" and of "青木修"); a one-word note in brackets ("Wang Wei (QA)") is dropped.
 *
 * Equality of keys is the whole test: no substring or initial matching, so "王伟" never matches "王伟民" and
 * "Andrea Kinski" never matches "Andreas Kinski".
 *
 * @returns distinct keys, the plain folded form first; `[]` for a blank name
 */
export function nameKeys(name: string): string[] {
  const folded = foldText(name).trim();
  const keys = new Set<string>();
  // A note in brackets ("(QA)", "(retired)") is no name: only Han text or two or more words count as one.
  const bracketed = [...folded.matchAll(/[(（]([^()（）]*)[)）]/gu)]
    .map((m) => m[1]!.trim())
    .filter((b) => HAN.test(b) || /\S\s+\S/.test(b));
  const outside = folded.replace(/[(（][^()（）]*[)）]/gu, ' ');
  for (const part of [outside, ...bracketed]) for (const k of plainKeys(part)) keys.add(k);
  return [...keys];
}

function plainKeys(part: string): string[] {
  let s = part.replace(/\s+/g, ' ').trim();
  if (!s) return [];
  if (HAN.test(s) && !LATIN.test(s)) return [s.replace(/\s/g, '')];
  const familyGiven = /^([^,]+?)\s*,\s*([^,]+)$/.exec(s);
  if (familyGiven) s = `${familyGiven[2]} ${familyGiven[1]}`;
  const words = s.split(' ');
  if (words.length < 2) return [s];
  const lastFirst = [words[words.length - 1], ...words.slice(0, -1)].join(' ');
  const firstLast = [...words.slice(1), words[0]].join(' ');
  return [...new Set([s, lastFirst, firstLast])];
}

/** A person the matcher knows: an expert's id and the names they go by (label first, then aliases). */
export interface NamedPerson {
  id: string;
  names: readonly string[];
}

/** Which person a recorded author is, and which of their names matched. */
export interface AuthorMatch {
  id: string;
  /** The person's name (label or alias, as stored) whose key equals one of the author's keys. */
  matched: string;
}

/**
 * Matches recorded document authors to people by their names' keys (`nameKeys`). Built once per graph, O(total
 * names); `match` is O(keys of the author).
 */
export class AuthorMatcher {
  /** key → person id → the first of their names with that key. */
  private readonly byKey = new Map<string, Map<string, string>>();

  constructor(people: Iterable<NamedPerson>) {
    for (const p of people) {
      for (const name of p.names) {
        for (const key of nameKeys(name)) {
          let owners = this.byKey.get(key);
          if (!owners) this.byKey.set(key, (owners = new Map()));
          if (!owners.has(p.id)) owners.set(p.id, name);
        }
      }
    }
  }

  /**
   * The one person an author is, or null: when no key matches, or when the author's keys match more than one
   * person (two experts called 王伟: proposing either could credit the wrong one, so neither is proposed).
   */
  match(author: string): AuthorMatch | null {
    const found = new Map<string, string>();
    for (const key of nameKeys(author)) {
      for (const [id, name] of this.byKey.get(key) ?? []) if (!found.has(id)) found.set(id, name);
    }
    if (found.size !== 1) return null;
    const [[id, matched]] = [...found] as [[string, string]];
    return { id, matched };
  }
}
