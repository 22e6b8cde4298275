import { useTranslation } from 'react-i18next';
import {
  CAPTURE_FIELD_KINDS,
  type CaptureLanguage,
  type CaptureName,
  type CaptureTemplate,
} from '../../../../../preload/contract';
import { addOption, allowedKinds, isMapped, moveField, removeField, updateField } from '../template-edits';
import { nameOf } from './FieldInput';

/** A name in both languages: two inputs, Chinese first. `focusKey` marks them `<key>:zh` and `<key>:en`. */
export function NamePair(props: {
  name: CaptureName;
  label: string;
  focusKey: string;
  onChange: (name: CaptureName) => void;
  /** Either text may be empty (help); else an empty one is marked invalid. */
  optional?: boolean;
  /** Test ids `<testId>-zh` and `<testId>-en` (default `te-name`). */
  testId?: string;
}) {
  const { t } = useTranslation('capture');
  const invalid = (lang: 'zh' | 'en') => !props.optional && !props.name[lang].trim();
  const input = (lang: 'zh' | 'en') => (
    <label className={invalid(lang) ? 'invalid' : undefined}>
      <span>{t(lang === 'zh' ? 'editor.inChinese' : 'editor.inEnglish', { name: props.label })}</span>
      <input
        value={props.name[lang]}
        maxLength={200}
        lang={lang === 'zh' ? 'zh-CN' : 'en'}
        data-focus-key={`${props.focusKey}:${lang}`}
        data-testid={`${props.testId ?? 'te-name'}-${lang}`}
        aria-invalid={invalid(lang) ? true : undefined}
        onChange={(e) => props.onChange({ ...props.name, [lang]: e.target.value })}
      />
    </label>
  );
  return (
    <div className="te-names">
      {input('zh')}
      {input('en')}
    </div>
  );
}

/**
 * One field of the template editor: ↑ ↓, its names, kind, required, help and (for a choice) options, and
 * remove. A field the knowledge items are made from shows a lock, offers only the kinds of its family and
 * cannot be removed.
 */
export function TemplateFieldRow(props: {
  template: CaptureTemplate;
  section: number;
  index: number;
  language: CaptureLanguage;
  error: string | null;
  onChange: (template: CaptureTemplate, focusKey?: string) => void;
  newOptionName: (n: number) => CaptureName;
}) {
  const { t } = useTranslation('capture');
  const { template, section, index, language } = props;
  const field = template.sections[section]!.fields[index]!;
  const mapped = isMapped(template.form, field.id);
  const name = nameOf(field.label, language);
  const kinds = allowedKinds(template.form, field.id);
  const last =
    section === template.sections.length - 1 && index === template.sections[section]!.fields.length - 1;
  const update = (patch: Parameters<typeof updateField>[3]) =>
    props.onChange(updateField(template, section, index, patch, props.newOptionName(1)));
  const move = (by: -1 | 1) =>
    props.onChange(moveField(template, section, index, by).template, `${field.id}:${by < 0 ? 'up' : 'down'}`);
  const help = field.help ?? { zh: '', en: '' };
  return (
    <li className={`te-field${props.error ? ' invalid' : ''}`} data-testid="te-field" data-field={field.id}>
      <div className="te-field-head">
        <span className="te-move">
          <button
            type="button"
            className="icon"
            disabled={section === 0 && index === 0}
            data-focus-key={`${field.id}:up`}
            aria-label={t('editor.fieldUp', { name })}
            title={t('editor.fieldUp', { name })}
            data-testid="te-field-up"
            onClick={() => move(-1)}
          >
            ↑
          </button>
          <button
            type="button"
            className="icon"
            disabled={last}
            data-focus-key={`${field.id}:down`}
            aria-label={t('editor.fieldDown', { name })}
            title={t('editor.fieldDown', { name })}
            data-testid="te-field-down"
            onClick={() => move(1)}
          >
            ↓
          </button>
        </span>
        <NamePair
          focusKey={field.id}
          name={field.label}
          label={t('editor.fieldName')}
          onChange={(label) => update({ label })}
        />
        <label className="te-kind">
          <span>{t('editor.kind')}</span>
          <select
            value={field.kind}
            data-testid="te-kind"
            onChange={(e) => update({ kind: e.target.value as (typeof CAPTURE_FIELD_KINDS)[number] })}
          >
            {CAPTURE_FIELD_KINDS.filter((k) => kinds.includes(k)).map((k) => (
              <option key={k} value={k}>
                {t(`fieldKinds.${k}`)}
              </option>
            ))}
          </select>
        </label>
        {mapped && (
          <span className="te-lock" title={t('editor.fieldLocked')} data-testid="te-lock">
            {t('editor.mappedBadge')}
          </span>
        )}
        <label className="te-required">
          <input
            type="checkbox"
            checked={field.required}
            data-testid="te-required"
            onChange={(e) => update({ required: e.target.checked })}
          />
          <span>{t('editor.required')}</span>
        </label>
        <button
          type="button"
          className="danger te-remove"
          disabled={mapped}
          title={mapped ? t('editor.fieldLocked') : undefined}
          aria-label={t('editor.removeFieldNamed', { name })}
          data-testid="te-field-remove"
          onClick={() => props.onChange(removeField(template, section, index))}
        >
          {t('editor.removeField')}
        </button>
      </div>
      <details className="te-more">
        <summary>{t('editor.helpAndOptions')}</summary>
        <NamePair
          focusKey={`${field.id}:help`}
          name={help}
          optional
          testId="te-help"
          label={t('editor.help')}
          onChange={(h) => update({ help: h.zh || h.en ? h : undefined })}
        />
        {field.kind === 'select' && (
          <div className="te-options">
            <span className="capture-label">{t('editor.options')}</span>
            <ol>
              {(field.options ?? []).map((o, k) => (
                <li key={o.value}>
                  <NamePair
                    focusKey={`${field.id}:option:${o.value}`}
                    name={o.label}
                    label={t('editor.optionName', { n: k + 1 })}
                    onChange={(label) =>
                      update({ options: field.options!.map((x, j) => (j === k ? { ...x, label } : x)) })
                    }
                  />
                  <button
                    type="button"
                    className="icon"
                    disabled={(field.options ?? []).length === 1}
                    aria-label={t('editor.removeOption', { name: nameOf(o.label, language) })}
                    title={t('editor.removeOption', { name: nameOf(o.label, language) })}
                    onClick={() => update({ options: field.options!.filter((_, j) => j !== k) })}
                  >
                    ×
                  </button>
                </li>
              ))}
            </ol>
            <button
              type="button"
              className="capture-add"
              onClick={() =>
                props.onChange(
                  addOption(template, section, index, props.newOptionName((field.options?.length ?? 0) + 1)),
                )
              }
            >
              + {t('editor.addOption')}
            </button>
          </div>
        )}
      </details>
      {props.error && (
        <p className="error-text small" role="alert">
          {props.error}
        </p>
      )}
    </li>
  );
}
