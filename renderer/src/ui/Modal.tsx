import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * A modal dialog with a title and a close button. Focus moves inside on open: to an element that asked for it or
 * the first field, else the first button, else the close button, so Escape always reaches the dialog and closes
 * it (issue #6: F1's dialog had nothing focusable, and Escape went to the map instead). A click on the backdrop
 * closes it too.
 */
export function Modal(props: {
  title: string;
  onClose: () => void;
  children: ReactNode;
  wide?: boolean;
  testId?: string;
}) {
  const { t } = useTranslation('common');
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog || dialog.contains(document.activeElement)) return;
    const target =
      dialog.querySelector<HTMLElement>('[autofocus], input, select, textarea') ??
      dialog.querySelector<HTMLElement>('button:not(.modal-close)') ??
      dialog.querySelector<HTMLElement>('.modal-close') ??
      dialog;
    target.focus();
  }, []);
  return (
    <div className="modal-backdrop" onMouseDown={(e) => e.target === e.currentTarget && props.onClose()}>
      <div
        ref={ref}
        className={`modal${props.wide ? ' wide' : ''}`}
        role="dialog"
        aria-modal="true"
        aria-label={props.title}
        data-testid={props.testId}
        tabIndex={-1}
        onKeyDown={(e) => {
          if (e.key === 'Escape' && !e.nativeEvent.isComposing) {
            e.stopPropagation();
            props.onClose();
          }
        }}
      >
        <div className="modal-header">
          <h2>{props.title}</h2>
          <button
            type="button"
            className="modal-close ghost"
            aria-label={t('actions.close')}
            title={t('actions.close')}
            data-testid="modal-close"
            onClick={props.onClose}
          >
            ×
          </button>
        </div>
        {props.children}
      </div>
    </div>
  );
}
