import { useTranslation } from 'react-i18next';
import type { ValueSource } from '../../../../../preload/contract';
import { sourceColumns, type PropInfo } from '../mapping-model';

const NONE = '';
const FIXED = '\u0000fixed';

/**
 * Where one field of a mapping comes from: not mapped, a column (several joined: “＋” adds one, × removes it), or
 * a fixed value (a choice list for an enum prop, a number field for a number). Other settings of the source
 * (separator, join, value translations of a loaded mapping) are kept as they are.
 */
export function SourcePicker(props: {
  label: string;
  value: ValueSource | undefined;
  header: readonly string[];
  onChange: (v: ValueSource | undefined) => void;
  /** The prop this source feeds (its choices and type), for fixed values. */
  prop?: PropInfo;
  testId: string;
}) {
  const { t } = useTranslation('transfer');
  const tx = t as unknown as (key: string) => string;
  const { value, header, onChange, prop } = props;
  const columns = sourceColumns(value);
  const fixed = value !== undefined && value.value !== undefined;
  const keep = (v: ValueSource | undefined): Omit<ValueSource, 'column' | 'value'> => {
    const { column: _c, value: _v, ...rest } = v ?? {};
    return rest;
  };
  const setColumns = (cols: string[]) =>
    cols.length === 0
      ? onChange(undefined)
      : onChange({ ...keep(value), column: cols.length === 1 ? cols[0]! : cols });
  const setFirst = (choice: string) => {
    if (choice === NONE) onChange(undefined);
    else if (choice === FIXED) onChange({ ...keep(value), value: prop?.choices?.[0] ?? '' });
    else setColumns([choice, ...columns.slice(1)]);
  };
  const options = (except: string[]) =>
    header
      .filter((h) => h.trim() && !except.includes(h))
      .map((h) => (
        <option key={h} value={h}>
          {h}
        </option>
      ));
  const first = fixed ? FIXED : (columns[0] ?? NONE);
  const fixedValue = fixed ? String(value.value) : '';
  const setFixed = (raw: string) =>
    onChange({
      ...keep(value),
      value: prop?.number && raw.trim() !== '' && !isNaN(Number(raw)) ? Number(raw) : raw,
    });
  return (
    <div className="iw-source" data-testid={props.testId}>
      <span className="iw-source-label">{props.label}</span>
      <div className="iw-source-inputs">
        <select
          aria-label={props.label}
          value={first}
          data-testid={`${props.testId}-column`}
          onChange={(e) => setFirst(e.target.value)}
        >
          <option value={NONE}>{t('wizard.map.none')}</option>
          {options(columns.slice(1))}
          {first !== NONE && first !== FIXED && !header.includes(first) && (
            <option value={first}>{first}</option>
          )}
          <option value={FIXED}>{t('wizard.map.fixed')}</option>
        </select>
        {fixed &&
          (prop?.choices ? (
            <select
              aria-label={t('wizard.map.fixedValue')}
              value={fixedValue}
              data-testid={`${props.testId}-value`}
              onChange={(e) => setFixed(e.target.value)}
            >
              {prop.choices.map((c) => (
                <option key={c} value={c}>
                  {tx(`map:values.${c}`)}
                </option>
              ))}
            </select>
          ) : (
            <input
              aria-label={t('wizard.map.fixedValue')}
              type={prop?.number ? 'number' : 'text'}
              value={fixedValue}
              data-testid={`${props.testId}-value`}
              onChange={(e) => setFixed(e.target.value)}
            />
          ))}
        {columns.slice(1).map((c, i) => (
          <span key={`${c}-${i}`} className="iw-joined">
            <span aria-hidden="true">+</span>
            <select
              aria-label={props.label}
              value={c}
              onChange={(e) => setColumns(columns.map((x, j) => (j === i + 1 ? e.target.value : x)))}
            >
              {options(columns.filter((_, j) => j !== i + 1))}
            </select>
            <button
              type="button"
              className="ghost iw-icon"
              title={t('wizard.map.removeColumn')}
              aria-label={t('wizard.map.removeColumn')}
              onClick={() => setColumns(columns.filter((_, j) => j !== i + 1))}
            >
              ×
            </button>
          </span>
        ))}
        {columns.length > 0 && columns.length < header.length && (
          <button
            type="button"
            className="ghost iw-icon"
            title={t('wizard.map.addColumn')}
            aria-label={t('wizard.map.addColumn')}
            data-testid={`${props.testId}-add`}
            onClick={() => setColumns([...columns, header.find((h) => h.trim() && !columns.includes(h))!])}
          >
            ＋
          </button>
        )}
      </div>
    </div>
  );
}
