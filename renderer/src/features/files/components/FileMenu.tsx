import { Fragment, useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isElectron } from '../../../api/client';
import { keyLabel } from '../../../commands/keys';
import { commands, runCommand, type Command } from '../../../commands/registry';
import '../files.css';

/** One row of the menu: a command, and whether a separator goes before it (its group changed). */
interface Row {
  command: Command;
  enabled: boolean;
  groupStart: boolean;
}

/**
 * The File commands as the native menu lists them (preload/commands.ts, menu 'file', in that order), those with
 * behaviour in the renderer only (quit is the shell's), grouped by the id's area (`workspace.`, `file.`, `view.`…)
 * with a separator between groups. `when` is read at opening: a view export is greyed out off the views that have one.
 */
function fileRows(): Row[] {
  const list = commands().filter((c) => c.menu === 'file' && !c.role);
  return list.map((command, i) => ({
    command,
    enabled: !command.when || command.when(),
    groupStart: i > 0 && command.id.split('.')[0] !== list[i - 1]!.id.split('.')[0],
  }));
}

/**
 * The File menu in the navigation rail: browser mode has no native menu bar, so a "File ▾" button opens the File
 * commands with their shortcuts, run through runCommand. WAI-ARIA menu button pattern: Enter, Space or ↓ opens
 * at the first item, ↑ at the last; in the menu ↑/↓ (wrapping), Home/End move, Enter or Space runs, Escape closes
 * and gives the focus back to the button, Tab or a click elsewhere closes. Under Electron it is not shown (the
 * native File menu has the same commands).
 */
export function FileMenu() {
  const { t } = useTranslation(['files', 'commands']);
  const [open, setOpen] = useState<null | 'first' | 'last'>(null);
  const [rows, setRows] = useState<Row[]>([]);
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLDivElement>(null);
  const [pos, setPos] = useState<{ left: number; top: number }>({ left: 0, top: 0 });

  const items = () => [
    ...(menu.current?.querySelectorAll<HTMLElement>('[role=menuitem]:not([aria-disabled=true])') ?? []),
  ];
  const close = (focusButton: boolean) => {
    setOpen(null);
    if (focusButton) button.current?.focus();
  };
  const show = (at: 'first' | 'last') => {
    setRows(fileRows());
    setOpen(at);
  };

  // Beside the button, kept inside the window; then the focus goes to the first or last item.
  useLayoutEffect(() => {
    if (!open || !menu.current || !button.current) return;
    const b = button.current.getBoundingClientRect();
    const m = menu.current.getBoundingClientRect();
    setPos({
      left: Math.min(b.right + 6, window.innerWidth - m.width - 4),
      top: Math.max(4, Math.min(b.top, window.innerHeight - m.height - 4)),
    });
    const list = items();
    (open === 'last' ? list[list.length - 1] : list[0])?.focus();
  }, [open]);

  useEffect(() => {
    if (!open) return;
    const outside = (e: MouseEvent) => {
      const target = e.target as Node;
      if (!menu.current?.contains(target) && !button.current?.contains(target)) close(false);
    };
    window.addEventListener('mousedown', outside);
    return () => window.removeEventListener('mousedown', outside);
  }, [open]);

  if (isElectron) return null;

  const run = (row: Row) => {
    if (!row.enabled) return;
    // Closed first, the focus back on the button: a dialog the command opens takes it from there (and gives it
    // back to the button when it closes).
    close(true);
    runCommand(row.command.id, 'menu');
  };

  const onMenuKey = (e: KeyboardEvent) => {
    const list = items();
    const at = list.indexOf(document.activeElement as HTMLElement);
    const go = (i: number) => list[(i + list.length) % list.length]?.focus();
    if (e.key === 'ArrowDown') go(at + 1);
    else if (e.key === 'ArrowUp') go(at < 0 ? -1 : at - 1);
    else if (e.key === 'Home') go(0);
    else if (e.key === 'End') go(-1);
    else if (e.key === 'Escape') close(true);
    else if (e.key === 'Tab') {
      close(false);
      return; // the focus moves on as Tab moves it
    } else return;
    e.preventDefault();
    e.stopPropagation();
  };

  return (
    <>
      <button
        ref={button}
        className={`file-menu-button${open ? ' active' : ''}`}
        aria-haspopup="menu"
        aria-expanded={open !== null}
        aria-controls={open ? 'file-menu' : undefined}
        data-testid="file-menu-button"
        onClick={() => (open ? close(false) : show('first'))}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
            e.preventDefault();
            show(e.key === 'ArrowUp' ? 'last' : 'first');
          }
        }}
      >
        <span className="icon">▭</span>
        {t('files:menu.button')}
        <span className="file-menu-caret" aria-hidden="true">
          ▾
        </span>
      </button>
      {open && (
        <div
          ref={menu}
          id="file-menu"
          className="floating-menu file-menu"
          role="menu"
          aria-label={t('files:menu.label')}
          data-testid="file-menu"
          style={pos}
          onKeyDown={onMenuKey}
        >
          {rows.map((row) => (
            <Fragment key={row.command.id}>
              {row.groupStart && <div role="separator" className="file-menu-separator" />}
              <button
                role="menuitem"
                tabIndex={-1}
                aria-disabled={!row.enabled || undefined}
                data-testid={`file-menu-${row.command.id}`}
                onClick={() => run(row)}
                onMouseEnter={(e) => row.enabled && e.currentTarget.focus()}
              >
                <span>{t(`commands:${row.command.titleKey}` as 'commands:undo')}</span>
                {row.command.keys && <kbd>{keyLabel(row.command.keys)}</kbd>}
              </button>
            </Fragment>
          ))}
        </div>
      )}
    </>
  );
}
