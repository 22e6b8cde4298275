import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../../app/store';
import { useSavedViews } from '../queries';
import { openSavedView } from '../saved-views';
import { onFullscreenChange, stepPresentation, stopPresentation } from '../presentation';
import { useSavedViewsStore } from '../store';

const NEXT = new Set(['ArrowRight', 'ArrowDown', 'PageDown', ' ']);
const PREV = new Set(['ArrowLeft', 'ArrowUp', 'PageUp']);

/**
 * Presentation mode's overlay: the view's name in large type, where it is in the sequence, and ←/→ buttons.
 * While it is shown every key goes here first (read-only: no shortcut reaches the views behind it); ←/→ step
 * with a smooth camera move, Esc leaves.
 */
export function Presentation() {
  const { t } = useTranslation('views');
  const presenting = useSavedViewsStore((s) => s.presenting);
  const views = useSavedViews();
  const notify = useAppStore((s) => s.notify);
  const [shown, setShown] = useState<string | null>(null);
  const id = presenting ? presenting.ids[presenting.index] : undefined;
  const view = views.data?.find((v) => v.id === id);

  useEffect(() => {
    if (!presenting) return;
    const onKey = (e: KeyboardEvent) => {
      e.stopPropagation();
      if (NEXT.has(e.key)) stepPresentation(1);
      else if (PREV.has(e.key)) stepPresentation(-1);
      else if (e.key === 'Escape') void stopPresentation();
      else if (e.key === 'F11') return;
      else if (e.key !== 'Tab') return e.preventDefault();
      else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey, true);
    document.addEventListener('fullscreenchange', onFullscreenChange);
    return () => {
      window.removeEventListener('keydown', onKey, true);
      document.removeEventListener('fullscreenchange', onFullscreenChange);
    };
  }, [presenting]);

  useEffect(() => {
    if (!view) return;
    let live = true;
    openSavedView(view, true)
      .then(() => live && setShown(view.id))
      .catch((e: Error) => notify(e.message, 'error'));
    return () => {
      live = false;
    };
    // Only a change of the view shown re-opens it (not a refetch of the list).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [view?.id]);

  if (!presenting) return null;
  const ready = shown === id;
  return (
    <div
      className="presentation-overlay"
      data-testid="presentation-overlay"
      data-ready={ready ? 'true' : 'false'}
      data-index={presenting.index}
      role="dialog"
      aria-modal="true"
      aria-label={t('presentation')}
    >
      <div className="pres-caption">
        <h1 data-testid="presentation-title">
          {view?.name ?? (views.isError ? t('loadFailed', { message: views.error.message }) : t('loading'))}
        </h1>
        <span className="pres-count">
          {t('step', { n: presenting.index + 1, count: presenting.ids.length })}
        </span>
      </div>
      <div className="pres-nav">
        <button
          aria-label={t('previous')}
          title={t('previous')}
          disabled={presenting.index === 0}
          onClick={() => stepPresentation(-1)}
        >
          ←
        </button>
        <button
          aria-label={t('next')}
          title={t('next')}
          disabled={presenting.index === presenting.ids.length - 1}
          onClick={() => stepPresentation(1)}
        >
          →
        </button>
        <button aria-label={t('leave')} title={t('leave')} onClick={() => void stopPresentation()}>
          {t('esc')}
        </button>
      </div>
    </div>
  );
}
