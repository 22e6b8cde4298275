/**
 * The processes view's reads, keyed by channel like api/queries.ts; every graph change and every
 * 'strength:did-change' invalidates them there (queries starting with `processes:` or `strength:`).
 */
import { useQuery } from '@tanstack/react-query';
import type { ProcessEdit } from '../../../../preload/contract';
import { call } from '../../api/client';
import { useAppStore } from '../../app/store';

/** Every process with its step count and strength. */
export function useProcesses() {
  return useQuery({ queryKey: ['processes:list'], queryFn: () => call('processes:list', {}) });
}

/** The pipeline of one process (disabled for null); keeps the previous one while a new one loads. */
export function usePipeline(processId: string | null) {
  return useQuery({
    queryKey: ['processes:pipeline', processId],
    queryFn: () => call('processes:pipeline', { processId: processId! }),
    enabled: processId !== null,
    placeholderData: (prev, q) => (q?.queryKey[1] === processId ? prev : undefined),
  });
}

/** What the step panel shows for one step (disabled for null). */
export function useStepDetail(stepId: string | null) {
  return useQuery({
    queryKey: ['processes:step', stepId],
    queryFn: () => call('processes:step', { stepId: stepId! }),
    enabled: stepId !== null,
  });
}

/** The workspace's strength settings. */
export function useStrengthSettings() {
  return useQuery({ queryKey: ['strength:settings'], queryFn: () => call('strength:settings', {}) });
}

/** One item's strength with its inputs (disabled for null). */
export function useItemStrength(itemId: string | null) {
  return useQuery({
    queryKey: ['strength:items', itemId],
    queryFn: async () => (await call('strength:items', { ids: [itemId!] }))[0] ?? null,
    enabled: itemId !== null,
  });
}

/**
 * Applies edits of one process as one processes:edit call (one undo step); a refusal becomes an error toast
 * (ApiError.message is already in the UI language).
 * @returns the answer, or null when it was refused.
 */
export async function editProcess(processId: string, edits: ProcessEdit[]) {
  try {
    return await call('processes:edit', { processId, edits });
  } catch (e) {
    useAppStore.getState().notify((e as Error).message, 'error');
    return null;
  }
}
