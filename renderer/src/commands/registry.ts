/**
 * The one command registry (STYLE.md, after Excalidraw's actions and tldraw's kbd): each command of
 * preload/commands.ts gets a `run` and an optional `when`. Keyboard shortcuts, the context menu, the command
 * palette, the shortcuts help and the Electron menu all go through `runCommand`.
 */
import { COMMANDS, type CommandSpec } from '../../../preload/commands';
import { matches, parseKeys, type KeyChord } from './keys';

/** Where a command was started from. */
export type CommandSource = 'keyboard' | 'menu' | 'palette' | 'context' | 'button';

export interface Command extends CommandSpec {
  run(source: CommandSource): void | Promise<void>;
  /** Whether the command can run now (default: always). */
  when?(): boolean;
}

const runners = new Map<string, Pick<Command, 'run' | 'when'>>();
const chords = new Map<string, KeyChord>(
  COMMANDS.filter((c) => c.keys).map((c) => [c.id, parseKeys(c.keys!)]),
);

/** Attaches behaviour to command ids. Returns an unregister function. */
export function registerCommands(impl: Record<string, Pick<Command, 'run' | 'when'>>): () => void {
  for (const [id, r] of Object.entries(impl)) runners.set(id, r);
  return () => {
    for (const id of Object.keys(impl)) if (runners.get(id) === impl[id]) runners.delete(id);
  };
}

/** Every command with behaviour attached, in COMMANDS order. */
export function commands(): Command[] {
  return COMMANDS.filter((c) => runners.has(c.id)).map((c) => ({ ...c, ...runners.get(c.id)! }));
}

/** Runs a command by id if it is registered and enabled; returns whether it ran. */
export function runCommand(id: string, source: CommandSource): boolean {
  const r = runners.get(id);
  if (!r || (r.when && !r.when())) return false;
  void r.run(source);
  return true;
}

/** True while the user types into a field or an IME is composing: single-key shortcuts must not fire then. */
export function isTyping(e: KeyboardEvent): boolean {
  if (e.isComposing || e.keyCode === 229) return true;
  const t = e.target as HTMLElement | null;
  if (!t) return false;
  return t.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(t.tagName);
}

/**
 * The global keydown handler. While typing, only chords with Ctrl/Cmd (other than undo/redo, which belong to the
 * text field then) and F-keys run.
 */
export function handleKeydown(e: KeyboardEvent): void {
  if (e.isComposing || e.keyCode === 229) return;
  const typing = isTyping(e);
  for (const [id, chord] of chords) {
    if (!matches(chord, e)) continue;
    if (typing && !(chord.mod || /^f\d+$/.test(chord.key))) continue;
    if (typing && (id === 'history.undo' || id === 'history.redo' || id === 'map.focusSearch')) continue;
    if (runCommand(id, 'keyboard')) {
      e.preventDefault();
      e.stopPropagation();
    }
    return;
  }
}
