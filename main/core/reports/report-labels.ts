/**
 * The words of exported reports (column headers, cell words, titles), from the renderer's `reports` translation
 * files, so a file's headers match what the view shows. The JSON is data bundled into main at build time (as in
 * main/shell/menu-labels.ts); the layer rule (the renderer never imports main) is untouched.
 */
import en from '../../../renderer/src/i18n/locales/en/reports.json';
import zh from '../../../renderer/src/i18n/locales/zh-CN/reports.json';
import type { GapReason, MatrixCell } from '../../../preload/contract';

/** A language reports are written in. */
export type ReportLanguage = 'en' | 'zh-CN';

type ReportsJson = typeof en;
const RESOURCES: Record<ReportLanguage, ReportsJson> = { en, 'zh-CN': zh };

/** The translation object of one language (typed from the English file). */
export function reportWords(language: ReportLanguage): ReportsJson {
  return RESOURCES[language];
}

/** Fills `{{name}}` placeholders of a translation with `params` (unknown names stay as they are). */
export function fill(template: string, params: Record<string, string | number>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (m, name: string) => (name in params ? String(params[name]) : m));
}

/** The translation key (under `reasons.`) of a gap reason: `single-holder` → `singleHolder`. */
export function reasonKey(reason: GapReason): keyof ReportsJson['reasons'] {
  return reason.replace(/-(\w)/g, (_m, c: string) => c.toUpperCase()) as keyof ReportsJson['reasons'];
}

/** The word of a matrix cell in an exported file: 需要 / 产出 / 需要并产出, and '' for none. */
export function cellWord(language: ReportLanguage, cell: MatrixCell): string {
  return cell === 'none' ? '' : RESOURCES[language].cells[cell];
}
