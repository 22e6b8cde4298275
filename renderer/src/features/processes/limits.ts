/**
 * Longest texts the processes contract takes (preload/contract/processes.ts): names of processes and steps,
 * and a step's responsible role and phase. The inputs stop there, so the server never answers with a
 * validation path such as "edits.0.label".
 */
export const MAX_NAME = 500;
export const MAX_ROLE = 200;
/** Most first steps `processes:create` takes at once. */
export const MAX_FIRST_STEPS = 200;
