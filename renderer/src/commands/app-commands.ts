/** Behaviour of the app's commands (ids and bindings in preload/commands.ts). */
import i18n, { setLanguage } from '../i18n';
import { call, isElectron } from '../api/client';
import { useAppStore, type View } from '../app/store';
import { useMapStore } from '../features/map/store';
import { mapController } from '../features/map/map-controller';
import { describeEdit } from '../features/map/describe-edit';
import { registerCommands, type Command } from './registry';

type Impl = Pick<Command, 'run' | 'when'>;

const onMap = () => useAppStore.getState().view === 'map' && mapController.current !== null;
const go = (view: View): Impl => ({ run: () => useAppStore.getState().setView(view) });

async function undoRedo(which: 'undo' | 'redo'): Promise<void> {
  const app = useAppStore.getState();
  const before = await call('history:state', {});
  if (which === 'undo' ? !before.canUndo : !before.canRedo) {
    app.notify(i18n.t(which === 'undo' ? 'map:toast.nothingToUndo' : 'map:toast.nothingToRedo'));
    return;
  }
  await call(which === 'undo' ? 'history:undo' : 'history:redo', {});
  const what = describeEdit(i18n.getFixedT(null, 'map'), which === 'undo' ? before.undo : before.redo);
  app.notify(i18n.t(which === 'undo' ? 'history.undone' : 'history.redone', { what }));
}

/** Registers every app command; returns the unregister function. */
export function registerAppCommands(): () => void {
  const map = useMapStore.getState;
  const impl: Record<string, Impl> = {
    'history.undo': { run: () => undoRedo('undo') },
    'history.redo': { run: () => undoRedo('redo') },
    'map.addNode': {
      run: () => {
        useAppStore.getState().setView('map');
        const c = mapController.current?.centre();
        map().set({ newNode: { kind: 'knowledge', x: c?.x, y: c?.y } });
      },
    },
    'map.deleteSelected': {
      when: () => onMap() && map().selectedId !== null,
      run: () => map().set({ confirmDelete: map().selectedId }),
    },
    'map.focusSearch': { when: onMap, run: () => mapController.current?.focusSearch() },
    'map.fit': { when: onMap, run: () => mapController.current?.fit() },
    'map.layoutForce': { when: onMap, run: () => mapController.current?.layout('force') },
    'map.layoutHierarchical': { when: onMap, run: () => mapController.current?.layout('hierarchical') },
    'map.layoutConcentric': { when: onMap, run: () => mapController.current?.layout('concentric') },
    'map.egoSelected': {
      when: () => onMap() && map().selectedId !== null,
      run: () => map().set({ ego: { nodeId: map().selectedId!, depth: map().ego?.depth ?? 1 } }),
    },
    'map.showAll': {
      when: () => onMap() && (map().ego !== null || map().selectedId !== null),
      run: () => map().set({ ego: null, selectedId: null }),
    },
    'map.exportPng': { when: onMap, run: () => mapController.current?.exportImage('png') },
    'map.exportSvg': { when: onMap, run: () => mapController.current?.exportImage('svg') },
    'palette.open': { run: () => useAppStore.getState().setModal('palette') },
    'search.open': { run: () => useAppStore.getState().setModal('search') },
    'library.reindex': {
      run: async () => {
        await call('library:reindex', {}).catch((e: Error) =>
          useAppStore.getState().notify(e.message, 'error'),
        );
      },
    },
    'help.shortcuts': { run: () => useAppStore.getState().setModal('shortcuts') },
    'help.about': { run: () => useAppStore.getState().setModal('about') },
    'view.toggleTheme': {
      run: () => {
        const s = useAppStore.getState();
        s.setTheme(s.theme === 'dark' ? 'light' : 'dark');
      },
    },
    'view.toggleLanguage': { run: () => setLanguage(i18n.language === 'en' ? 'zh-CN' : 'en') },
    'nav.map': go('map'),
    'nav.processes': go('processes'),
    'nav.competencies': go('competencies'),
    'nav.experts': go('experts'),
    'nav.inventory': go('inventory'),
    'nav.library': go('library'),
    'nav.glossary': go('glossary'),
  };
  // Workspace files, zoom and full screen are native: the Electron menu handles them itself.
  if (!isElectron) delete impl['workspace.new'];
  return registerCommands(impl);
}
