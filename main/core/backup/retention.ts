/** How many days, and then how many ISO weeks beyond them, keep a daily backup. */
export const RETENTION = { days: 7, weeks: 4 } as const;

/** A backup to judge: its file and when it was taken (ISO-8601, as listBackups gives it). */
export interface DatedBackup {
  file: string;
  takenAt: string;
}

/** The local calendar day of a time: `2026-12-31`. */
export function localDay(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

/**
 * The ISO 8601 week of the local calendar day of `d`, as `YYYY-Www` (e.g. `2026-W53`). ISO weeks start on
 * Monday, and a week belongs to the year of its Thursday, so 2027-01-01 (a Friday) is in `2026-W53` and
 * 2024-12-30 (a Monday) in `2025-W01`. Method: move to the Thursday of the same week, then count weeks from
 * 1 January of that Thursday's year (ISO 8601-1:2019 §5.2.4.3; the "nearest Thursday" algorithm).
 */
export function isoWeek(d: Date): string {
  // Calendar arithmetic on the local date, done in UTC so daylight-saving days are 24 h long.
  const t = new Date(Date.UTC(d.getFullYear(), d.getMonth(), d.getDate()));
  const weekday = t.getUTCDay() || 7; // Monday 1 … Sunday 7
  t.setUTCDate(t.getUTCDate() + 4 - weekday);
  const year = t.getUTCFullYear();
  const week = Math.floor((t.getTime() - Date.UTC(year, 0, 1)) / 86_400_000 / 7) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/**
 * The daily backups retention keeps ("7 daily, 4 weekly"), newest first; every other one may be deleted.
 *
 * The rule, in the user's local calendar:
 * 1. Backups taken after `now` (a clock that was set back) are always kept and take no part in what follows.
 * 2. Daily: of the 7 most recent days that HAVE a backup (gaps, such as weeks the app was not opened, do not use
 *    up days), keep the newest backup of each day.
 * 3. Weekly: of the backups older than the oldest of those 7 days, group by ISO week (Monday–Sunday, `isoWeek`);
 *    of the 4 most recent weeks that have one, keep the newest backup of each week.
 * Fewer than 7 days with a backup: every day keeps its newest and nothing is weekly. So at most 11 daily backups
 * stay, spanning the last 7 active days and about 4 weeks before them, however long the app was not used.
 *
 * Worked example, now = Wednesday 2027-01-13 10:00, backups (one a day unless said) on
 * Jan 13, 12, 11, 10 (at 09:00 and 18:00), 8, 5, 4, 2; Dec 31, 30, 28, 20, 14, 2; Nov 25, 16:
 * - daily: the 7 most recent days with a backup are Jan 13, 12, 11, 10, 8, 5, 4 → keep those, and on Jan 10 only
 *   the 18:00 one;
 * - weekly, over the older ones: Jan 2, Dec 31, 30, 28 are all in 2026-W53 (Dec 28 – Jan 3: the year changes
 *   inside the week) → keep Jan 2; Dec 20 (Sunday) and 14 (Monday) are 2026-W51 → keep Dec 20; Dec 2 is W49 →
 *   keep; Nov 25 is W48 → keep (the fourth week); Nov 16 (W47) is a fifth week → not kept;
 * - kept: Jan 13, 12, 11, 10 18:00, 8, 5, 4, 2; Dec 20, 2; Nov 25. Not kept: Jan 10 09:00, Dec 31, 30, 28, 14,
 *   Nov 16.
 * The same rule as `restic forget --keep-daily 7 --keep-weekly 4`, except that restic counts weeks from the newest
 * backup (its weeks overlap the daily ones) where here the weeks start beyond the 7 days.
 *
 * Pure: reads no clock and no file. Input order does not matter; of two backups taken at the same time, the one
 * whose file name sorts last counts as the newer.
 */
export function backupsToKeep<T extends DatedBackup>(backups: readonly T[], now: Date): T[] {
  return [...retentionRoles(backups, now).keys()];
}

/** Why retention keeps a daily backup: the newest of one of the 7 days, of one of the 4 weeks, or dated after now. */
export type RetentionRole = 'day' | 'week' | 'future';

/**
 * The daily backups `backupsToKeep` keeps, newest first, each with the rule that keeps it (the restore dialog
 * shows the `week` ones as "weekly"). Same rule, same order, same purity as backupsToKeep.
 */
export function retentionRoles<T extends DatedBackup>(
  backups: readonly T[],
  now: Date,
): Map<T, RetentionRole> {
  const nowMs = now.getTime();
  const timed = backups.map((b) => ({ b, ms: Date.parse(b.takenAt) }));
  const future = timed.filter((x) => x.ms > nowMs);
  const past = timed
    .filter((x) => !(x.ms > nowMs))
    .sort((a, b) => b.ms - a.ms || b.b.file.localeCompare(a.b.file));

  const kept = new Map<T, RetentionRole>(future.map((x) => [x.b, 'future']));
  const days = new Set<string>();
  let i = 0;
  for (; i < past.length; i++) {
    const day = localDay(new Date(past[i]!.ms));
    if (!days.has(day)) {
      if (days.size === RETENTION.days) break;
      days.add(day);
      kept.set(past[i]!.b, 'day'); // the newest of its day: `past` is newest first
    }
  }
  const weeks = new Set<string>();
  for (; i < past.length; i++) {
    const week = isoWeek(new Date(past[i]!.ms));
    if (weeks.has(week)) continue;
    if (weeks.size === RETENTION.weeks) break;
    weeks.add(week);
    kept.set(past[i]!.b, 'week');
  }
  const order = [...timed]
    .filter((x) => kept.has(x.b))
    .sort((a, b) => b.ms - a.ms || b.b.file.localeCompare(a.b.file));
  return new Map(order.map((x) => [x.b, kept.get(x.b)!]));
}
