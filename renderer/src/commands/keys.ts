/**
 * Key bindings in Electron accelerator syntax (`CmdOrCtrl+Shift+Z`), parsed once and matched against keydown
 * events, so the same string drives the renderer's shortcuts and the native menu's accelerators.
 */
export interface KeyChord {
  mod: boolean;
  shift: boolean;
  alt: boolean;
  key: string;
}

const NAMED: Record<string, string> = { plus: '+', esc: 'escape', del: 'delete', space: ' ' };

/** Parses `CmdOrCtrl+Shift+Z` → {mod, shift, alt, key:'z'}. */
export function parseKeys(spec: string): KeyChord {
  const parts = spec.split('+').map((p) => p.trim());
  // "CmdOrCtrl+=" and "CmdOrCtrl+-" end with the key itself; "CmdOrCtrl++" is not used.
  const key = parts[parts.length - 1]!.toLowerCase();
  const mods = parts.slice(0, -1).map((p) => p.toLowerCase());
  return {
    mod: mods.some((m) => m === 'cmdorctrl' || m === 'ctrl' || m === 'cmd' || m === 'commandorcontrol'),
    shift: mods.includes('shift'),
    alt: mods.includes('alt'),
    key: NAMED[key] ?? key,
  };
}

/** Normalised identity of a chord, for duplicate detection. */
export function chordId(c: KeyChord): string {
  return `${c.mod ? 'mod+' : ''}${c.shift ? 'shift+' : ''}${c.alt ? 'alt+' : ''}${c.key}`;
}

/** True when a keydown event is this chord. Uses `code` for letters/digits so Shift and Alt layouts still match. */
export function matches(c: KeyChord, e: KeyboardEvent): boolean {
  const mod = e.ctrlKey || e.metaKey;
  // A bare symbol (`+`) matches with or without Shift: many layouts need Shift to type it.
  const symbol = !c.shift && c.key.length === 1 && !/[a-z0-9]/.test(c.key);
  if (mod !== c.mod || (e.shiftKey !== c.shift && !symbol) || e.altKey !== c.alt) return false;
  const k = e.key.toLowerCase();
  if (k === c.key) return true;
  if (/^[a-z]$/.test(c.key)) return e.code === `Key${c.key.toUpperCase()}`;
  if (/^[0-9]$/.test(c.key)) return e.code === `Digit${c.key}`;
  return false;
}

/** Human label of a binding for menus and the palette: Ctrl+Shift+Z (⌘⇧Z on macOS). */
export function keyLabel(spec: string, mac = /Mac/.test(navigator.platform)): string {
  const c = parseKeys(spec);
  const key = c.key.length === 1 ? c.key.toUpperCase() : c.key[0]!.toUpperCase() + c.key.slice(1);
  if (mac) return `${c.mod ? '⌘' : ''}${c.alt ? '⌥' : ''}${c.shift ? '⇧' : ''}${key}`;
  return [c.mod && 'Ctrl', c.alt && 'Alt', c.shift && 'Shift', key].filter(Boolean).join('+');
}
