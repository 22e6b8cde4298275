import type { DepartureSimulation, RiskRow } from '../../../preload/contract';
import { fill, listJoiner, reportWords, valueWord, type ReportLanguage } from './report-labels';
import { fileStem, sheetName, widths, type ReportTable, type ReportValue } from './report-table';

/**
 * The key-person risk ranking (issue 8 §3; ExpertService.risk) as a table, one row per expert in ranking order:
 * rank, expert, id, department, the attrition risk factor (1–5) with its source (entered / leaving date) and the
 * expected leaving date, the position risk factor used (1–5) with the computed one, the override and its note,
 * the total (ARF × PRF, 1–25), the band (high ≥ 16, medium 10–15, low < 10), and the knowledge items only this
 * expert holds at proficiency ≥ 3 (the position criteria), labels joined. Empty cells for absent values.
 */
export function riskTable(rows: readonly RiskRow[], date: string, language: ReportLanguage): ReportTable {
  const w = reportWords(language);
  const c = w.columns;
  const header = [
    c.rank,
    c.expert,
    c.id,
    c.department,
    c.attrition,
    c.attritionSource,
    c.expectedLeaving,
    c.position,
    c.positionComputed,
    c.positionOverride,
    c.positionNote,
    c.total,
    c.riskBand,
    c.soleItems,
  ];
  const body: ReportValue[][] = rows.map((r) => [
    r.rank,
    r.label,
    r.id,
    r.department ?? '',
    r.attrition.factor,
    r.attrition.source === 'entered' ? w.risk.entered : w.risk.leavingDate,
    r.attrition.expectedLeaving ?? '',
    r.position.factor,
    r.position.computed,
    r.position.override ?? '',
    r.position.note ?? '',
    r.total,
    w.risk[r.band],
    r.position.criteria.map((k) => k.label).join(listJoiner(language)),
  ]);
  return {
    title: fill(w.export.riskTitle, { date }),
    sheetName: sheetName(`${w.export.riskSheet} ${date}`),
    fileStem: fileStem(['risk', date]),
    header,
    rows: body,
    widths: widths(header, body),
    frozenColumns: 2,
  };
}

/** A strength before → after as three cells: before, after, and the change (after − before) when both exist. */
function drop(before: number | null, after: number | null): ReportValue[] {
  return [before ?? '', after ?? '', before !== null && after !== null ? after - before : ''];
}

/**
 * A departure simulation (issue 8 §4; ExpertService.simulate) as ONE table, so a CSV stays one rectangle and an
 * XLSX one sheet: a Section column says what each row is, in the simulation's order —
 * uncovered items (no holder at proficiency ≥ 3 left), items whose strength drops, steps (with their process),
 * competencies, suggested successors (department; the items they know at 2 and their score) and externalisation
 * tasks (the leaver to capture from; the capture form, and whether the item is left uncovered). Columns:
 * section, name, id, context (process / department / leaver), importance, form, before, after, change (after −
 * before, strength 0–100), detail. Cells that do not apply to a section are empty.
 */
export function departureTable(
  sim: DepartureSimulation,
  date: string,
  language: ReportLanguage,
): ReportTable {
  const w = reportWords(language);
  const c = w.columns;
  const d = w.departure;
  const join = listJoiner(language);
  const header = [
    c.section,
    c.name,
    c.id,
    c.context,
    c.importance,
    c.form,
    c.before,
    c.after,
    c.change,
    c.detail,
  ];
  const body: ReportValue[][] = [
    ...sim.uncovered.map((u) => [
      d.uncovered,
      u.label,
      u.id,
      '',
      u.importance,
      valueWord(language, u.form),
      ...drop(u.before, u.after),
      fill(d.uncoveredDetail, { documents: u.documents, bestLeft: u.bestLeft }),
    ]),
    ...sim.items.map((i) => [d.item, i.label, i.id, '', '', '', ...drop(i.before, i.after), '']),
    ...sim.steps.map((s) => [
      d.step,
      s.label,
      s.id,
      s.processLabel ?? '',
      '',
      '',
      ...drop(s.before, s.after),
      '',
    ]),
    ...sim.competencies.map((k) => [d.competency, k.label, k.id, '', '', '', ...drop(k.before, k.after), '']),
    ...sim.successors.map((s) => [
      d.successor,
      s.label,
      s.id,
      s.department ?? '',
      '',
      '',
      '',
      '',
      '',
      fill(d.successorDetail, {
        items: s.items.map((i) => `${i.label} (${i.proficiency})`).join(join),
        score: s.score,
      }),
    ]),
    ...sim.tasks.map((t) => [
      d.task,
      t.label,
      t.itemId,
      t.fromLabel,
      t.importance,
      valueWord(language, 'tacit'),
      '',
      '',
      '',
      [d.captureForms[t.captureForm], ...(t.uncovered ? [d.taskUncovered] : [])].join(join),
    ]),
  ];
  const experts = sim.experts.map((e) => e.label).join(join);
  return {
    title: fill(w.export.departureTitle, { experts, date }),
    sheetName: sheetName(`${w.export.departureSheet} ${date}`),
    // The first three names, and how many more (24 leavers do not make a file name, nor look like 3).
    fileStem: fileStem([
      'departure',
      ...sim.experts.slice(0, 3).map((e) => e.label),
      ...(sim.experts.length > 3 ? [`+${sim.experts.length - 3}`] : []),
      date,
    ]),
    header,
    rows: body,
    widths: widths(header, body),
    frozenColumns: 2,
  };
}
