import { useAppStore } from '../../app/store';
import { focusNode, useMapStore } from '../map/store';

/** Switches to the map and centres it on node `id` (selected), showing the whole map around it. */
export function showNodeOnMap(id: string): void {
  useMapStore.getState().set({ ego: null });
  useAppStore.getState().setView('map');
  focusNode(id);
}

/** Switches to the map filtered to a category, its sub-categories and their items, centred on the category. */
export function showCategoryOnMap(id: string): void {
  useMapStore.getState().set({ ego: null, filter: { categoryId: id } });
  useAppStore.getState().setView('map');
  focusNode(id);
}
