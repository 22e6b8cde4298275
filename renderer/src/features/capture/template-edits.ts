/**
 * The template editor's edits as pure functions on a copy of the template: rename, re-kind, reorder (a field
 * moved past the end of its section goes on into the next), add and remove fields and sections. Fields the
 * mapping to knowledge items reads (CAPTURE_MAPPING) cannot be removed and keep their kind family; main checks
 * the same rules when the template is saved (main/core/capture/template-rules.ts).
 */
import {
  CAPTURE_MAPPING,
  type CaptureField,
  type CaptureFieldKind,
  type CaptureFormKind,
  type CaptureTemplate,
} from '../../../../preload/contract';

/** Whether the items are made from this field (it cannot be removed). */
export function isMapped(form: CaptureFormKind, fieldId: string): boolean {
  return fieldId in CAPTURE_MAPPING[form];
}

/** The kinds a field may take: any for the knowledge manager's own fields, its family for a mapped one. */
export function allowedKinds(form: CaptureFormKind, fieldId: string): CaptureFieldKind[] {
  const family = CAPTURE_MAPPING[form][fieldId];
  if (family === 'list') return ['list'];
  if (family === 'text') return ['text', 'multiline'];
  return ['text', 'multiline', 'select', 'list'];
}

/** Whether a section holds a mapped field (then it cannot be removed). */
export function sectionIsMapped(template: CaptureTemplate, section: number): boolean {
  return template.sections[section]!.fields.some((f) => isMapped(template.form, f.id));
}

const copy = (t: CaptureTemplate) => structuredClone(t);

/** A new id, `<base><n>` with the smallest n ≥ 1 that no field, section or option uses. */
export function newId(template: CaptureTemplate, base: string): string {
  const taken = new Set([
    ...template.sections.map((s) => s.id),
    ...template.sections.flatMap((s) => s.fields.map((f) => f.id)),
  ]);
  let n = 1;
  while (taken.has(`${base}${n}`)) n += 1;
  return `${base}${n}`;
}

/**
 * Replaces one field's name, help, kind or required flag. A field that becomes a choice gets one option named
 * `firstOption`; another kind loses its options.
 */
export function updateField(
  template: CaptureTemplate,
  section: number,
  index: number,
  patch: Partial<Pick<CaptureField, 'label' | 'help' | 'kind' | 'required' | 'options'>>,
  firstOption: { zh: string; en: string } = { zh: '1', en: '1' },
): CaptureTemplate {
  const t = copy(template);
  const fields = t.sections[section]!.fields;
  const field: CaptureField = { ...fields[index]!, ...patch };
  if (field.kind === 'select' && !field.options?.length)
    field.options = [{ value: 'option1', label: firstOption }];
  if (field.kind !== 'select') delete field.options;
  fields[index] = field;
  return t;
}

/** Where a field is after a move: section and index. */
export interface FieldPlace {
  section: number;
  index: number;
}

/**
 * Moves a field one place up (-1) or down (+1). At the top of a section it goes to the end of the one above, at
 * the bottom to the start of the one below; at the very top or bottom it stays.
 * @returns the template and the field's new place
 */
export function moveField(
  template: CaptureTemplate,
  section: number,
  index: number,
  by: -1 | 1,
): { template: CaptureTemplate; place: FieldPlace } {
  const t = copy(template);
  const fields = t.sections[section]!.fields;
  const target = index + by;
  if (target >= 0 && target < fields.length) {
    [fields[index], fields[target]] = [fields[target]!, fields[index]!];
    return { template: t, place: { section, index: target } };
  }
  const next = section + by;
  if (next < 0 || next >= t.sections.length) return { template, place: { section, index } };
  const [field] = fields.splice(index, 1);
  const into = t.sections[next]!.fields;
  if (by < 0) into.push(field!);
  else into.unshift(field!);
  return { template: t, place: { section: next, index: by < 0 ? into.length - 1 : 0 } };
}

/** Removes a field (not a mapped one: then the template is returned as it was). */
export function removeField(template: CaptureTemplate, section: number, index: number): CaptureTemplate {
  if (isMapped(template.form, template.sections[section]!.fields[index]!.id)) return template;
  const t = copy(template);
  t.sections[section]!.fields.splice(index, 1);
  return t;
}

/** Adds a one-line, optional field at the end of a section, named as given. @returns it and its place */
export function addField(
  template: CaptureTemplate,
  section: number,
  label: { zh: string; en: string },
): { template: CaptureTemplate; place: FieldPlace } {
  const t = copy(template);
  const fields = t.sections[section]!.fields;
  fields.push({ id: newId(t, 'field'), label, kind: 'text', required: false });
  return { template: t, place: { section, index: fields.length - 1 } };
}

/** Moves a section one place up or down (it stays at either end). */
export function moveSection(template: CaptureTemplate, section: number, by: -1 | 1): CaptureTemplate {
  const target = section + by;
  if (target < 0 || target >= template.sections.length) return template;
  const t = copy(template);
  [t.sections[section], t.sections[target]] = [t.sections[target]!, t.sections[section]!];
  return t;
}

/** Removes a section and its fields (not one that holds a mapped field, nor the last one). */
export function removeSection(template: CaptureTemplate, section: number): CaptureTemplate {
  if (sectionIsMapped(template, section) || template.sections.length === 1) return template;
  const t = copy(template);
  t.sections.splice(section, 1);
  return t;
}

/** Adds an empty section at the end, named as given. */
export function addSection(template: CaptureTemplate, label: { zh: string; en: string }): CaptureTemplate {
  const t = copy(template);
  t.sections.push({ id: newId(t, 'section'), label, fields: [] });
  return t;
}

/** Renames a section. */
export function renameSection(
  template: CaptureTemplate,
  section: number,
  label: { zh: string; en: string },
): CaptureTemplate {
  const t = copy(template);
  t.sections[section]!.label = label;
  return t;
}

/** Adds an option to a choice field, with a new value `option<n>`. */
export function addOption(
  template: CaptureTemplate,
  section: number,
  index: number,
  label: { zh: string; en: string },
): CaptureTemplate {
  const t = copy(template);
  const field = t.sections[section]!.fields[index]!;
  const taken = new Set((field.options ?? []).map((o) => o.value));
  let n = 1;
  while (taken.has(`option${n}`)) n += 1;
  field.options = [...(field.options ?? []), { value: `option${n}`, label }];
  return t;
}
