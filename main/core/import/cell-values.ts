import type { z } from 'zod';
import { isoDate } from '../../../preload/contract';
import { foldText } from '../util/text';
import type { RowCondition, ValueSource } from './mapping';

/** A row's cells by column name (header names trimmed; the first of two equal names wins — a problem anyway). */
export interface RowView {
  line: number;
  cell(column: string): string;
}

/** A RowView over `cells`, with `columns` mapping header names to cell indexes. */
export function rowView(
  line: number,
  cells: readonly string[],
  columns: ReadonlyMap<string, number>,
): RowView {
  return {
    line,
    cell: (column) => {
      const i = columns.get(column);
      return i === undefined ? '' : (cells[i] ?? '');
    },
  };
}

/** True when every `filled` column of the condition has a value on the row and every `empty` one has none. */
export function conditionHolds(when: RowCondition | undefined, row: RowView): boolean {
  if (!when) return true;
  return (
    (when.filled ?? []).every((c) => row.cell(c).trim() !== '') &&
    (when.empty ?? []).every((c) => row.cell(c).trim() === '')
  );
}

/** The columns a value source reads. */
export function sourceColumns(source: ValueSource | undefined): string[] {
  if (!source || source.column === undefined) return [];
  return Array.isArray(source.column) ? source.column : [source.column];
}

/**
 * A text field's value on a row: the cell (trimmed), the non-empty cells of several columns joined by `join`
 * (default a blank line), or the fixed value as text. '' when there is none.
 */
export function textOf(source: ValueSource | undefined, row: RowView): string {
  if (!source) return '';
  if (source.value !== undefined)
    return Array.isArray(source.value) ? source.value.join(', ') : String(source.value);
  if (typeof source.column === 'string') return row.cell(source.column).trim();
  return sourceColumns(source)
    .map((c) => row.cell(c).trim())
    .filter((s) => s !== '')
    .join(source.join ?? '\n\n');
}

/**
 * A list field's values on a row: each column's cell split on `separator` (default `|`) and on line breaks,
 * trimmed, empty parts dropped, repeats (NFKC, case-folded) dropped; or the fixed value(s).
 */
export function listOf(source: ValueSource | undefined, row: RowView): string[] {
  if (!source) return [];
  if (source.value !== undefined)
    return uniqueFolded(
      (Array.isArray(source.value) ? source.value : [String(source.value)]).map((s) => s.trim()),
    );
  const parts: string[] = [];
  for (const c of sourceColumns(source)) parts.push(...splitList(row.cell(c), source.separator));
  return parts.length > 1 ? uniqueFolded(parts) : parts;
}

/** `a | b\nc` → ['a', 'b', 'c'] (separator default `|`; line breaks always separate). */
export function splitList(cell: string, separator = '|'): string[] {
  if (cell === '') return [];
  const out: string[] = [];
  for (const line of cell.split(/\r?\n/))
    for (const part of line.split(separator)) {
      const t = part.trim();
      if (t) out.push(t);
    }
  return out;
}

/** The strings without later repeats (compared NFKC and case-folded), in their first order. */
export function uniqueFolded(values: readonly string[]): string[] {
  const seen = new Set<string>();
  return values.filter((v) => {
    const f = foldText(v);
    if (!v || seen.has(f)) return false;
    seen.add(f);
    return true;
  });
}

/** Why a cell could not become a prop's value. */
export interface ConversionFault {
  fault: 'number' | 'choice' | 'date';
  value: string;
  choices?: string[];
}

/**
 * A prop's value from a row, converted by the prop's zod schema (NODE_PROPS / EDGE_PROPS): a number (NFKC, so
 * full-width digits count; `1,234` is not a number), one of an enum's options (NFKC, case-insensitive), a date
 * (`2027-3-1`, `2027/03/01`, `2027.3.1`, `2027年3月1日` and an ISO date-time become `2027-03-01`), a list (split as
 * listOf), or text. A `values` table is applied first. A fixed `value` is passed on as it is (the write path's
 * schema judges it). `undefined` when the cell is empty (the prop is not set by this row).
 */
export function propValueOf(
  source: ValueSource,
  schema: z.ZodType,
  row: RowView,
): { value: unknown } | ConversionFault | undefined {
  if (source.value !== undefined) return { value: source.value };
  const inner = unwrap(schema);
  const type = (inner as unknown as { def: { type: string } }).def.type;
  if (type === 'array') {
    const list = listOf(source, row);
    return list.length ? { value: list } : undefined;
  }
  const text = textOf(source, row);
  if (text === '') return undefined;
  const table = source.values;
  if (table) {
    const key = foldText(text).trim();
    const hit = Object.entries(table).find(([k]) => foldText(k).trim() === key);
    if (hit) return { value: hit[1] };
  }
  if (type === 'number') {
    const s = text.normalize('NFKC').trim();
    const n = /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(s) ? Number(s) : NaN;
    return Number.isFinite(n) ? { value: n } : { fault: 'number', value: text };
  }
  if (type === 'enum') {
    const options = (inner as unknown as { options: string[] }).options;
    const f = foldText(text).trim();
    const hit = options.find((o) => foldText(o) === f);
    return hit !== undefined ? { value: hit } : { fault: 'choice', value: text, choices: options };
  }
  if (inner === isoDate) {
    const date = isoDateOf(text);
    return date ? { value: date } : { fault: 'date', value: text };
  }
  return { value: text };
}

/** The schema of a prop named by a dotted key (`translations.en` → the `en` field of `translations`). */
export function propSchema(schema: z.ZodType, key: string): z.ZodType | undefined {
  let s: z.ZodType | undefined = schema;
  for (const part of key.split('.')) {
    const shape: Record<string, z.ZodType> | undefined = (
      unwrap(s!) as unknown as { shape?: Record<string, z.ZodType> }
    ).shape;
    s = shape && Object.hasOwn(shape, part) ? shape[part] : undefined;
    if (!s) return undefined;
  }
  return s;
}

function unwrap(schema: z.ZodType): z.ZodType {
  let s = schema as unknown as { def: { type: string; innerType?: z.ZodType } };
  while (s.def.type === 'optional' || s.def.type === 'nullable' || s.def.type === 'default')
    s = s.def.innerType as unknown as typeof s;
  return s as unknown as z.ZodType;
}

/** A calendar date written as people write it → `yyyy-mm-dd`, or undefined (the date must exist). */
export function isoDateOf(text: string): string | undefined {
  const s = text.normalize('NFKC').trim();
  const m =
    /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?Z?)?$/.exec(
      s,
    );
  if (!m) return undefined;
  const iso = `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
  return isoDate.safeParse(iso).success ? iso : undefined;
}
