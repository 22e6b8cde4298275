import i18next from 'i18next';
import type { MessageParams } from '../../../preload/contract';

/** `t` for a key known only at run time (from the main process), so not one of the typed keys. */
type DynamicT = (key: string, options?: Record<string, unknown>) => string;

/**
 * A message the main process named by key (issue #6): the translation of `key` with `params` in the current UI
 * language when the translation files have it, else `english`, the main process's own text. Keys are i18next keys,
 * namespace `common` unless prefixed (`errors.nodeNotFound`, `library:reasons.emptyFile`); a translation may nest
 * others with the params in them (`$t(map:edgeKinds.{{kind}})`), which is how kinds and prop names get translated.
 */
export function translateMessage(
  key: string | null | undefined,
  params: MessageParams | null | undefined,
  english: string,
): string {
  if (!key || !i18next.isInitialized || !i18next.exists(key)) return english;
  return (i18next.t as DynamicT)(key, { ...params });
}
