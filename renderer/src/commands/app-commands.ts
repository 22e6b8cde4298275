/** Behaviour of the app's commands (ids and bindings in preload/commands.ts). */
import i18n, { setLanguage } from '../i18n';
import { call, isElectron } from '../api/client';
import { useAppStore, type View } from '../app/store';
import { useMapStore } from '../features/map/store';
import { describeEdit } from '../features/map/describe-edit';
import type { LayoutName } from '../features/map/engine/layout-options';
import { exportSourceOf } from '../ui/export/export-sources';
import { exportView } from '../ui/export/view-export';
import { registerCaptureCommands } from '../features/capture/commands';
import { registerImportCommands } from '../features/import/commands';
import { registerFilesCommands } from '../features/files/commands';
import { registerTeamCommands } from '../features/team/commands';
import { registerProcessCommands } from '../features/processes/commands';
import { registerSavedViewCommands } from '../features/saved-views/commands';
import { registerCommands, type CommandContext, type CommandImpl } from './registry';

type Impl = CommandImpl;

/** The knowledge map is on screen and its engine is the active one. */
const onMap = (c: CommandContext) => useAppStore.getState().view === 'map' && c.view?.kind === 'map';
const go = (view: View): Impl => ({ run: () => useAppStore.getState().setView(view) });
const failed = (e: Error) => useAppStore.getState().notify(e.message, 'error');

/**
 * Runs the layout the user asked for and remembers it: as the whole map's layout, or — on a filtered or ego view,
 * where layouts are temporary — as that view's only.
 */
function layout(name: LayoutName): Impl {
  return {
    when: onMap,
    run: async ({ engine }) => {
      const { ego, filter } = useMapStore.getState();
      const subset = ego !== null || Object.keys(filter).length > 0;
      useMapStore.getState().set(subset ? { subsetLayout: name } : { layout: name, subsetLayout: null });
      await engine!.runLayout(name).catch(failed);
    },
  };
}

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
      // Beside the selected node without covering it (issue #6: N put the new node on top of it), else in free
      // space near the view's centre; off the map, the map places the node when it next shows it.
      run: ({ view, engine }) => {
        useAppStore.getState().setView('map');
        const spot = view?.kind === 'map' ? engine?.freeSpotNear(map().selectedId) : undefined;
        map().set({ newNode: { kind: 'knowledge', x: spot?.x, y: spot?.y } });
      },
    },
    'map.deleteSelected': {
      when: (c) => onMap(c) && map().selectedId !== null,
      run: () => map().set({ confirmDelete: map().selectedId }),
    },
    'map.focusSearch': { when: onMap, run: ({ view }) => view?.focusSearch?.() },
    'map.fit': { when: onMap, run: ({ engine }) => engine?.fit() },
    'map.zoomIn': { when: onMap, run: ({ engine }) => engine?.zoomBy(1.25) },
    'map.zoomOut': { when: onMap, run: ({ engine }) => engine?.zoomBy(0.8) },
    'map.zoomFit': { when: onMap, run: ({ engine }) => engine?.fit(40, true) },
    'map.layoutForce': layout('force'),
    'map.layoutHierarchical': layout('hierarchical'),
    'map.layoutConcentric': layout('concentric'),
    'map.tidySelection': {
      when: (c) => onMap(c) && (c.engine?.selectedIds().length ?? 0) >= 2,
      run: async ({ engine }) => void (await engine!.tidySelection().catch(failed)),
    },
    'map.egoSelected': {
      when: (c) => onMap(c) && map().selectedId !== null,
      run: () => map().set({ ego: { nodeId: map().selectedId!, depth: map().ego?.depth ?? 1 } }),
    },
    'map.showAll': {
      when: (c) => onMap(c) && (map().ego !== null || map().selectedId !== null),
      run: () => map().set({ ego: null, selectedId: null }),
    },
    ...Object.fromEntries(
      (['png', 'svg', 'pdf', 'html'] as const).map((f) => [
        `view.export${f[0]!.toUpperCase()}${f.slice(1)}`,
        { when: () => exportSourceOf() !== null, run: () => exportView(exportSourceOf()!, f) },
      ]),
    ),
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
  const offProcesses = registerProcessCommands();
  const offSavedViews = registerSavedViewCommands();
  const offCapture = registerCaptureCommands();
  const offImport = registerImportCommands();
  const offFiles = registerFilesCommands();
  const offTeam = registerTeamCommands();
  const off = registerCommands(impl);
  return () => {
    off();
    offProcesses();
    offSavedViews();
    offCapture();
    offImport();
    offFiles();
    offTeam();
  };
}
