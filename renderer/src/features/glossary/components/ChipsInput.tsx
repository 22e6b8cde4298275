import { useState } from 'react';
import { useTranslation } from 'react-i18next';

const fold = (s: string) => s.normalize('NFKC').toLowerCase().trim();

/**
 * A list of names as chips with a field to add more: Enter (or a comma, 、 or ;) adds what was typed, each name once
 * (NFKC and case folded); Backspace in the empty field removes the last chip; each chip has a remove button. Text
 * left in the field when it loses focus is added too, so nothing typed is lost. Outside IME composition only.
 */
export function ChipsInput(props: {
  label: string;
  values: readonly string[];
  onChange: (values: string[]) => void;
  placeholder: string;
  testId: string;
}) {
  const { t } = useTranslation('glossary');
  const [text, setText] = useState('');
  const add = (raw: string) => {
    const names = raw
      .split(/[,，、;；]/)
      .map((s) => s.trim())
      .filter(Boolean);
    const next = [...props.values];
    for (const n of names) if (!next.some((v) => fold(v) === fold(n))) next.push(n);
    if (next.length !== props.values.length) props.onChange(next);
    setText('');
  };
  const id = `${props.testId}-input`;
  return (
    <div className="gl-field">
      <label htmlFor={id}>{props.label}</label>
      <div className="gl-chips" data-testid={props.testId}>
        {props.values.map((v) => (
          <span key={v} className="gl-chip" data-testid={`${props.testId}-chip`}>
            {v}
            <button
              type="button"
              className="gl-chip-remove"
              aria-label={t('fields.remove', { name: v })}
              title={t('fields.remove', { name: v })}
              onClick={() => props.onChange(props.values.filter((x) => x !== v))}
            >
              ×
            </button>
          </span>
        ))}
        <input
          id={id}
          value={text}
          placeholder={props.placeholder}
          data-testid={`${props.testId}-input`}
          aria-describedby={`${id}-hint`}
          onChange={(e) => {
            const v = e.target.value;
            if (/[,，、;；]$/.test(v)) add(v);
            else setText(v);
          }}
          onBlur={() => text.trim() && add(text)}
          onKeyDown={(e) => {
            if (e.nativeEvent.isComposing) return;
            if (e.key === 'Enter' && text.trim() && !e.ctrlKey && !e.metaKey) {
              e.preventDefault();
              add(text);
            } else if (e.key === 'Backspace' && !text && props.values.length) {
              props.onChange(props.values.slice(0, -1));
            } else if (e.key === 'Escape' && text) {
              e.stopPropagation();
              setText('');
            }
          }}
        />
      </div>
      <span id={`${id}-hint`} className="small muted">
        {t('fields.chipHint')}
      </span>
    </div>
  );
}
