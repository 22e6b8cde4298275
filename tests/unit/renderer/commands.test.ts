import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../../preload/commands';
import { chordId, matches, parseKeys } from '../../../renderer/src/commands/keys';

function key(init: Partial<KeyboardEvent>): KeyboardEvent {
  return {
    ctrlKey: false,
    metaKey: false,
    shiftKey: false,
    altKey: false,
    key: '',
    code: '',
    ...init,
  } as KeyboardEvent;
}

describe('command registry', () => {
  it('has unique ids and no two commands on the same key binding', () => {
    const ids = COMMANDS.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    const chords = COMMANDS.filter((c) => c.keys).map((c) => chordId(parseKeys(c.keys!)));
    const dupes = chords.filter((c, i) => chords.indexOf(c) !== i);
    expect(dupes).toEqual([]);
  });

  it('parses accelerators and matches keydown events', () => {
    const redo = parseKeys('CmdOrCtrl+Shift+Z');
    expect(redo).toEqual({ mod: true, shift: true, alt: false, key: 'z' });
    expect(matches(redo, key({ ctrlKey: true, shiftKey: true, key: 'Z', code: 'KeyZ' }))).toBe(true);
    expect(matches(redo, key({ metaKey: true, shiftKey: true, key: 'z', code: 'KeyZ' }))).toBe(true);
    expect(matches(redo, key({ ctrlKey: true, key: 'z', code: 'KeyZ' }))).toBe(false);
    const undo = parseKeys('CmdOrCtrl+Z');
    expect(matches(undo, key({ ctrlKey: true, shiftKey: true, key: 'Z', code: 'KeyZ' }))).toBe(false);
    // Non-Latin keyboard layouts still match by physical key.
    expect(matches(undo, key({ ctrlKey: true, key: 'я', code: 'KeyZ' }))).toBe(true);
    expect(parseKeys('CmdOrCtrl+=').key).toBe('=');
    expect(matches(parseKeys('Delete'), key({ key: 'Delete' }))).toBe(true);
    expect(matches(parseKeys('Alt+1'), key({ altKey: true, key: '¡', code: 'Digit1' }))).toBe(true);
  });
});
