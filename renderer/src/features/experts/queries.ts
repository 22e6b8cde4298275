/**
 * The experts view's reads, keyed by channel like api/queries.ts; every graph change invalidates them there
 * (queries whose key starts with `experts:`). Writes go through `editAreas` / `setRisk`, one call per change
 * (one undo step each).
 */
import { useQuery } from '@tanstack/react-query';
import type { AreaChange, RiskPatch } from '../../../../preload/contract';
import { call } from '../../api/client';

/** Every expert with their risk in brief, in the risk ranking's order (experts:risk rank, highest first). */
export function useDirectory() {
  return useQuery({ queryKey: ['experts:directory'], queryFn: () => call('experts:directory', {}) });
}

/** One expert's profile (disabled for null); keeps the previous one only while the same expert reloads. */
export function useProfile(id: string | null) {
  return useQuery({
    queryKey: ['experts:profile', id],
    queryFn: () => call('experts:profile', { id: id! }),
    enabled: id !== null,
    placeholderData: (prev, q) => (q?.queryKey[1] === id ? prev : undefined),
  });
}

/** The key-person risk ranking, highest first. */
export function useRiskRanking() {
  return useQuery({ queryKey: ['experts:risk'], queryFn: () => call('experts:risk', {}) });
}

/** The experts × categories proficiency heat map. */
export function useHeatmap() {
  return useQuery({ queryKey: ['experts:heatmap'], queryFn: () => call('experts:heatmap', {}) });
}

/** Who knows X: by free text and/or picked items and categories; disabled while nothing is asked. */
export function useLocate(query: string, itemIds: string[], categoryIds: string[]) {
  const q = query.trim();
  return useQuery({
    queryKey: ['experts:locate', q, itemIds, categoryIds],
    queryFn: () => call('experts:locate', { query: q || undefined, itemIds, categoryIds, limit: 100 }),
    enabled: q.length > 0 || itemIds.length > 0 || categoryIds.length > 0,
    placeholderData: (prev) => prev,
  });
}

/** The departure simulation of these experts (disabled for none). */
export function useSimulation(expertIds: string[]) {
  return useQuery({
    queryKey: ['experts:simulate', expertIds],
    queryFn: () => call('experts:simulate', { expertIds }),
    enabled: expertIds.length > 0,
    placeholderData: (prev) => prev,
  });
}

/**
 * "My areas": one list of changes as one experts:edit-areas call (one undo step).
 * @throws ApiError (translated, naming the value) when the core refuses it; nothing is written then
 */
export function editAreas(expertId: string, changes: AreaChange[]) {
  return call('experts:edit-areas', { expertId, changes });
}

/**
 * The risk panel's edit as one experts:set-risk call.
 * @throws ApiError (translated, naming the value) for a leaving date in the past or malformed; nothing written
 */
export function setRisk(expertId: string, patch: RiskPatch) {
  return call('experts:set-risk', { expertId, patch });
}
