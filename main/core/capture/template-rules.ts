import {
  CAPTURE_MAPPING,
  CaptureTemplate,
  type CaptureField,
  type CaptureFieldKind,
  type CaptureMappedKind,
} from '../../../preload/contract';
import type { WellspringError } from '../util/errors';
import { DEFAULT_TEMPLATES } from './default-templates';
import { captureError } from './messages';

/** Whether a field of kind `kind` can stand where the mapping reads a field of the family `family`. */
export function fitsFamily(kind: CaptureFieldKind, family: CaptureMappedKind): boolean {
  return family === 'list' ? kind === 'list' : kind === 'text' || kind === 'multiline';
}

/** Every field of a template in form order, with where it sits (section and field index). */
export function templateFields(
  template: CaptureTemplate,
): Array<{ field: CaptureField; section: number; index: number }> {
  return template.sections.flatMap((s, section) =>
    s.fields.map((field, index) => ({ field, section, index })),
  );
}

/**
 * Checks a template the knowledge manager edited and returns it normalised (an empty `options` list of a field
 * that is no choice is dropped). The rules, in order:
 * 1. the shape of CaptureTemplate (contract): ids are camelCase words, names non-empty in both languages, at most
 *    20 sections of 40 fields;
 * 2. section ids are unique, field ids are unique across the whole template (the answers are keyed by field id);
 * 3. a `select` field has at least one option and no value twice; any other kind has no options;
 * 4. every field the mapping to knowledge items reads (CAPTURE_MAPPING[form]) is still there, with a kind of its
 *    family (`text` ↔ `multiline` may be swapped; a `list` stays a list). Required flags, names, help, order and
 *    sections are the knowledge manager's to change, and any number of fields may be added.
 * @throws WellspringError `invalid_input`, path under `['template', …]` naming the offending part:
 *   capture:errors.templateInvalid {path, reason} (rule 1), .duplicateId {id}, .selectWithoutOptions,
 *   .duplicateOption {value}, .optionsOnNonSelect, .mappedFieldMissing, .mappedFieldKind {want} (each with the
 *   field's `id`, `zh` and `en` names)
 */
export function validateCaptureTemplate(input: unknown): CaptureTemplate {
  const parsed = CaptureTemplate.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const path = issue.path.map((p) => (typeof p === 'number' ? p : String(p)));
    const where = path.join('.') || 'template';
    throw captureError(
      'invalid_input',
      'templateInvalid',
      `The template is not valid at ${where}: ${issue.message}`,
      ['template', ...path],
      { path: where, reason: issue.message },
    );
  }
  const template = structuredClone(parsed.data);
  const names = (f: CaptureField) => ({ id: f.id, zh: f.label.zh, en: f.label.en });

  const sectionIds = new Set<string>();
  template.sections.forEach((s, i) => {
    if (sectionIds.has(s.id)) throw duplicate(s.id, ['template', 'sections', i, 'id']);
    sectionIds.add(s.id);
  });
  const fieldIds = new Set<string>();
  for (const { field, section, index } of templateFields(template)) {
    const at = ['template', 'sections', section, 'fields', index];
    if (fieldIds.has(field.id)) throw duplicate(field.id, [...at, 'id']);
    fieldIds.add(field.id);
    if (field.kind === 'select') {
      const options = field.options ?? [];
      if (options.length === 0)
        throw captureError(
          'invalid_input',
          'selectWithoutOptions',
          `The field “${field.label.en}” is a choice and needs at least one option.`,
          [...at, 'options'],
          names(field),
        );
      const values = new Set<string>();
      options.forEach((o, k) => {
        if (values.has(o.value))
          throw captureError(
            'invalid_input',
            'duplicateOption',
            `The field “${field.label.en}” offers the value “${o.value}” twice.`,
            [...at, 'options', k, 'value'],
            { ...names(field), value: o.value },
          );
        values.add(o.value);
      });
    } else if (field.options !== undefined) {
      if (field.options.length > 0)
        throw captureError(
          'invalid_input',
          'optionsOnNonSelect',
          `The field “${field.label.en}” is not a choice, so it cannot have options.`,
          [...at, 'options'],
          names(field),
        );
      delete field.options;
    }
  }

  const fields = new Map(templateFields(template).map((f) => [f.field.id, f]));
  const defaults = new Map(
    templateFields(DEFAULT_TEMPLATES[template.form]).map((f) => [f.field.id, f.field]),
  );
  for (const [id, family] of Object.entries(CAPTURE_MAPPING[template.form])) {
    const found = fields.get(id);
    if (!found) {
      const d = defaults.get(id)!;
      throw captureError(
        'invalid_input',
        'mappedFieldMissing',
        `The field “${d.label.en}” (${id}) cannot be removed: the knowledge items are made from it.`,
        ['template', 'sections'],
        names(d),
      );
    }
    if (!fitsFamily(found.field.kind, family))
      throw captureError(
        'invalid_input',
        'mappedFieldKind',
        `The field “${found.field.label.en}” must stay a ${family === 'list' ? 'list of entries' : 'text field'}: the knowledge items are made from it.`,
        ['template', 'sections', found.section, 'fields', found.index, 'kind'],
        { ...names(found.field), want: family },
      );
  }
  return template;
}

function duplicate(id: string, path: Array<string | number>): WellspringError {
  return captureError(
    'invalid_input',
    'duplicateId',
    `Two parts of the template have the id “${id}”: each section and field needs its own.`,
    path,
    { id },
  );
}
