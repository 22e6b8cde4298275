import { useTranslation } from 'react-i18next';
import type { ImportSession } from '../../../../../preload/contract';
import { ProblemList } from './ProblemList';

const DELIMITERS = [
  [',', 'comma'],
  [';', 'semicolon'],
  ['\t', 'tab'],
  ['|', 'pipe'],
] as const;

/** What a reread may change. */
export interface RereadChange {
  encoding?: string | null;
  delimiter?: string | null;
  sheet?: string;
  headerRow?: number;
}

/**
 * The preview step: how the file was read — encoding and delimiter (CSV/TSV, detected unless chosen: “Detect”
 * goes back to the guess), sheet (XLSX), header row — each changeable, and the first rows with their line numbers
 * (long cells clipped; the whole clipped text on hover). The reader's own problems are listed under it.
 */
export function PreviewStep(props: {
  session: ImportSession;
  busy: boolean;
  onReread: (c: RereadChange) => void;
}) {
  const { t } = useTranslation('transfer');
  const { session: s, busy, onReread } = props;
  const delimiterName = (d: string | null) => {
    const known = DELIMITERS.find(([c]) => c === d);
    return known ? t(`wizard.preview.delimiters.${known[1]}`) : (d ?? '');
  };
  const garbled = s.preview.some((r) => r.cells.some((c) => c.includes('\uFFFD') || c.includes('锟斤拷')));
  return (
    <div className="iw-preview" data-testid="iw-preview">
      <div className="iw-settings">
        {s.encodings.length > 0 && (
          <label>
            {t('wizard.preview.encoding')}
            <select
              value={s.encodingChosen ? (s.encoding ?? '') : ''}
              disabled={busy}
              data-testid="iw-encoding"
              onChange={(e) => onReread({ encoding: e.target.value || null })}
            >
              <option value="">
                {t('wizard.preview.autoEncoding', { encoding: s.encodingChosen ? '…' : s.encoding })}
              </option>
              {s.encodings.map((enc) => (
                <option key={enc} value={enc}>
                  {enc}
                </option>
              ))}
            </select>
          </label>
        )}
        {s.delimiter !== null && (
          <label>
            {t('wizard.preview.delimiter')}
            <select
              value={DELIMITERS.some(([c]) => c === s.delimiter) ? s.delimiter : ''}
              disabled={busy}
              data-testid="iw-delimiter"
              onChange={(e) => onReread({ delimiter: e.target.value || null })}
            >
              <option value="">
                {t('wizard.preview.autoDelimiter', { delimiter: delimiterName(s.delimiter) })}
              </option>
              {DELIMITERS.map(([c, name]) => (
                <option key={name} value={c}>
                  {t(`wizard.preview.delimiters.${name}`)}
                </option>
              ))}
            </select>
          </label>
        )}
        {s.format === 'xlsx' && (
          <label>
            {t('wizard.preview.sheet')}
            <select
              value={s.sheet ?? ''}
              disabled={busy}
              data-testid="iw-sheet"
              onChange={(e) => onReread({ sheet: e.target.value })}
            >
              {s.sheets.map((sh) => (
                <option key={sh.name} value={sh.name}>
                  {t('wizard.preview.sheetRows', { name: sh.name, count: sh.rows })}
                </option>
              ))}
            </select>
          </label>
        )}
        <label>
          {t('wizard.preview.headerRow')}
          <input
            type="number"
            min={1}
            max={1000}
            value={s.headerRow}
            disabled={busy}
            className="iw-narrow"
            data-testid="iw-header-row"
            onChange={(e) => {
              const n = Number(e.target.value);
              if (Number.isInteger(n) && n >= 1 && n <= 1000) onReread({ headerRow: n });
            }}
          />
        </label>
      </div>
      <p className="small muted" data-testid="iw-preview-summary">
        {t('wizard.preview.summary', {
          format: s.format.toUpperCase(),
          rows: s.rows.toLocaleString(),
          columns: s.header.length,
          line: s.headerLine,
        })}
      </p>
      {garbled && (
        <p className="iw-warning small" role="status" data-testid="iw-garbled">
          {t('wizard.preview.garbled')}
        </p>
      )}
      <div className="iw-table-wrap">
        <table className="iw-table" data-testid="iw-preview-table">
          <thead>
            <tr>
              <th className="iw-line">{t('wizard.preview.line')}</th>
              {s.header.map((h, i) => (
                <th key={i} title={h}>
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {s.preview.map((r) => (
              <tr key={r.line} data-line={r.line}>
                <td className="iw-line">{r.line}</td>
                {s.header.map((_, i) => (
                  <td key={i} title={r.cells[i] ?? ''}>
                    {r.cells[i] ?? ''}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
        {s.preview.length === 0 && <p className="muted iw-empty">{t('wizard.preview.noRows')}</p>}
      </div>
      {s.preview.length > 0 && (
        <p className="small muted">
          {t('wizard.preview.shown', { shown: s.preview.length, rows: s.rows.toLocaleString() })}
        </p>
      )}
      {s.problemCount > 0 && (
        <>
          <p className="small">{t('wizard.preview.readerProblems', { count: s.problemCount })}</p>
          <ProblemList problems={s.problems} total={s.problemCount} testId="iw-reader-problems" />
        </>
      )}
    </div>
  );
}
