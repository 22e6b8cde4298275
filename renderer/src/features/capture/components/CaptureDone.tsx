import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { subscribe } from '../../../api/client';
import { useAppStore } from '../../../app/store';
import { focusNode, useMapStore } from '../../map/store';
import { useCaptureStore } from '../store';

/** How long the notice stays, in ms: long enough to reach its button with the keyboard. */
const SHOWN_MS = 15_000;

/**
 * The notice after a form was submitted: how many items it made, Ctrl+Z to undo, and "show on the map" (the
 * whole map, unfiltered, centred on the first item). It goes after SHOWN_MS, on ×, or when the submission is
 * undone (its items are gone then).
 */
export function CaptureDone() {
  const { t } = useTranslation('capture');
  const done = useCaptureStore((s) => s.done);
  const set = useCaptureStore((s) => s.set);
  const seq = done?.seq;
  const first = done ? (done.result.createdIds[0] ?? done.result.linkedIds[0] ?? null) : null;
  useEffect(() => {
    if (seq === undefined) return;
    const timer = setTimeout(() => set({ done: null }), SHOWN_MS);
    const off = subscribe('graph:did-change', (change) => {
      if (change.reason === 'undo' && first && change.nodeIds.includes(first)) set({ done: null });
    });
    return () => {
      clearTimeout(timer);
      off();
    };
  }, [seq, first, set]);
  if (!done) return null;
  const { createdIds, linkedIds } = done.result;
  const show = () => {
    if (!first) return;
    useAppStore.getState().setView('map');
    useMapStore.getState().set({ ego: null, filter: {} });
    focusNode(first);
    set({ done: null });
  };
  return (
    <div className="capture-toasts" aria-live="polite">
      <div className="toast capture-done" role="status" data-testid="capture-done">
        <span className="capture-done-text">
          <span>{t(`done.${done.form}`, { count: createdIds.length })}</span>
          {linkedIds.length > 0 && <span>{t('done.linked', { count: linkedIds.length })}</span>}
          <span>{t('done.undo')}</span>
        </span>
        <button type="button" className="link" data-testid="capture-show-on-map" onClick={show}>
          {t('done.showOnMap')}
        </button>
        <button
          type="button"
          className="icon"
          aria-label={t('done.dismiss')}
          title={t('done.dismiss')}
          onClick={() => set({ done: null })}
        >
          ×
        </button>
      </div>
    </div>
  );
}
