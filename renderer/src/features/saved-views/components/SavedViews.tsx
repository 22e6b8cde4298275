import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useSavedViewsStore } from '../store';
import { Presentation } from './Presentation';
import { SavedViewsPanel } from './SavedViewsPanel';
import '../saved-views.css';

/** The nav-rail button that opens and closes the saved-views sidebar. */
export function SavedViewsToggle() {
  const { t } = useTranslation('views');
  const { panelOpen, set } = useSavedViewsStore();
  return (
    <button
      className={panelOpen ? 'active' : ''}
      aria-pressed={panelOpen}
      aria-controls="saved-views"
      data-testid="saved-views-toggle"
      onClick={() => set({ panelOpen: !panelOpen })}
    >
      <span className="icon">★</span>
      {t('title')}
    </button>
  );
}

/** The saved-views sidebar (when open) and presentation mode (when on), mounted once by the app shell. */
export function SavedViews() {
  const panelOpen = useSavedViewsStore((s) => s.panelOpen);
  // The sidebar is a column of the app's grid: the graph canvases beside it change size.
  useEffect(() => {
    const frame = requestAnimationFrame(() => window.dispatchEvent(new Event('resize')));
    return () => cancelAnimationFrame(frame);
  }, [panelOpen]);
  return (
    <>
      {panelOpen && (
        <div id="saved-views">
          <SavedViewsPanel />
        </div>
      )}
      <Presentation />
    </>
  );
}
