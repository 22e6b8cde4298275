/** Current time as an ISO-8601 string (UTC, ms precision); one place so tests and stores agree on the format. */
export function nowIso(): string {
  return new Date().toISOString();
}
