/**
 * Behaviour of the saved-views commands (ids and bindings in preload/commands.ts): "Save view" (Ctrl+Shift+S)
 * opens the sidebar with the name field focused; "Present" (F5) presents the ticked saved views.
 */
import i18n from '../../i18n';
import { queryClient } from '../../api/queries';
import { useAppStore } from '../../app/store';
import { registerCommands } from '../../commands/registry';
import { fetchSavedViews, SAVED_VIEWS_KEY } from './queries';
import { presentationSequence, startPresentation } from './presentation';
import { useSavedViewsStore } from './store';

/** Registers the saved-views commands; returns the unregister function. */
export function registerSavedViewCommands(): () => void {
  return registerCommands({
    'views.save': {
      run: () => {
        const s = useSavedViewsStore.getState();
        s.set({ panelOpen: true, saveRequest: s.saveRequest + 1 });
      },
    },
    'views.present': {
      when: () => useSavedViewsStore.getState().presenting === null,
      run: async () => {
        const views = await queryClient.fetchQuery({ queryKey: SAVED_VIEWS_KEY, queryFn: fetchSavedViews });
        if (!views.length) return useAppStore.getState().notify(i18n.t('views:nothingToPresent'));
        startPresentation(presentationSequence(views));
      },
    },
  });
}
