import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { exportView, VIEW_EXPORT_FORMATS, type ExportSource, type ViewExportFormat } from './view-export';
import './export.css';

/**
 * "Export ▾" on a graph view's toolbar: a menu of PNG (2×), SVG, PDF and the offline HTML snapshot of the view on
 * screen (ui/export/view-export.ts). Keyboard: Enter or ↓ opens it with the first entry focused, ↑ ↓ move, Enter
 * picks, Escape closes and gives focus back to the button. While an export is drawn the button says so and is
 * disabled. `source` is asked for when an entry is picked (null: nothing to export yet, the button is disabled).
 */
export function ExportMenu(props: { source: () => ExportSource | null; testId: string; disabled?: boolean }) {
  const { t } = useTranslation('common');
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const menuRef = useRef<HTMLUListElement>(null);

  useEffect(() => {
    if (!open) return;
    menuRef.current?.querySelector<HTMLButtonElement>('button')?.focus();
    const away = (e: PointerEvent) => {
      if (!menuRef.current?.parentElement?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', away);
    return () => document.removeEventListener('pointerdown', away);
  }, [open]);

  const pick = async (format: ViewExportFormat) => {
    setOpen(false);
    buttonRef.current?.focus();
    const source = props.source();
    if (!source) return;
    setBusy(true);
    try {
      await exportView(source, format);
    } finally {
      setBusy(false);
    }
  };

  const onMenuKey = (e: KeyboardEvent<HTMLUListElement>) => {
    const items = [...(menuRef.current?.querySelectorAll<HTMLButtonElement>('button') ?? [])];
    const at = items.indexOf(document.activeElement as HTMLButtonElement);
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const next = (at + (e.key === 'ArrowDown' ? 1 : items.length - 1)) % items.length;
      items[next]?.focus();
    } else if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      setOpen(false);
      buttonRef.current?.focus();
    } else if (e.key === 'Tab') setOpen(false);
  };

  return (
    <div className="export-menu">
      <button
        ref={buttonRef}
        data-testid={props.testId}
        aria-haspopup="menu"
        aria-expanded={open}
        disabled={busy || props.disabled}
        title={t('export.title')}
        onClick={() => setOpen(!open)}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown' && !open) {
            e.preventDefault();
            setOpen(true);
          }
        }}
      >
        {busy ? t('export.busy') : t('export.menu')} <span aria-hidden="true">▾</span>
      </button>
      {open && (
        <ul
          ref={menuRef}
          className="export-menu-list"
          role="menu"
          aria-label={t('export.menu')}
          onKeyDown={onMenuKey}
        >
          {VIEW_EXPORT_FORMATS.map((f) => (
            <li key={f} role="none">
              <button role="menuitem" data-testid={`${props.testId}-${f}`} onClick={() => void pick(f)}>
                <strong>{t(`export.${f}`)}</strong>
                <span className="muted">{t(`export.${f}Hint`)}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
