/** How the File menu's dialogs show sizes and times: in the UI language, with Intl (no library). */

/**
 * A size as a file manager shows it, in the UI language: `446 kB`, `12.5 MB` (1 kB = 1024 bytes, as backup
 * sizes are listed by the CLI's list-backups).
 */
export function formatSize(bytes: number, language: string): string {
  const unit = (value: number, u: string, digits: number) =>
    new Intl.NumberFormat(language, { style: 'unit', unit: u, maximumFractionDigits: digits }).format(value);
  if (bytes < 1024) return unit(bytes, 'byte', 0);
  if (bytes < 1024 ** 2) return unit(bytes / 1024, 'kilobyte', 0);
  if (bytes < 1024 ** 3) return unit(bytes / 1024 ** 2, 'megabyte', 1);
  return unit(bytes / 1024 ** 3, 'gigabyte', 2);
}

/** A moment (ISO-8601) as a date and time in the UI language and the local time zone: `2026年12月2日 07:48`. */
export function formatTakenAt(iso: string, language: string): string {
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
}
