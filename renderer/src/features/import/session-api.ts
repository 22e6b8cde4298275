/**
 * The wizard's calls to main (`import:*`, preload/contract/imports.ts) and its progress events. The file's bytes
 * cross once, base64, in `import:open`; every later step names the session.
 */
import { useEffect, useState } from 'react';
import { IMPORT_MAX_BYTES, type EventPayload, type ImportMapping } from '../../../../preload/contract';
import { ApiError, call, subscribe } from '../../api/client';

export type ImportProgress = EventPayload<'import:did-progress'>;

/** The error key of a read or plan stopped by import:cancel (not shown as an error: the user asked for it). */
export const CANCELLED_KEY = 'transfer:import.errors.cancelled';

/** True for the rejection of a call that import:cancel stopped. */
export function isCancelled(e: unknown): boolean {
  return e instanceof ApiError && e.key === CANCELLED_KEY;
}

/** A picked or dropped file's bytes as base64 (FileReader's data: URL without its prefix). */
export function readAsBase64(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = String(reader.result);
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.onerror = () => reject(reader.error ?? new Error('FileReader failed'));
    reader.readAsDataURL(file);
  });
}

/** The biggest file, in MB as the messages write it. */
export const MAX_MB = (IMPORT_MAX_BYTES / 1024 / 1024).toFixed(1);

/** A new session id, chosen here so that Cancel can stop the very read that creates it. */
export function newSessionId(): string {
  return typeof crypto.randomUUID === 'function'
    ? crypto.randomUUID()
    : `imp-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}

export const openSession = (fileName: string, data: string, sessionId: string) =>
  call('import:open', { fileName, data, sessionId });
export const rereadSession = (
  sessionId: string,
  change: { encoding?: string | null; delimiter?: string | null; sheet?: string; headerRow?: number },
) => call('import:reread', { sessionId, ...change });
export const planSession = (sessionId: string, mapping: ImportMapping | undefined) =>
  call('import:plan', { sessionId, ...(mapping ? { mapping } : {}) });
export const applySession = (sessionId: string, mapping: ImportMapping | undefined) =>
  call('import:apply', { sessionId, ...(mapping ? { mapping } : {}) });
export const cancelSession = (sessionId: string) => call('import:cancel', { sessionId });
export const closeSession = (sessionId: string) => call('import:close', { sessionId });

/**
 * The last `import:did-progress` of the job under way (its session's events since it started); null when there is
 * no job or it has reported nothing yet. A new job object starts afresh, even on the same session.
 */
export function useImportProgress(job: { id: string } | null): ImportProgress | null {
  const [last, setLast] = useState<{ job: object; progress: ImportProgress } | null>(null);
  useEffect(() => {
    if (!job) return;
    return subscribe('import:did-progress', (progress) => {
      if (progress.sessionId === job.id) setLast({ job, progress });
    });
  }, [job]);
  return last && last.job === job ? last.progress : null;
}
