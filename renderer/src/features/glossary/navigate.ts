import { useAppStore } from '../../app/store';
import { useViewerStore } from '../viewer/store';
import { selectTerm, useGlossaryStore } from './store';

/**
 * Opens the Glossary view on its glossary tab with term `id` in the editor (asking first about unsaved changes).
 * The document viewer, drawn over every view, is closed: the user asked to go to the term.
 */
export function openTermInGlossary(id: string): void {
  useViewerStore.getState().close();
  useGlossaryStore.getState().set({ tab: 'glossary', query: '' });
  useAppStore.getState().setView('glossary');
  selectTerm(id);
}
