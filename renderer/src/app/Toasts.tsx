import { useEffect } from 'react';
import { useAppStore } from './store';

/** At most this many toasts at once: a burst of notices (four exports in a row) must not cover the view. */
const MAX_VISIBLE = 3;

/**
 * Transient notices, bottom right; errors stay longer and can be dismissed. When more than MAX_VISIBLE are
 * pushed, the oldest go first: hidden at once, and dismissed from the store so they do not come back when a newer
 * one is closed (`notify` appends; each toast's own timer would only remove it seconds later).
 */
export function Toasts() {
  const { toasts, dismiss } = useAppStore();
  const over = toasts.length - MAX_VISIBLE;
  useEffect(() => {
    if (over > 0) for (const t of toasts.slice(0, over)) dismiss(t.id);
  }, [toasts, over, dismiss]);
  return (
    <div className="toasts" aria-live="polite">
      {toasts.slice(Math.max(0, over)).map((t) => (
        <div key={t.id} className={`toast ${t.kind}`} role={t.kind === 'error' ? 'alert' : 'status'}>
          <span>{t.text}</span>
          <button className="icon" aria-label="×" onClick={() => dismiss(t.id)}>
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
