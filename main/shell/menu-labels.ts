/**
 * Labels of the native menus and dialogs, in the two UI languages. Keys are the `titleKey`s of
 * preload/commands.ts plus the shell's own entries; tests/shell checks that every menu command has a label in
 * both tables. The renderer has its own i18n; this table is for the few strings main shows natively.
 */
const EN = {
  file: 'File',
  edit: 'Edit',
  view: 'View',
  help: 'Help',
  newWorkspace: 'New Workspace…',
  openWorkspace: 'Open Workspace…',
  openRecent: 'Open Recent',
  noRecent: 'No Recent Workspaces',
  exportPng: 'Export as PNG…',
  exportSvg: 'Export as SVG…',
  quit: 'Quit',
  undo: 'Undo',
  redo: 'Redo',
  cut: 'Cut',
  copy: 'Copy',
  paste: 'Paste',
  selectAll: 'Select All',
  addNode: 'Add Node',
  deleteSelected: 'Delete Selected',
  findNode: 'Find Node…',
  searchEverything: 'Search Documents and Map…',
  reindexLibrary: 'Re-index Library',
  commandPalette: 'Command Palette…',
  fitView: 'Fit to Window',
  layoutForce: 'Force-Directed Layout',
  layoutHierarchical: 'Hierarchical Layout',
  layoutConcentric: 'Concentric Layout',
  egoSelected: 'Focus on Selection',
  showAll: 'Show All',
  toggleTheme: 'Toggle Dark Theme',
  toggleLanguage: 'Switch Language',
  zoomIn: 'Zoom In',
  zoomOut: 'Zoom Out',
  fullScreen: 'Toggle Full Screen',
  toggleDevTools: 'Toggle Developer Tools',
  goMap: 'Knowledge Map',
  goProcesses: 'Processes',
  goCompetencies: 'Competencies',
  goExperts: 'Experts',
  goInventory: 'Knowledge Inventory',
  goLibrary: 'Document Library',
  goGlossary: 'Glossary',
  shortcuts: 'Keyboard Shortcuts',
  about: 'About Wellspring',
  aboutDetail: 'Knowledge-graph explorer and editor for enterprise knowledge management.',
  workspaceFilter: 'Wellspring workspace',
  openFailed: 'Could not open the workspace',
  startFailed: 'Wellspring could not start',
} as const;

/** A key of the label table. */
export type LabelKey = keyof typeof EN;

// Typed against EN, so a key missing here is a compile error.
const ZH_CN: Record<LabelKey, string> = {
  file: '文件',
  edit: '编辑',
  view: '视图',
  help: '帮助',
  newWorkspace: '新建工作区…',
  openWorkspace: '打开工作区…',
  openRecent: '最近打开',
  noRecent: '没有最近打开的工作区',
  exportPng: '导出为 PNG…',
  exportSvg: '导出为 SVG…',
  quit: '退出',
  undo: '撤销',
  redo: '重做',
  cut: '剪切',
  copy: '复制',
  paste: '粘贴',
  selectAll: '全选',
  addNode: '添加节点',
  deleteSelected: '删除所选',
  findNode: '查找节点…',
  searchEverything: '搜索文档和地图…',
  reindexLibrary: '重新索引文档库',
  commandPalette: '命令面板…',
  fitView: '适应窗口',
  layoutForce: '力导向布局',
  layoutHierarchical: '层次布局',
  layoutConcentric: '同心圆布局',
  egoSelected: '聚焦所选节点',
  showAll: '显示全部',
  toggleTheme: '切换深色主题',
  toggleLanguage: '切换语言',
  zoomIn: '放大',
  zoomOut: '缩小',
  fullScreen: '切换全屏',
  toggleDevTools: '切换开发者工具',
  goMap: '知识地图',
  goProcesses: '流程',
  goCompetencies: '能力',
  goExperts: '专家',
  goInventory: '知识清单',
  goLibrary: '文档库',
  goGlossary: '术语表',
  shortcuts: '键盘快捷键',
  about: '关于 Wellspring',
  aboutDetail: '面向企业知识管理的知识图谱浏览与编辑工具。',
  workspaceFilter: 'Wellspring 工作区',
  openFailed: '无法打开工作区',
  startFailed: 'Wellspring 无法启动',
};

/** The UI languages of the native menus. */
export type MenuLanguage = 'en' | 'zh-CN';

/** Chinese for any `zh…` locale (as from `app.getLocale()`, e.g. `zh-CN`, `zh-TW`), English otherwise. */
export function menuLanguage(locale: string): MenuLanguage {
  return locale.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}

/**
 * The label for `key` in `language`. Unknown keys (a command added to preload/commands.ts without a label here)
 * fall back to the key itself rather than throwing, so a missing label is visible but never breaks the menu.
 */
export function menuLabel(language: MenuLanguage, key: string): string {
  const table: Record<string, string> = language === 'zh-CN' ? ZH_CN : EN;
  return Object.prototype.hasOwnProperty.call(table, key) ? table[key]! : key;
}

/** Whether `key` has a label in both languages (for tests). */
export function hasMenuLabel(key: string): boolean {
  return Object.prototype.hasOwnProperty.call(EN, key) && Object.prototype.hasOwnProperty.call(ZH_CN, key);
}
