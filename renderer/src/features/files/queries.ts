/**
 * The File menu's calls: the backup list (keyed by its channel, like api/queries.ts), Back up now, Restore and
 * Export workspace. The app refetches everything on `workspace:did-open` (which a restore emits); the list
 * refreshes itself on `backup:did-change` while the restore dialog is open.
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { RestoreDone, WorkspaceExportFormat } from '../../../../preload/contract';
import { call, subscribe } from '../../api/client';
import { useAppStore } from '../../app/store';
import i18n from '../../i18n';
import { saveFile } from '../../ui/export/save-file';
import { useMapStore } from '../map/store';
import { formatSize } from './format';

const LIST_KEY = ['backup:list'] as const;

/**
 * The open workspace's backups, newest first, with their folder: read again each time the dialog opens (a daily
 * backup may have been taken meanwhile; listing is cheap) and whenever a backup is written while it is open.
 */
export function useBackupList() {
  const qc = useQueryClient();
  useEffect(
    () => subscribe('backup:did-change', () => void qc.invalidateQueries({ queryKey: LIST_KEY })),
    [qc],
  );
  return useQuery({ queryKey: LIST_KEY, queryFn: () => call('backup:list', {}), refetchOnMount: 'always' });
}

let backingUp = false;

/**
 * Back up now: a manual backup of the open workspace, then a toast naming the file, its size and its folder. A
 * "backing up…" notice shows only when it takes longer than 400 ms (the sample takes ~50 ms); a second press
 * while one runs does nothing. A refusal is an error toast in the UI language.
 * @returns whether a backup was written
 */
export async function backUpNow(): Promise<boolean> {
  if (backingUp) return false;
  backingUp = true;
  const { notify } = useAppStore.getState();
  const t = i18n.getFixedT(null, 'files');
  const slow = setTimeout(() => notify(t('backup.working')), 400);
  try {
    const r = await call('backup:create', {});
    notify(
      t('backup.done', {
        file: r.backup.name,
        size: formatSize(r.backup.size, i18n.language),
        folder: r.folder,
      }),
    );
    return true;
  } catch (e) {
    notify((e as Error).message, 'error');
    return false;
  } finally {
    clearTimeout(slow);
    backingUp = false;
  }
}

/**
 * Restores one of the open workspace's backups. The app refetches everything on the `workspace:did-open` that
 * follows; what the map keeps of its own — the selected node (its panel) and an ego view's centre — is let go when
 * the restored workspace does not have that node, so no panel shows an item that no longer exists.
 * @throws ApiError with the core's message (a damaged backup, one that is not listed) when refused
 */
export async function restoreBackup(file: string): Promise<RestoreDone> {
  const done = await call('backup:restore', { file });
  const { selectedId, ego, set } = useMapStore.getState();
  const held = [selectedId, ego?.nodeId].filter((id): id is string => id !== null && id !== undefined);
  if (held.length) {
    const present = new Set(
      (await call('graph:elements', { nodeIds: held, edgeIds: [], viewId: 'map' })).nodes.map((n) => n.id),
    );
    set({
      ...(selectedId && !present.has(selectedId) ? { selectedId: null } : {}),
      ...(ego && !present.has(ego.nodeId) ? { ego: null } : {}),
    });
  }
  return done;
}

/**
 * Exports the whole workspace in `format` and saves it (Electron: the save dialog; browser: a download).
 * @returns the saved file's name, size and entries, or null when the user cancelled the save dialog
 * @throws ApiError when the export or the save failed (message in the UI language)
 */
export async function exportWorkspaceAs(
  format: WorkspaceExportFormat,
): Promise<{ fileName: string; bytes: number; entries: string[] } | null> {
  const r = await call('files:export', { format });
  const saved = await saveFile(r.fileName, r.content, r.encoding, r.mime);
  return saved ? { fileName: r.fileName, bytes: r.bytes, entries: r.entries } : null;
}
