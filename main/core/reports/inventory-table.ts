import type { HealthKey, InventoryItem, InventoryQuery } from '../../../preload/contract';
import { fill, kindWord, listJoiner, reportWords, valueWord, type ReportLanguage } from './report-labels';
import { fileStem, sheetName, widths, type ReportTable, type ReportValue } from './report-table';

/**
 * The name of an inventory list in `language`: the facet's word and the bucket's, e.g. `Category: 工艺` or
 * `健康状况：单人掌握`. `keyLabel` names a category or an owner (their node label; the id when unknown); kinds,
 * values and health keys are translated; a null key is the facet's "none recorded" word.
 */
export function inventoryListName(
  query: InventoryQuery,
  keyLabel: string | null,
  language: ReportLanguage,
): string {
  const w = reportWords(language).inventory;
  const { facet, key } = query;
  let value: string;
  if (key === null) value = facet in w.none ? w.none[facet as keyof typeof w.none] : '—';
  else if (facet === 'kind') value = kindWord(language, key);
  else if (facet === 'health') value = w.health[key as HealthKey] ?? key;
  else if (facet === 'category' || facet === 'owner') value = keyLabel ?? key;
  else value = valueWord(language, key);
  return `${w.facets[facet]}${language === 'zh-CN' ? '：' : ': '}${value}`;
}

/**
 * The list behind one inventory bucket (issue 8 §5; InventoryService.list) as a table, one row per node in the
 * list's order: label, id, kind, form, where it lives, SECI stage, importance (1–3), categories and owners (labels
 * joined), holders (any proficiency) and holders at 3+, documents, review date, strength (0–100) and the health
 * lists it is on — kinds, values and health words in `language`; empty cells where a field does not apply.
 */
export function inventoryTable(
  rows: readonly InventoryItem[],
  listName: string,
  date: string,
  language: ReportLanguage,
): ReportTable {
  const w = reportWords(language);
  const c = w.columns;
  const join = listJoiner(language);
  const header = [
    c.name,
    c.id,
    c.kind,
    c.form,
    c.existence,
    c.seciStage,
    c.importance,
    c.categories,
    c.owners,
    c.holders,
    c.capableHolders,
    c.documents,
    c.reviewDue,
    c.strength,
    c.health,
  ];
  const value = (v: string | null) => (v === null ? '' : valueWord(language, v));
  const body: ReportValue[][] = rows.map((r) => [
    r.label,
    r.id,
    kindWord(language, r.kind),
    value(r.form),
    value(r.existence),
    value(r.seciStage),
    r.importance ?? '',
    r.categories.join(join),
    r.owners.join(join),
    r.holders ?? '',
    r.capableHolders ?? '',
    r.documents ?? '',
    r.reviewDue ?? '',
    r.strength ?? '',
    r.health.map((h) => w.inventory.health[h]).join(join),
  ]);
  return {
    title: fill(w.export.inventoryTitle, { list: listName, date }),
    sheetName: sheetName(`${w.export.inventorySheet} ${date}`),
    fileStem: fileStem(['inventory', listName.replace(/[:：]\s*/g, '-'), date]),
    header,
    rows: body,
    widths: widths(header, body),
    frozenColumns: 1,
  };
}
