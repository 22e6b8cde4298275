import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaptureField, CaptureLanguage } from '../../../../../preload/contract';

/** A field's name, help or option label in the UI language. */
export const nameOf = (name: { zh: string; en: string }, language: CaptureLanguage) =>
  language === 'en' ? name.en : name.zh;

/**
 * One field of a capture form, as its template says: a line, a text area, a choice or a list of entries. Its
 * name is the label (with "required" for a required field), its help is read out with it, and a problem found
 * on submitting is shown under it (`error`, already translated) and makes it `aria-invalid`.
 */
export function FieldInput(props: {
  field: CaptureField;
  value: string | string[] | undefined;
  onChange: (value: string | string[]) => void;
  language: CaptureLanguage;
  error: string | null;
}) {
  const { t } = useTranslation('capture');
  const { field, language, error } = props;
  const id = `capture-field-${field.id}`;
  const help = field.help ? nameOf(field.help, language) : '';
  const describedBy = [help && `${id}-help`, error && `${id}-error`].filter(Boolean).join(' ') || undefined;
  const label = nameOf(field.label, language);
  const text = typeof props.value === 'string' ? props.value : '';
  const common = {
    id,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': describedBy,
    'aria-required': field.required ? true : undefined,
    'data-testid': `capture-field-${field.id}`,
  };
  return (
    <div className={`capture-field kind-${field.kind}${error ? ' invalid' : ''}`} data-place={field.id}>
      {field.kind === 'list' ? (
        <span className="capture-label" id={`${id}-label`}>
          {label}
          {field.required && <span className="required-mark"> {t('form.required')}</span>}
        </span>
      ) : (
        <label className="capture-label" htmlFor={id}>
          {label}
          {field.required && <span className="required-mark"> {t('form.required')}</span>}
        </label>
      )}
      {help && (
        <span className="capture-help" id={`${id}-help`}>
          {help}
        </span>
      )}
      {field.kind === 'text' && (
        <input {...common} value={text} maxLength={20_000} onChange={(e) => props.onChange(e.target.value)} />
      )}
      {field.kind === 'multiline' && (
        <textarea
          {...common}
          rows={3}
          value={text}
          maxLength={20_000}
          onChange={(e) => props.onChange(e.target.value)}
        />
      )}
      {field.kind === 'select' && (
        <select {...common} value={text} onChange={(e) => props.onChange(e.target.value)}>
          <option value="">{t('form.choose')}</option>
          {(field.options ?? []).map((o) => (
            <option key={o.value} value={o.value}>
              {nameOf(o.label, language)}
            </option>
          ))}
        </select>
      )}
      {field.kind === 'list' && (
        <ListField
          field={field}
          label={label}
          entries={Array.isArray(props.value) && props.value.length > 0 ? props.value : ['']}
          onChange={props.onChange}
          describedBy={describedBy}
          invalid={!!error}
        />
      )}
      {error && (
        <span className="error-text small" id={`${id}-error`} role="alert" data-testid="capture-error">
          {error}
        </span>
      )}
    </div>
  );
}

/**
 * A list of entries, each its own text area (an entry may run over several lines: its first line is the
 * item's title). "+" adds an entry and moves the focus into it; × removes one (the last one is emptied instead).
 */
function ListField(props: {
  field: CaptureField;
  label: string;
  entries: string[];
  onChange: (value: string[]) => void;
  describedBy: string | undefined;
  invalid: boolean;
}) {
  const { t } = useTranslation('capture');
  const { entries, label } = props;
  const refs = useRef<Array<HTMLTextAreaElement | null>>([]);
  const focusIndex = useRef<number | null>(null);
  useEffect(() => {
    if (focusIndex.current === null) return;
    refs.current[Math.min(focusIndex.current, entries.length - 1)]?.focus();
    focusIndex.current = null;
  }, [entries.length]);
  const setEntry = (i: number, value: string) => props.onChange(entries.map((e, k) => (k === i ? value : e)));
  const remove = (i: number) => {
    focusIndex.current = Math.max(0, i - 1);
    if (entries.length === 1) {
      props.onChange(['']);
      refs.current[0]?.focus();
    } else props.onChange(entries.filter((_, k) => k !== i));
  };
  const add = () => {
    focusIndex.current = entries.length;
    props.onChange([...entries, '']);
  };
  return (
    <div
      className="capture-list"
      role="group"
      aria-labelledby={`capture-field-${props.field.id}-label`}
      aria-describedby={props.describedBy}
      data-testid={`capture-list-${props.field.id}`}
    >
      <ol>
        {entries.map((entry, i) => (
          <li key={i}>
            <textarea
              ref={(el) => void (refs.current[i] = el)}
              rows={2}
              value={entry}
              maxLength={20_000}
              aria-label={t('form.entry', { field: label, n: i + 1 })}
              aria-invalid={props.invalid ? true : undefined}
              data-testid="capture-entry"
              onChange={(e) => setEntry(i, e.target.value)}
            />
            <button
              type="button"
              className="icon"
              title={t('form.removeEntry', { field: label, n: i + 1 })}
              aria-label={t('form.removeEntry', { field: label, n: i + 1 })}
              data-testid="capture-entry-remove"
              onClick={() => remove(i)}
            >
              ×
            </button>
          </li>
        ))}
      </ol>
      <button
        type="button"
        className="capture-add"
        aria-label={t('form.addEntry', { field: label })}
        data-testid="capture-entry-add"
        onClick={add}
      >
        + {t('form.add')}
      </button>
    </div>
  );
}
