import type {
  CaptureField,
  CaptureLanguage,
  CaptureName,
  CaptureTemplate,
  CaptureValues,
} from '../../../preload/contract';
import { captureError } from './messages';
import { templateFields } from './template-rules';

/** The checked answers of one form, normalised: trimmed, `\n` line ends, list entries without blank ones. */
export interface FormAnswers {
  template: CaptureTemplate;
  /** The answer of a text, multiline or select field ('' when unanswered; a select's option value). */
  text(id: string): string;
  /** The entries of a list field ([] when unanswered). */
  list(id: string): string[];
  /** The field of this id, or undefined. */
  field(id: string): CaptureField | undefined;
}

/** The longest a knowledge item's label made from an entry gets, in characters (code points), ellipsis included. */
export const MAX_TITLE_CHARS = 120;

const bullet = /^(?:[-*+•·]|\d{1,3}[.、)）]|[（(]\d{1,3}[)）])\s*/u;

/**
 * The title of a list entry: its first non-blank line, without a leading bullet or number (`- `, `1. `, `2、`, `（3）`),
 * whitespace collapsed, cut to MAX_TITLE_CHARS characters with `…`. An entry that is only a bullet keeps its text.
 */
export function entryTitle(entry: string): string {
  const line =
    entry
      .split('\n')
      .map((l) => l.trim())
      .find((l) => l.length > 0) ?? '';
  const stripped = line.replace(bullet, '').replace(/\s+/gu, ' ').trim() || line;
  const chars = [...stripped];
  return chars.length > MAX_TITLE_CHARS ? `${chars.slice(0, MAX_TITLE_CHARS - 1).join('')}…` : stripped;
}

/** Whether an entry says more than its title: a non-blank line after the first one. */
export function entryHasBody(entry: string): boolean {
  const lines = entry.split('\n').map((l) => l.trim());
  const first = lines.findIndex((l) => l.length > 0);
  return first >= 0 && lines.slice(first + 1).some((l) => l.length > 0);
}

/** A name in the language of the descriptions. */
export function nameIn(name: CaptureName, language: CaptureLanguage): string {
  return language === 'en' ? name.en : name.zh;
}

/** A field's or option's name in the language of the descriptions. */
export function labelIn(field: { label: CaptureName }, language: CaptureLanguage): string {
  return nameIn(field.label, language);
}

const normalise = (s: string) => s.replace(/\r\n?/g, '\n').trim();

/**
 * Checks the answers of a form against its template: every answer names a field of the template with a value of
 * its kind (a string for text, multiline and select, one of the options for a select; a list of strings for a
 * list), and every required field is answered. A one-line `text` answer has its line breaks turned into spaces.
 * @throws WellspringError `invalid_input`, path `['values', fieldId]` (or `[…, entry]`):
 *   capture:errors.unknownField {id}, .notText, .notAList, .notAnOption {value}, .required (each with the field's
 *   `id`, `zh` and `en` names)
 */
export function checkAnswers(template: CaptureTemplate, values: CaptureValues): FormAnswers {
  const fields = new Map(templateFields(template).map(({ field }) => [field.id, field]));
  const texts = new Map<string, string>();
  const lists = new Map<string, string[]>();
  for (const [id, value] of Object.entries(values)) {
    const field = fields.get(id);
    const at = ['values', id];
    if (!field)
      throw captureError(
        'invalid_input',
        'unknownField',
        `The form has no field “${id}”: the template may have changed, so open the form again.`,
        at,
        { id },
      );
    const names = { id, zh: field.label.zh, en: field.label.en };
    if (field.kind === 'list') {
      if (!Array.isArray(value))
        throw captureError(
          'invalid_input',
          'notAList',
          `“${field.label.en}” takes a list of entries.`,
          at,
          names,
        );
      lists.set(
        id,
        value.map(normalise).filter((e) => e.length > 0),
      );
      continue;
    }
    if (typeof value !== 'string')
      throw captureError(
        'invalid_input',
        'notText',
        `“${field.label.en}” takes text, not a list.`,
        at,
        names,
      );
    let text = normalise(value);
    if (field.kind === 'text') text = text.replace(/\s*\n\s*/g, ' ');
    if (field.kind === 'select' && text !== '' && !field.options?.some((o) => o.value === text))
      throw captureError(
        'invalid_input',
        'notAnOption',
        `“${text}” is not one of the choices of “${field.label.en}”.`,
        at,
        { ...names, value: text },
      );
    texts.set(id, text);
  }
  for (const field of fields.values()) {
    const answered = field.kind === 'list' ? (lists.get(field.id)?.length ?? 0) > 0 : !!texts.get(field.id);
    if (field.required && !answered)
      throw captureError(
        'invalid_input',
        'required',
        `“${field.label.en}” must be filled in.`,
        ['values', field.id],
        {
          id: field.id,
          zh: field.label.zh,
          en: field.label.en,
        },
      );
  }
  return {
    template,
    text: (id) => texts.get(id) ?? '',
    list: (id) => lists.get(id) ?? [],
    field: (id) => fields.get(id),
  };
}
