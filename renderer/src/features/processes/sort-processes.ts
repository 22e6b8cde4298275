/**
 * The collator the process list sorts by: pinyin order for Chinese (`zh-CN-u-co-pinyin`, CLDR's collation by
 * the pinyin reading, so 安 < 李 < 张), English rules otherwise. Code-point order would put Chinese names in
 * the order of their Unicode blocks, which no reader expects.
 */
export function labelCollator(language: string): Intl.Collator {
  return new Intl.Collator(language === 'zh-CN' ? 'zh-CN-u-co-pinyin' : 'en', { numeric: true });
}

/** `list` sorted by label for `language` (a new array; ties keep their order). */
export function sortByLabel<T extends { label: string }>(list: readonly T[], language: string): T[] {
  const c = labelCollator(language);
  return [...list].sort((a, b) => c.compare(a.label, b.label));
}
