import { describe, expect, it } from 'vitest';
import { backupsToKeep, isoWeek, localDay, type DatedBackup } from '../../../../main/core/backup/retention';

// Every time here is local (new Date(y, m, d, h)), so the cases hold in any time zone the tests run in.
const at = (y: number, m: number, d: number, h = 12, min = 0) => new Date(y, m - 1, d, h, min);
const backup = (y: number, m: number, d: number, h = 12, min = 0): DatedBackup => ({
  file: `ws-${localDay(at(y, m, d))}T${String(h).padStart(2, '0')}${String(min).padStart(2, '0')}.wellspring`,
  takenAt: at(y, m, d, h, min).toISOString(),
});
const names = (list: readonly DatedBackup[]) => list.map((b) => b.file);
/** Shuffled by a fixed permutation, so that input order is shown not to matter. */
const shuffled = <T>(list: readonly T[]) =>
  list
    .map((b, i) => ({ b, k: (i * 7919) % 101 }))
    .sort((x, y) => x.k - y.k)
    .map((x) => x.b);

describe('isoWeek', () => {
  it('numbers weeks from Monday, each in the year of its Thursday (checked against Python isocalendar)', () => {
    expect(isoWeek(at(2026, 12, 31))).toBe('2026-W53'); // Thursday
    expect(isoWeek(at(2027, 1, 1))).toBe('2026-W53'); // Friday: still the old year's week
    expect(isoWeek(at(2027, 1, 3))).toBe('2026-W53'); // Sunday ends it
    expect(isoWeek(at(2027, 1, 4))).toBe('2027-W01'); // Monday
    expect(isoWeek(at(2024, 12, 30))).toBe('2025-W01'); // a December day in the next year's first week
    expect(isoWeek(at(2021, 1, 3))).toBe('2020-W53');
    expect(isoWeek(at(2025, 12, 29))).toBe('2026-W01');
    expect(isoWeek(at(2026, 3, 1))).toBe('2026-W09'); // Sunday after 28 February
    expect(isoWeek(at(2026, 3, 2))).toBe('2026-W10');
  });

  it('uses the local calendar day, whatever the hour', () => {
    expect(isoWeek(at(2027, 1, 3, 23, 59))).toBe('2026-W53');
    expect(isoWeek(at(2027, 1, 4, 0, 0))).toBe('2027-W01');
  });
});

describe('backupsToKeep (7 daily, 4 weekly)', () => {
  it('keeps what the docstring’s worked example says, across the 2026/2027 year change', () => {
    const list = [
      backup(2027, 1, 13, 9),
      backup(2027, 1, 12),
      backup(2027, 1, 11),
      backup(2027, 1, 10, 9),
      backup(2027, 1, 10, 18),
      backup(2027, 1, 8),
      backup(2027, 1, 5),
      backup(2027, 1, 4),
      backup(2027, 1, 2),
      backup(2026, 12, 31),
      backup(2026, 12, 30),
      backup(2026, 12, 28),
      backup(2026, 12, 20),
      backup(2026, 12, 14),
      backup(2026, 12, 2),
      backup(2026, 11, 25),
      backup(2026, 11, 16),
    ];
    const kept = backupsToKeep(shuffled(list), at(2027, 1, 13, 10));
    expect(names(kept)).toEqual(
      names([
        backup(2027, 1, 13, 9),
        backup(2027, 1, 12),
        backup(2027, 1, 11),
        backup(2027, 1, 10, 18),
        backup(2027, 1, 8),
        backup(2027, 1, 5),
        backup(2027, 1, 4),
        backup(2027, 1, 2), // 2026-W53, newest of Dec 28 – Jan 3
        backup(2026, 12, 20), // W51
        backup(2026, 12, 2), // W49
        backup(2026, 11, 25), // W48, the fourth week; Nov 16 (W47) would be a fifth
      ]),
    );
  });

  it('keeps the newest of each day when fewer than 7 days have a backup, and nothing weekly', () => {
    const list = [backup(2026, 12, 1, 8), backup(2026, 12, 1, 20), backup(2026, 11, 3), backup(2026, 6, 30)];
    expect(names(backupsToKeep(list, at(2026, 12, 2)))).toEqual(
      names([backup(2026, 12, 1, 20), backup(2026, 11, 3), backup(2026, 6, 30)]),
    );
  });

  it('counts days that have a backup, so a long gap does not delete the last ones taken', () => {
    // Backups on 1–10 January 2026, then the app is not opened until 15 March.
    const list = Array.from({ length: 10 }, (_, i) => backup(2026, 1, i + 1));
    const kept = backupsToKeep(list, at(2026, 3, 15));
    // Daily: Jan 10 … Jan 4. Weekly beyond them: Jan 1–3 are in 2026-W01 (29 Dec – 4 Jan): the newest, Jan 3.
    expect(names(kept)).toEqual(names([10, 9, 8, 7, 6, 5, 4, 3].map((d) => backup(2026, 1, d))));
  });

  it('crosses a month end (February 2026 has 28 days) and starts the weeks inside a partly kept week', () => {
    const list: DatedBackup[] = [];
    for (
      let t = at(2026, 1, 20);
      t <= at(2026, 3, 3);
      t = at(t.getFullYear(), t.getMonth() + 1, t.getDate() + 1)
    )
      list.push(backup(t.getFullYear(), t.getMonth() + 1, t.getDate()));
    expect(list).toHaveLength(43); // 12 days of January, 28 of February, 3 of March
    const kept = backupsToKeep(list, at(2026, 3, 3, 20));
    expect(names(kept)).toEqual(
      names([
        backup(2026, 3, 3),
        backup(2026, 3, 2),
        backup(2026, 3, 1),
        backup(2026, 2, 28),
        backup(2026, 2, 27),
        backup(2026, 2, 26),
        backup(2026, 2, 25),
        backup(2026, 2, 24), // W09 (23 Feb – 1 Mar): its older days count as that week
        backup(2026, 2, 22), // W08
        backup(2026, 2, 15), // W07
        backup(2026, 2, 8), // W06
      ]),
    );
  });

  it('keeps backups dated after now (a clock set back) without letting them use up a day', () => {
    const future = backup(2026, 12, 24);
    const list = [future, ...Array.from({ length: 8 }, (_, i) => backup(2026, 12, 10 + i))];
    const kept = backupsToKeep(list, at(2026, 12, 18));
    // Daily: Dec 17 … Dec 11 (seven days); Dec 10 is the newest of its week (W50: 7–13 Dec) beyond them.
    expect(names(kept)).toEqual(
      names([future, ...[17, 16, 15, 14, 13, 12, 11, 10].map((d) => backup(2026, 12, d))]),
    );
  });

  it('keeps nothing of nothing', () => {
    expect(backupsToKeep([], at(2026, 12, 1))).toEqual([]);
  });
});
