/** A value a table column sorts by. `null` (no value) sorts last in both directions' natural order. */
export type SortValue = number | string | null;

const collators = new Map<string, Intl.Collator>();

/**
 * The collator tables sort text with: pinyin order for Chinese (`zh-CN-u-co-pinyin`, CLDR's collation by reading,
 * so 安 < 李 < 张), English rules otherwise; numeric so "Item 2" < "Item 10". Cached per language.
 */
export function tableCollator(language: string): Intl.Collator {
  let c = collators.get(language);
  if (!c) {
    c = new Intl.Collator(language === 'zh-CN' ? 'zh-CN-u-co-pinyin' : 'en', {
      numeric: true,
      sensitivity: 'base',
    });
    collators.set(language, c);
  }
  return c;
}

/**
 * Compares two sort values ascending: null after everything, numbers numerically, strings with
 * {@link tableCollator}, a number before a string. Returns < 0, 0 or > 0 like `Array.prototype.sort`'s comparator.
 */
export function compareValues(a: SortValue, b: SortValue, language: string): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'number') return -1;
  if (typeof b === 'number') return 1;
  return tableCollator(language).compare(a, b);
}
