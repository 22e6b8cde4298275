/** Current time as an ISO-8601 string (UTC, ms precision); one place so tests and stores agree on the format. */
export function nowIso(): string {
  return new Date().toISOString();
}

/** Today's local calendar date as YYYY-MM-DD (the user's calendar, not UTC). */
export function localToday(now: Date = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`;
}
