import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { commands, runCommand } from '../commands/registry';
import { keyLabel } from '../commands/keys';
import { Modal } from '../ui/Modal';
import { useAppStore } from './store';

/** Ctrl+Shift+P: every registered command, filtered as you type (title in either language, or id). */
export function CommandPalette() {
  const { t } = useTranslation(['common', 'commands']);
  const close = () => useAppStore.getState().setModal(null);
  const [q, setQ] = useState('');
  const [active, setActive] = useState(0);
  const list = useMemo(() => {
    const needle = q.trim().toLowerCase();
    return commands()
      .filter((c) => !c.when || c.when())
      .map((c) => ({ ...c, title: t(`commands:${c.titleKey}` as 'commands:undo') }))
      .filter(
        (c) => !needle || c.title.toLowerCase().includes(needle) || c.id.toLowerCase().includes(needle),
      );
  }, [q, t]);
  const run = (id: string) => {
    close();
    runCommand(id, 'palette');
  };
  return (
    <Modal title={t('commands:commandPalette')} onClose={close} testId="command-palette">
      <input
        autoFocus
        value={q}
        placeholder={t('palette.placeholder')}
        onChange={(e) => {
          setQ(e.target.value);
          setActive(0);
        }}
        onKeyDown={(e) => {
          if (e.nativeEvent.isComposing) return;
          if (e.key === 'ArrowDown') setActive((a) => Math.min(a + 1, list.length - 1));
          else if (e.key === 'ArrowUp') setActive((a) => Math.max(a - 1, 0));
          else if (e.key === 'Enter' && list[active]) run(list[active].id);
          else return;
          e.preventDefault();
        }}
      />
      <ul className="palette-list" role="listbox">
        {list.length === 0 && <li className="muted">{t('palette.noMatch')}</li>}
        {list.map((c, i) => (
          <li
            key={c.id}
            role="option"
            aria-selected={i === active}
            className={i === active ? 'active' : ''}
            onMouseEnter={() => setActive(i)}
            onClick={() => run(c.id)}
          >
            <span>{c.title}</span>
            {c.keys && <kbd>{keyLabel(c.keys)}</kbd>}
          </li>
        ))}
      </ul>
    </Modal>
  );
}

/** F1: every key binding, from the same registry. */
export function ShortcutsHelp() {
  const { t } = useTranslation(['common', 'commands']);
  return (
    <Modal
      title={t('shortcuts.title')}
      onClose={() => useAppStore.getState().setModal(null)}
      wide
      testId="shortcuts"
    >
      <table className="shortcuts">
        <tbody>
          {commands()
            .filter((c) => c.keys)
            .map((c) => (
              <tr key={c.id}>
                <td>{t(`commands:${c.titleKey}` as 'commands:undo')}</td>
                <td>
                  <kbd>{keyLabel(c.keys!)}</kbd>
                </td>
              </tr>
            ))}
        </tbody>
      </table>
    </Modal>
  );
}

/** Help → About. */
export function AboutDialog() {
  const { t } = useTranslation();
  return (
    <Modal title={t('about.title')} onClose={() => useAppStore.getState().setModal(null)}>
      <p>{t('about.body', { version: __APP_VERSION__ })}</p>
    </Modal>
  );
}
