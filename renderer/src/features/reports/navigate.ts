import { useAppStore } from '../../app/store';
import { focusNode } from '../map/store';
import { useProcessesStore } from '../processes/store';

/** Switches to the map and centres it on node `id` (selected). */
export function showOnMap(id: string): void {
  useAppStore.getState().setView('map');
  focusNode(id);
}

/** Switches to the processes view's pipeline of `processId` with step `stepId` selected and its panel open. */
export function openInPipeline(processId: string, stepId: string): void {
  useProcessesStore.getState().set({ processId, tab: 'pipeline', stepId, panelOpen: true });
  useAppStore.getState().setView('processes');
}
