import type { GapRow, ProcessSummary, StepMatrix } from '../../../preload/contract';
import { cellWord, fill, reasonKey, reportWords, type ReportLanguage } from './report-labels';

/** A cell value of a report: text, or a number that stays a number in XLSX. */
export type ReportValue = string | number;

/**
 * One report as a table, before it becomes CSV or XLSX. `title` names the report, the process and the date (the
 * XLSX title row); `sheetName` is at most 31 characters without `[]:*?/\` (Excel's rules); `fileStem` is the file
 * name without extension, safe on Windows, macOS and Linux. `cells` (matrix only) gives the MatrixCell of each
 * body cell after the first column, for tinting.
 */
export interface ReportTable {
  title: string;
  sheetName: string;
  fileStem: string;
  header: string[];
  rows: ReportValue[][];
  /** Widths in characters per column (CJK characters count 2). */
  widths: number[];
  /** Columns frozen at the left besides the header row (1 for the matrix: item labels). */
  frozenColumns: number;
  cells?: StepMatrix['cells'];
}

/** The process label of `processId` in `processes`, the translated "all processes" without one. */
export function processName(
  processes: readonly ProcessSummary[],
  processId: string | undefined,
  language: ReportLanguage,
): string {
  if (!processId) return reportWords(language).export.allProcesses;
  return processes.find((p) => p.id === processId)?.label ?? processId;
}

/** The gaps report as a table: one row per GapRow, in the order given (process, step order, strength). */
export function gapsTable(
  rows: readonly GapRow[],
  process: string,
  date: string,
  language: ReportLanguage,
): ReportTable {
  const w = reportWords(language);
  const c = w.columns;
  const header = [
    c.process,
    c.stepOrder,
    c.step,
    c.item,
    c.strength,
    c.reasons,
    c.holders,
    c.capableHolders,
    c.documents,
    c.candidatePages,
  ];
  const join = language === 'zh-CN' ? '、' : ', ';
  const body = rows.map((r) => [
    r.processLabel,
    r.stepOrder,
    r.stepLabel,
    r.itemLabel,
    r.strength,
    r.reasons.map((reason) => w.reasons[reasonKey(reason)]).join(join),
    r.holders,
    r.capableHolders,
    r.documents,
    r.candidatePages,
  ]);
  return {
    title: fill(w.export.gapsTitle, { process, date }),
    sheetName: sheetName(`${w.export.gapsSheet} ${date}`),
    fileStem: fileStem(['gaps', process, date]),
    header,
    rows: body,
    widths: widths(header, body),
    frozenColumns: 0,
  };
}

/** The step × knowledge matrix as a table: first column the item, then one column per step, cells as words. */
export function matrixTable(
  matrix: StepMatrix,
  process: string,
  rowsMode: 'all' | 'templates',
  date: string,
  language: ReportLanguage,
): ReportTable {
  const w = reportWords(language);
  const header = [w.columns.item, ...matrix.steps.map((s) => s.label)];
  const body = matrix.items.map((item, i) => [
    item.label,
    ...(matrix.cells[i] ?? []).map((cell) => cellWord(language, cell)),
  ]);
  const scope = rowsMode === 'templates' ? `${process} (${w.export.templatesOnly})` : process;
  return {
    title: fill(w.export.matrixTitle, { process: scope, date }),
    sheetName: sheetName(`${w.export.matrixSheet} ${date}`),
    fileStem: fileStem(['matrix', process, ...(rowsMode === 'templates' ? ['templates'] : []), date]),
    header,
    rows: body,
    widths: widths(header, body),
    frozenColumns: 1,
    cells: matrix.cells,
  };
}

/** Display width of a text in Excel's character units: CJK and full-width characters count 2. */
export function textWidth(text: string): number {
  let n = 0;
  for (const ch of text)
    n +=
      /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(
        ch,
      )
        ? 2
        : 1;
  return n;
}

/** Column widths in characters: the longest text of each column plus 2, between 6 and 50. */
export function widths(header: readonly string[], rows: readonly ReportValue[][]): number[] {
  return header.map((h, i) => {
    const longest = Math.max(textWidth(h), ...rows.map((r) => textWidth(String(r[i] ?? ''))));
    return Math.min(50, Math.max(6, longest + 2));
  });
}

/** Excel's sheet-name rules: no `[]:*?/\`, at most 31 characters. */
export function sheetName(name: string): string {
  return [...name.replace(/[[\]:*?/\\]/g, '-')].slice(0, 31).join('');
}

/**
 * A file name stem from parts: characters Windows forbids (`\/:*?"<>|`), control characters and white space become
 * `-`, runs of `-` collapse; Chinese stays. At most 100 characters.
 */
export function fileStem(parts: readonly string[]): string {
  const joined = parts
    .join('-')
    // eslint-disable-next-line no-control-regex
    .replace(/[\\/:*?"<>|\u0000-\u001f\u007f\s]+/g, '-')
    .replace(/-+/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '');
  return [...joined].slice(0, 100).join('') || 'report';
}
