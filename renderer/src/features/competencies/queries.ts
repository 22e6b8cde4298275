/**
 * The competencies view's reads, keyed by channel like api/queries.ts (every graph change invalidates them: their
 * keys start with `competencies:`), and its one write: competencies:edit, one undo step per call.
 */
import { useQuery } from '@tanstack/react-query';
import type { CompetencyEdit } from '../../../../preload/contract';
import { call } from '../../api/client';
import { useAppStore } from '../../app/store';

/** The whole competency tree, depth first. */
export function useCompetencyTree() {
  return useQuery({ queryKey: ['competencies:tree'], queryFn: () => call('competencies:tree', {}) });
}

/** One competency's coverage inputs (disabled for null). */
export function useCompetencyDetail(id: string | null) {
  return useQuery({
    queryKey: ['competencies:detail', id],
    queryFn: () => call('competencies:detail', { id: id! }),
    enabled: id !== null,
  });
}

/** The radar of the capabilities. */
export function useCompetencyRadar() {
  return useQuery({ queryKey: ['competencies:radar'], queryFn: () => call('competencies:radar', {}) });
}

/** The diagram's layers at one drill level (null: the core); keeps the previous level while the next loads. */
export function useCompetencyDiagram(focusId: string | null, withExperts: boolean) {
  return useQuery({
    queryKey: ['competencies:diagram', focusId, withExperts],
    queryFn: () => call('competencies:diagram', { ...(focusId ? { focusId } : {}), withExperts }),
    placeholderData: (prev) => prev,
  });
}

/**
 * Applies `edits` as one competencies:edit call (one undo step); a refusal becomes an error toast (the core's
 * message is already in the UI language).
 * @returns the answer, or null when it was refused.
 */
export async function editCompetencies(edits: CompetencyEdit[]) {
  try {
    return await call('competencies:edit', { edits });
  } catch (e) {
    useAppStore.getState().notify((e as Error).message, 'error');
    return null;
  }
}
