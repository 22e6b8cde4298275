import type { ErrorCode, MessageParams } from '../../../preload/contract';

// Types only: the renderer's English translation files are the source of the message keys (as they are of the
// renderer's own key types), so a key that is not translated is a compile error here too.
type CommonJson = typeof import('../../../renderer/src/i18n/locales/en/common.json');
type LibraryJson = typeof import('../../../renderer/src/i18n/locales/en/library.json');
type EvidenceJson = typeof import('../../../renderer/src/i18n/locales/en/evidence.json');
type TransferJson = typeof import('../../../renderer/src/i18n/locales/en/transfer.json');
type BackupJson = typeof import('../../../renderer/src/i18n/locales/en/backup.json');
type GlossaryJson = typeof import('../../../renderer/src/i18n/locales/en/glossary.json');
type TaxonomyJson = typeof import('../../../renderer/src/i18n/locales/en/taxonomy.json');
type CaptureJson = typeof import('../../../renderer/src/i18n/locales/en/capture.json');

/** The dotted paths of the string leaves of a translation object: `{a: {b: 'x'}}` → `'a.b'`. */
type Leaves<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` : Leaves<T[K], `${P}${K}.`>;
}[keyof T & string];

/**
 * A translated message the core may name: `errors.*` of the renderer's `common` namespace (the default, so no
 * prefix), `library:errors.*` and `library:reasons.*` (per-file extraction reasons, see documents/reasons.ts),
 * `evidence:errors.*` (the evidence finder).
 */
export type MessageKey =
  | Leaves<Pick<CommonJson, 'errors'>>
  | `library:${Leaves<Pick<LibraryJson, 'errors' | 'reasons'>>}`
  | `evidence:${Leaves<Pick<EvidenceJson, 'errors'>>}`
  // Issue 10's namespaces: any of their strings (each keeps its errors under its own subtree).
  | `transfer:${Leaves<TransferJson>}`
  | `backup:${Leaves<BackupJson>}`
  | `glossary:${Leaves<GlossaryJson>}`
  | `taxonomy:${Leaves<TaxonomyJson>}`
  | `capture:${Leaves<CaptureJson>}`;

/** A message key with the values its translation interpolates. */
export interface Message {
  key: MessageKey;
  params?: MessageParams;
}

/**
 * The one error type the core throws on purpose. `code` is stable and crosses the IPC boundary unchanged;
 * `path` names the offending field of the input (e.g. `['props', 'proficiency']`), empty when no field is at fault.
 * `message` is English (logs, CLI, fallback); an errors a user meets also names its translation (`key`, `params`),
 * which the envelope carries to the renderer and the shell's native dialogs (issue #6):
 * `new WellspringError('not_found', 'No node with id x.', ['id'], { key: 'errors.nodeNotFound', params: { id } })`.
 */
export class WellspringError extends Error {
  override readonly name = 'WellspringError';
  readonly key?: MessageKey;
  readonly params?: MessageParams;
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly path: Array<string | number> = [],
    translated?: Message,
  ) {
    super(message);
    if (translated) {
      this.key = translated.key;
      if (translated.params) this.params = translated.params;
    }
  }

  /** The translated message of this error, to pass on when rethrowing it with another path or code. */
  get translated(): Message | undefined {
    return this.key ? { key: this.key, ...(this.params ? { params: this.params } : {}) } : undefined;
  }
}

/** True when `e` is a WellspringError (also across bundle copies, by name and code). */
export function isWellspringError(e: unknown): e is WellspringError {
  return e instanceof WellspringError || (e instanceof Error && e.name === 'WellspringError' && 'code' in e);
}
