import type { ErrorCode, MessageParams } from '../../../preload/contract';
import { WellspringError, type MessageKey } from '../util/errors';

// Types only: the renderer's English backup.json is the source of the names, so an untranslated one fails to compile.
type BackupJson = typeof import('../../../renderer/src/i18n/locales/en/backup.json');

/** The name of a message of the `backup` namespace: `backup:errors.<name>` in backup.json. */
export type BackupErrorName = keyof BackupJson['errors'] & string;

/**
 * A WellspringError whose translation is `backup:errors.<name>` with `params`; `message` is the English text (it
 * names the file at fault, as the translation does). `path` names the offending input field (`['from']`, `['out']`).
 */
export function backupError(
  code: ErrorCode,
  message: string,
  name: BackupErrorName,
  params: MessageParams,
  path: Array<string | number> = [],
): WellspringError {
  const key: MessageKey = `backup:errors.${name}`;
  return new WellspringError(code, message, path, { key, params });
}

/** workspace-db's "Workspace file not found" (`not_found`, key errors.workspaceNotFound), for a missing source. */
export function workspaceNotFound(file: string): WellspringError {
  return new WellspringError('not_found', `Workspace file not found: ${file}`, [], {
    key: 'errors.workspaceNotFound',
    params: { file },
  });
}

/** True when `e` is a WellspringError with the translation `backup:errors.<name>` for one of `names`. */
export function hasBackupKey(e: WellspringError, ...names: BackupErrorName[]): boolean {
  return names.some((n) => (e.key as string | undefined) === `backup:errors.${n}`);
}

/** The SQLite result code of a better-sqlite3 error (`SQLITE_BUSY`, `SQLITE_NOTADB` …), or undefined. */
export function sqliteCode(e: unknown): string | undefined {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('SQLITE_') ? code : undefined;
}

/** A short reason for a file-system error: `permission denied`, `disk full`, or the errno code / message. */
export function ioReason(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  if (err.code === 'EACCES' || err.code === 'EPERM') return 'permission denied';
  if (err.code === 'ENOSPC' || err.code === 'SQLITE_FULL') return 'disk full';
  if (err.code === 'ENOENT') return 'the folder does not exist';
  return err.code ?? err.message;
}
