import type { NodePatch } from '../../../../preload/contract';
import { ApiError, call } from '../../api/client';
import { useAppStore } from '../../app/store';
import { useTeamStore, versionOfRow, type Conflict } from '../team/store';

/**
 * Saves a patch; returns whether it was stored. `seen` is the node's updatedAt as the editor saw it: when someone
 * else changed the node since, the core refuses the patch (edit_conflict) rather than save over theirs. A team workspace's version conflict (someone else saved the node
 * first) opens the conflict dialog with both versions; any other refusal is a toast. On false the field that
 * sent the patch keeps what was typed (DraftField), so nothing typed is lost to a refusal or a lost connection.
 */
export async function saveNode(id: string, patch: NodePatch, seen?: string): Promise<boolean> {
  try {
    const saved = await call('graph:update-node', {
      id,
      patch,
      ...(seen ? { seen: ownSeen(id, seen) } : {}),
    });
    if (seen) remember(id, seen, saved.updatedAt);
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

/**
 * This editor's own saves, per node: the `updatedAt` values they replaced, and the newest. A second field saved
 * before the panel has re-read the node still names the version before the first save: that one is ours, so the
 * newest stands in for it (not a conflict with oneself).
 */
const own = new Map<string, { replaced: Set<string>; latest: string }>();

function ownSeen(id: string, seen: string): string {
  const mine = own.get(id);
  return mine?.replaced.has(seen) ? mine.latest : seen;
}

function remember(id: string, seen: string, now: string): void {
  const mine = own.get(id) ?? { replaced: new Set<string>(), latest: now };
  mine.replaced.add(seen);
  mine.replaced.add(mine.latest);
  mine.replaced.delete(now);
  mine.latest = now;
  own.set(id, mine);
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
