import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { subscribe } from '../api/client';
import { useLiveInvalidation, useWorkspaceInfo } from '../api/queries';
import { registerAppCommands } from '../commands/app-commands';
import { handleKeydown, runCommand } from '../commands/registry';
import { setLanguage, type Language } from '../i18n';
import { CompetenciesView } from '../features/competencies/components/CompetenciesView';
import { ViewErrorBoundary } from '../ui/ViewErrorBoundary';
import { MapView } from '../features/map/components/MapView';
import { EmptyView } from '../features/placeholder/EmptyView';
import { ExpertsView } from '../features/experts/components/ExpertsView';
import { GlossaryView } from '../features/glossary/components/GlossaryView';
import { InventoryView } from '../features/inventory/components/InventoryView';
import { LibraryView } from '../features/library/components/LibraryView';
import { ProcessesView } from '../features/processes/components/ProcessesView';
import { SearchDialog } from '../features/search/components/SearchDialog';
import { SavedViews, SavedViewsToggle } from '../features/saved-views/components/SavedViews';
import { DocumentViewer } from '../features/viewer/components/DocumentViewer';
import { ImportWizard } from '../features/import/components/ImportWizard';
import { CaptureHost } from '../features/capture/components/CaptureHost';
import { FileMenu } from '../features/files/components/FileMenu';
import { FilesDialogs } from '../features/files/components/FilesDialogs';
import { TeamDialogs } from '../features/team/components/TeamDialogs';
import { AboutDialog, CommandPalette, ShortcutsHelp } from './CommandPalette';
import { StatusBar } from './StatusBar';
import { Toasts } from './Toasts';
import { useAppStore, VIEWS } from './store';

const NAV_ICON: Record<string, string> = {
  map: '◉',
  processes: '⇶',
  competencies: '⬡',
  experts: '◆',
  inventory: '▤',
  library: '▦',
  glossary: '≡',
};

/**
 * Keyboard shortcuts, except bare keys while a modal dialog is open: `+` or `N` pressed in the shortcuts help
 * must not act on the map behind it (Escape belongs to the dialog, which stops it before it gets here).
 */
function onKeydown(e: KeyboardEvent): void {
  const bare = !e.ctrlKey && !e.metaKey && !e.altKey && !/^F\d+$/.test(e.key);
  if (bare && document.querySelector('[aria-modal="true"]')) return;
  handleKeydown(e);
}

/** The app shell: navigation rail, the current view, status bar, global modals and toasts. */
export function App() {
  const { t, i18n } = useTranslation();
  const { view, setView, theme, setTheme, modal } = useAppStore();
  const info = useWorkspaceInfo();
  useLiveInvalidation();

  useEffect(() => registerAppCommands(), []);
  useEffect(() => {
    window.addEventListener('keydown', onKeydown);
    const off = subscribe('app:did-run-command', ({ id }) => runCommand(id, 'menu'));
    return () => {
      window.removeEventListener('keydown', onKeydown);
      off();
    };
  }, []);
  useEffect(() => {
    document.documentElement.dataset.theme = theme;
  }, [theme]);

  return (
    <div className="app">
      <nav className="nav-rail" aria-label="main">
        <div className="brand" title={info.data?.path}>
          <svg className="logo" viewBox="0 0 24 24" width="22" height="22" aria-hidden="true">
            <path d="M12 2C9 7 6 10.5 6 14a6 6 0 0 0 12 0c0-3.5-3-7-6-12z" fill="var(--accent)" />
            <path d="M9.5 14.5a2.5 2.5 0 0 0 2.5 2.5" stroke="var(--panel)" strokeWidth="1.6" fill="none" />
          </svg>
          <span>{t('appName')}</span>
        </div>
        {VIEWS.map((v) => (
          <button
            key={v}
            className={view === v ? 'active' : ''}
            aria-current={view === v ? 'page' : undefined}
            data-testid={`nav-${v}`}
            onClick={() => setView(v)}
          >
            <span className="icon">{NAV_ICON[v]}</span>
            {t(`nav.${v}`)}
          </button>
        ))}
        <SavedViewsToggle />
        <FileMenu />
        <span className="spacer" />
        <label className="nav-setting">
          {t('language.label')}
          <select
            value={i18n.language}
            data-testid="language"
            onChange={(e) => void setLanguage(e.target.value as Language)}
          >
            <option value="zh-CN">{t('language.zhCN')}</option>
            <option value="en">{t('language.en')}</option>
          </select>
        </label>
        <label className="nav-setting">
          {t('theme.label')}
          <select
            value={theme}
            data-testid="theme"
            onChange={(e) => setTheme(e.target.value as 'light' | 'dark')}
          >
            <option value="light">{t('theme.light')}</option>
            <option value="dark">{t('theme.dark')}</option>
          </select>
        </label>
      </nav>
      <main className="view">
        <ViewErrorBoundary viewKey={view}>
          {info.isError ? (
            <div className="empty-view">
              <div className="empty-card">
                <h2>{t('errors.title')}</h2>
                <p>{t('errors.loadFailed', { message: info.error.message })}</p>
                <button onClick={() => void info.refetch()}>{t('errors.retry')}</button>
              </div>
            </div>
          ) : view === 'map' ? (
            <MapView />
          ) : view === 'processes' ? (
            <ProcessesView />
          ) : view === 'experts' ? (
            <ExpertsView />
          ) : view === 'library' ? (
            <LibraryView />
          ) : view === 'inventory' ? (
            <InventoryView />
          ) : view === 'competencies' ? (
            <CompetenciesView />
          ) : view === 'glossary' ? (
            <GlossaryView />
          ) : (
            <EmptyView view={view} />
          )}
        </ViewErrorBoundary>
      </main>
      <StatusBar />
      {modal === 'palette' && <CommandPalette />}
      {modal === 'shortcuts' && <ShortcutsHelp />}
      {modal === 'about' && <AboutDialog />}
      {modal === 'search' && <SearchDialog />}
      <SavedViews />
      <DocumentViewer />
      <CaptureHost />
      <ImportWizard />
      <FilesDialogs />
      <TeamDialogs />
      <Toasts />
    </div>
  );
}
