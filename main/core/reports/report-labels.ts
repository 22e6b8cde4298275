/**
 * The words of exported reports (column headers, cell words, titles), from the renderer's `reports` translation
 * files, so a file's headers match what the view shows. The JSON is data bundled into main at build time (as in
 * main/shell/menu-labels.ts); the layer rule (the renderer never imports main) is untouched.
 */
import en from '../../../renderer/src/i18n/locales/en/reports.json';
import zh from '../../../renderer/src/i18n/locales/zh-CN/reports.json';
import mapEn from '../../../renderer/src/i18n/locales/en/map.json';
import mapZh from '../../../renderer/src/i18n/locales/zh-CN/map.json';
import type { GapReason, MatrixCell } from '../../../preload/contract';

/** A language reports are written in. */
export type ReportLanguage = 'en' | 'zh-CN';

type ReportsJson = typeof en;
const RESOURCES: Record<ReportLanguage, ReportsJson> = { en, 'zh-CN': zh };
// Node kinds and prop values are named as the map's node panel names them (the `map` namespace).
const MAP_WORDS: Record<ReportLanguage, typeof mapEn> = { en: mapEn, 'zh-CN': mapZh };

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

/** The word of a node kind (`knowledge` → 知识条目), the kind itself when it has none. */
export function kindWord(language: ReportLanguage, kind: string): string {
  const kinds: Record<string, string> = MAP_WORDS[language].kinds;
  return kinds[kind] ?? kind;
}

/** The word of a prop value (`tacit` → 隐性, `socialisation` → 社会化), the value itself when it has none. */
export function valueWord(language: ReportLanguage, value: string): string {
  const values: Record<string, string> = MAP_WORDS[language].values;
  return values[value] ?? value;
}

/** How lists are joined in a cell: 、 in Chinese, a comma in English. */
export function listJoiner(language: ReportLanguage): string {
  return language === 'zh-CN' ? '、' : ', ';
}
