/**
 * The directory's filter: free text over name, aliases, title and department (NFKC-folded and lower-cased, so
 * full-width letters and case do not matter; Chinese matches as a substring), a department and a risk band.
 */
import type { ExpertRow, RiskBand } from '../../../../preload/contract';

/** NFKC + lower case: the renderer's counterpart of the core's foldText for matching typed text. */
export function fold(s: string): string {
  return s.normalize('NFKC').toLowerCase();
}

/** The directory's filter values; empty strings mean "any". */
export interface DirectoryFilter {
  text: string;
  department: string;
  band: RiskBand | '';
}

/**
 * The rows that match every filter: each whitespace-separated word of `text` must occur in the name, an alias,
 * the title or the department.
 */
export function filterExperts(rows: readonly ExpertRow[], f: DirectoryFilter): ExpertRow[] {
  const words = fold(f.text).split(/\s+/).filter(Boolean);
  return rows.filter((r) => {
    if (f.department && r.department !== f.department) return false;
    if (f.band && r.band !== f.band) return false;
    if (!words.length) return true;
    const hay = fold([r.label, ...r.aliases, r.title ?? '', r.department ?? ''].join('\n'));
    return words.every((w) => hay.includes(w));
  });
}

/** The departments of the rows, sorted, without empties. */
export function departmentsOf(rows: readonly ExpertRow[], collator: Intl.Collator): string[] {
  return [...new Set(rows.map((r) => r.department).filter((d): d is string => !!d))].sort(collator.compare);
}
