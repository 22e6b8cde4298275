import type { NodePatch } from '../../../../preload/contract';
import { ApiError, call } from '../../api/client';
import { useAppStore } from '../../app/store';
import { useTeamStore, versionOfRow, type Conflict } from '../team/store';

/**
 * Saves a patch; returns whether it was stored. A team workspace's version conflict (someone else saved the node
 * first) opens the conflict dialog with both versions; any other refusal is a toast. On false the field that
 * sent the patch keeps what was typed (DraftField), so nothing typed is lost to a refusal or a lost connection.
 */
export async function saveNode(id: string, patch: NodePatch): Promise<boolean> {
  try {
    await call('graph:update-node', { id, patch });
    return true;
  } catch (e) {
    if (e instanceof ApiError && e.code === 'edit_conflict') {
      useTeamStore.getState().set({ conflict: conflictOf(id, patch, e) });
      return false;
    }
    useAppStore.getState().notify(e instanceof ApiError ? e.message : String(e), 'error');
    return false;
  }
}

/** The conflict dialog's input from the server's answer (`params.detail`: {table, id, reason, theirs}). */
function conflictOf(id: string, mine: NodePatch, e: ApiError): Conflict {
  let detail: { reason?: Conflict['reason']; theirs?: Record<string, unknown> | null } = {};
  try {
    detail = JSON.parse(String(e.params?.detail ?? '{}')) as typeof detail;
  } catch {
    // an older server's message without detail: show mine only
  }
  const theirs = versionOfRow(detail.theirs ?? null);
  return {
    nodeId: id,
    reason: detail.reason ?? 'changed',
    label: theirs?.label ?? String(e.params?.label ?? ''),
    mine,
    theirs,
  };
}

/**
 * A field's draft was typed while someone else changed the same field (the value under it changed): instead of
 * saving over theirs, the conflict dialog shows both. `theirs` is the node as it is now.
 */
export function staleDraft(id: string, mine: NodePatch, theirs: Conflict['theirs']): void {
  useTeamStore.getState().set({
    conflict: { nodeId: id, reason: 'changed', label: theirs?.label ?? '', mine, theirs },
  });
}
