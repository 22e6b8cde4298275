/**
 * The one command registry (STYLE.md, after Excalidraw's actions and tldraw's kbd): each command of
 * preload/commands.ts gets a `run` and an optional `when`. Keyboard shortcuts, the context menu, the command
 * palette, the shortcuts help and the Electron menu all go through `runCommand`.
 *
 * Commands act on the view on screen through their context (no global map controller): a view with a canvas
 * registers itself with {@link setActiveView} while it is mounted, and every `run` and `when` gets
 * `{ view, engine }` of the active view, or nulls when there is none.
 */
import { COMMANDS, type CommandSpec } from '../../../preload/commands';
import type { GraphEngine } from '../features/map/engine/graph-engine';
import { matches, parseKeys, type KeyChord } from './keys';

/** Where a command was started from. */
export type CommandSource = 'keyboard' | 'menu' | 'palette' | 'context' | 'button';

/** The view on screen that commands act on: its canvas engine and the view's own actions. */
export interface ActiveView {
  /** Which view: `map` (later `pipeline`, `competency`, `snapshot`, each with its own engine). */
  kind: string;
  engine: GraphEngine;
  /** Focuses the view's search field, if it has one. */
  focusSearch?(): void;
}

/** What a command's `run` and `when` are given. */
export interface CommandContext {
  /** The active view, or null when no view with a canvas is on screen. */
  view: ActiveView | null;
  /** The active view's engine (`view.engine`), or null. */
  engine: GraphEngine | null;
}

/** The behaviour attached to a command id. */
export interface CommandImpl {
  run(context: CommandContext, source: CommandSource): void | Promise<void>;
  /** Whether the command can run now (default: always). */
  when?(context: CommandContext): boolean;
}

/** A command as menus and the palette list it: its spec with `run` and `when` bound to the active view. */
export interface Command extends CommandSpec {
  run(source: CommandSource): void | Promise<void>;
  when?(): boolean;
}

const runners = new Map<string, CommandImpl>();
const chords = new Map<string, KeyChord>(
  COMMANDS.filter((c) => c.keys).map((c) => [c.id, parseKeys(c.keys!)]),
);
let active: ActiveView | null = null;

/**
 * Makes `view` the one commands act on (a view calls it when it mounts). Returns the function that clears it
 * again, which does nothing if another view has become active since.
 */
export function setActiveView(view: ActiveView): () => void {
  active = view;
  return () => {
    if (active === view) active = null;
  };
}

/** The context commands run in now. */
export function commandContext(): CommandContext {
  return { view: active, engine: active?.engine ?? null };
}

/** Attaches behaviour to command ids. Returns an unregister function. */
export function registerCommands(impl: Record<string, CommandImpl>): () => void {
  for (const [id, r] of Object.entries(impl)) runners.set(id, r);
  return () => {
    for (const id of Object.keys(impl)) if (runners.get(id) === impl[id]) runners.delete(id);
  };
}

/** Every command with behaviour attached, in COMMANDS order, bound to the context current when called. */
export function commands(): Command[] {
  return COMMANDS.filter((c) => runners.has(c.id)).map((c) => {
    const r = runners.get(c.id)!;
    return {
      ...c,
      run: (source: CommandSource) => r.run(commandContext(), source),
      when: r.when ? () => r.when!(commandContext()) : undefined,
    };
  });
}

/** Runs a command by id if it is registered and enabled; returns whether it ran. */
export function runCommand(id: string, source: CommandSource): boolean {
  const r = runners.get(id);
  const context = commandContext();
  if (!r || (r.when && !r.when(context))) return false;
  void r.run(context, source);
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
