import { useAppStore } from '../../app/store';
import { focusNode } from '../map/store';

/** Switches to the map and centres it on node `id` (selected). */
export function showOnMap(id: string): void {
  useAppStore.getState().setView('map');
  focusNode(id);
}
