/**
 * Static description of every user command: id, i18n title key, key binding and where it appears.
 *
 * One list feeds the renderer's keyboard shortcuts, context menus and command palette (which attach the `run`
 * functions in `renderer/src/commands/`) and the Electron app menu (which sends the id back over
 * `app:did-run-command`). Imports nothing, so main, preload and renderer can share it.
 */

/** Where a command shows up in the native app menu. */
export type MenuSection = 'file' | 'edit' | 'view' | 'help' | 'none';

export interface CommandSpec {
  /** Stable id, `area.verb`. */
  id: string;
  /** i18n key under the `commands` namespace (renderer) and the menu table (main). */
  titleKey: string;
  /**
   * Key binding in Electron accelerator syntax, `CmdOrCtrl` meaning Ctrl (Cmd on macOS). Optional; at most one
   * command may own a binding (tests/unit/commands.test.ts fails on duplicates).
   */
  keys?: string;
  menu: MenuSection;
  /** Handled by the Electron shell itself (roles such as zoom), not sent to the renderer. */
  role?: 'zoomIn' | 'zoomOut' | 'resetZoom' | 'togglefullscreen' | 'quit';
}

export const COMMANDS: readonly CommandSpec[] = [
  { id: 'workspace.new', titleKey: 'newWorkspace', keys: 'CmdOrCtrl+N', menu: 'file' },
  { id: 'workspace.open', titleKey: 'openWorkspace', keys: 'CmdOrCtrl+O', menu: 'file' },
  { id: 'workspace.connectTeam', titleKey: 'connectTeam', menu: 'file' },
  { id: 'file.import', titleKey: 'importFile', keys: 'CmdOrCtrl+I', menu: 'file' },
  { id: 'file.exportWorkspace', titleKey: 'exportWorkspace', menu: 'file' },
  { id: 'file.backupNow', titleKey: 'backupNow', menu: 'file' },
  { id: 'file.restore', titleKey: 'restoreBackup', menu: 'file' },
  { id: 'view.exportPng', titleKey: 'exportPng', keys: 'CmdOrCtrl+Shift+E', menu: 'file' },
  { id: 'view.exportSvg', titleKey: 'exportSvg', menu: 'file' },
  { id: 'view.exportPdf', titleKey: 'exportPdf', menu: 'file' },
  { id: 'view.exportHtml', titleKey: 'exportHtml', menu: 'file' },
  { id: 'app.quit', titleKey: 'quit', keys: 'CmdOrCtrl+Q', menu: 'file', role: 'quit' },
  { id: 'history.undo', titleKey: 'undo', keys: 'CmdOrCtrl+Z', menu: 'edit' },
  { id: 'history.redo', titleKey: 'redo', keys: 'CmdOrCtrl+Shift+Z', menu: 'edit' },
  { id: 'map.addNode', titleKey: 'addNode', keys: 'N', menu: 'edit' },
  { id: 'map.deleteSelected', titleKey: 'deleteSelected', keys: 'Delete', menu: 'edit' },
  { id: 'map.focusSearch', titleKey: 'findNode', keys: 'CmdOrCtrl+F', menu: 'edit' },
  { id: 'search.open', titleKey: 'searchEverything', keys: 'CmdOrCtrl+K', menu: 'edit' },
  { id: 'library.reindex', titleKey: 'reindexLibrary', keys: 'CmdOrCtrl+Shift+R', menu: 'file' },
  { id: 'palette.open', titleKey: 'commandPalette', keys: 'CmdOrCtrl+Shift+P', menu: 'view' },
  { id: 'map.fit', titleKey: 'fitView', keys: 'CmdOrCtrl+0', menu: 'view' },
  // Plain keys: CmdOrCtrl+= / - / 0 belong to the native page zoom and map.fit.
  { id: 'map.zoomIn', titleKey: 'mapZoomIn', keys: 'Plus', menu: 'view' },
  { id: 'map.zoomOut', titleKey: 'mapZoomOut', keys: '-', menu: 'view' },
  { id: 'map.zoomFit', titleKey: 'mapZoomFit', keys: '0', menu: 'none' },
  { id: 'map.layoutForce', titleKey: 'layoutForce', keys: 'Alt+1', menu: 'view' },
  { id: 'map.layoutHierarchical', titleKey: 'layoutHierarchical', keys: 'Alt+2', menu: 'view' },
  { id: 'map.layoutConcentric', titleKey: 'layoutConcentric', keys: 'Alt+3', menu: 'view' },
  { id: 'map.tidySelection', titleKey: 'tidySelection', keys: 'Alt+4', menu: 'view' },
  { id: 'map.egoSelected', titleKey: 'egoSelected', keys: 'E', menu: 'view' },
  { id: 'map.showAll', titleKey: 'showAll', keys: 'Escape', menu: 'none' },
  { id: 'view.toggleTheme', titleKey: 'toggleTheme', keys: 'CmdOrCtrl+Shift+L', menu: 'view' },
  { id: 'view.toggleLanguage', titleKey: 'toggleLanguage', menu: 'view' },
  { id: 'view.zoomIn', titleKey: 'zoomIn', keys: 'CmdOrCtrl+=', menu: 'view', role: 'zoomIn' },
  { id: 'view.zoomOut', titleKey: 'zoomOut', keys: 'CmdOrCtrl+-', menu: 'view', role: 'zoomOut' },
  { id: 'view.fullScreen', titleKey: 'fullScreen', keys: 'F11', menu: 'view', role: 'togglefullscreen' },
  { id: 'nav.map', titleKey: 'goMap', keys: 'CmdOrCtrl+1', menu: 'view' },
  { id: 'nav.processes', titleKey: 'goProcesses', keys: 'CmdOrCtrl+2', menu: 'view' },
  { id: 'nav.competencies', titleKey: 'goCompetencies', keys: 'CmdOrCtrl+3', menu: 'view' },
  { id: 'nav.experts', titleKey: 'goExperts', keys: 'CmdOrCtrl+4', menu: 'view' },
  { id: 'nav.inventory', titleKey: 'goInventory', keys: 'CmdOrCtrl+5', menu: 'view' },
  { id: 'nav.library', titleKey: 'goLibrary', keys: 'CmdOrCtrl+6', menu: 'view' },
  { id: 'nav.glossary', titleKey: 'goGlossary', keys: 'CmdOrCtrl+7', menu: 'view' },
  { id: 'processes.newProcess', titleKey: 'newProcess', menu: 'file' },
  { id: 'processes.addStep', titleKey: 'addStep', keys: 'Shift+N', menu: 'edit' },
  { id: 'processes.printCards', titleKey: 'printWorkstationCards', keys: 'CmdOrCtrl+P', menu: 'file' },
  { id: 'processes.strengthSettings', titleKey: 'strengthSettings', menu: 'edit' },
  { id: 'capture.aar', titleKey: 'captureAar', menu: 'edit' },
  { id: 'capture.apprentice', titleKey: 'captureApprentice', menu: 'edit' },
  { id: 'views.save', titleKey: 'saveView', keys: 'CmdOrCtrl+Shift+S', menu: 'view' },
  { id: 'views.present', titleKey: 'present', keys: 'F5', menu: 'view' },
  { id: 'help.shortcuts', titleKey: 'shortcuts', keys: 'F1', menu: 'help' },
  { id: 'help.about', titleKey: 'about', menu: 'help' },
];
