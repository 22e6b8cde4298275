import type { NodePatch } from '../../../../preload/contract';
import { ApiError, call } from '../../api/client';
import { useAppStore } from '../../app/store';

/** Saves a patch and reports errors as a toast; returns whether it was stored. */
export async function saveNode(id: string, patch: NodePatch): Promise<boolean> {
  try {
    await call('graph:update-node', { id, patch });
    return true;
  } catch (e) {
    useAppStore.getState().notify(e instanceof ApiError ? e.message : String(e), 'error');
    return false;
  }
}
