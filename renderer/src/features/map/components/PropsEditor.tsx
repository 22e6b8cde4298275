import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { NODE_PROPS, type NodeDto } from '../../../../../preload/contract';
import { DraftField } from '../../../ui/DraftField';
import { saveNode } from '../save-node';

/** What kind of input a props field needs, read from its zod schema (so the form follows the contract). */
type Field =
  | { type: 'enum'; options: string[]; optional: boolean }
  | { type: 'number'; optional: boolean }
  | { type: 'string'; optional: boolean }
  | { type: 'list'; optional: boolean }
  | { type: 'translations'; optional: boolean };

function describe(schema: z.ZodType): Field {
  let s = schema as unknown as { def: { type: string; innerType?: unknown }; options?: string[] };
  let optional = false;
  if (s.def.type === 'optional') {
    optional = true;
    s = s.def.innerType as typeof s;
  }
  switch (s.def.type) {
    case 'enum':
      return { type: 'enum', options: s.options ?? [], optional };
    case 'number':
      return { type: 'number', optional };
    case 'array':
      return { type: 'list', optional };
    case 'object':
      return { type: 'translations', optional };
    default:
      return { type: 'string', optional };
  }
}

/** Editor for a node's per-kind props, generated from NODE_PROPS[kind]; each field saves on change or blur. */
export function PropsEditor({ node }: { node: NodeDto }) {
  const { t } = useTranslation('map');
  const shape = (NODE_PROPS[node.kind] as unknown as { shape: Record<string, z.ZodType> }).shape;
  const entries = Object.entries(shape);
  if (entries.length === 0) return null;
  return (
    <section className="props">
      <h4>{t('panel.properties')}</h4>
      {entries.map(([key, schema]) => (
        <PropField key={key} node={node} name={key} field={describe(schema)} />
      ))}
    </section>
  );
}

function PropField({ node, name, field }: { node: NodeDto; name: string; field: Field }) {
  const { t } = useTranslation('map');
  const value = node.props[name];
  const label = t(`props.${name}` as 'props.form');
  const save = (v: unknown) => void saveNode(node.id, { props: { [name]: v } }, node.updatedAt);

  if (field.type === 'enum') {
    return (
      <label>
        {label}
        <select
          value={typeof value === 'string' ? value : ''}
          data-prop={name}
          onChange={(e) => save(e.target.value === '' ? null : e.target.value)}
        >
          {field.optional && <option value="">{t('values.none')}</option>}
          {field.options.map((o) => (
            <option key={o} value={o}>
              {t(`values.${o}` as 'values.none', { defaultValue: o })}
            </option>
          ))}
        </select>
      </label>
    );
  }
  if (field.type === 'translations') {
    const tr = (value ?? {}) as { en?: string; zh?: string };
    return (
      <fieldset className="inline">
        <legend>{label}</legend>
        {(['zh', 'en'] as const).map((lang) => (
          <DraftField
            key={lang}
            label={lang}
            value={tr[lang] ?? ''}
            onCommit={(v) => save({ ...tr, [lang]: v || undefined })}
          />
        ))}
      </fieldset>
    );
  }
  const text =
    field.type === 'list'
      ? ((value as string[] | undefined) ?? []).join(', ')
      : value === undefined
        ? ''
        : String(value);
  return (
    <DraftField
      label={label}
      value={text}
      numeric={field.type === 'number'}
      onCommit={(raw) => {
        // NFKC: a Chinese IME types full-width digits and commas (２, ，), which are the same values.
        const v = raw.normalize('NFKC').trim();
        if (v === '') return save(field.optional ? null : value);
        if (field.type === 'number') return save(Number(v));
        if (field.type === 'list')
          return save(
            v
              .split(/[,，、]/)
              .map((x) => x.trim())
              .filter(Boolean),
          );
        save(v);
      }}
    />
  );
}
