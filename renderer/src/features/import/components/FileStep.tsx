import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_MB } from '../session-api';

/** What the file input offers (the bytes decide the format; the names only filter the picker). */
export const ACCEPT = '.csv,.tsv,.tab,.txt,.xlsx,.json';

/**
 * The first step: a button that opens the system's file picker (a hidden `<input type="file">`, which works in
 * Electron's sandboxed renderer and in browser mode alike); the whole dialog also takes a dropped file.
 */
export function FileStep(props: { busy: boolean; onPick: (file: File) => void }) {
  const { t } = useTranslation('transfer');
  const input = useRef<HTMLInputElement>(null);
  return (
    <div className="iw-file" data-testid="iw-file-step">
      <p className="muted small">{t('wizard.file.intro')}</p>
      <div className="iw-drop">
        <button
          type="button"
          className="primary"
          autoFocus
          disabled={props.busy}
          data-testid="iw-choose"
          onClick={() => input.current?.click()}
        >
          {t('wizard.file.choose')}
        </button>
        <span className="muted">{t('wizard.file.drop')}</span>
        <span className="small muted">{t('wizard.file.accepts', { max: MAX_MB })}</span>
      </div>
      <input
        ref={input}
        type="file"
        accept={ACCEPT}
        hidden
        data-testid="iw-file-input"
        onChange={(e) => {
          const f = e.target.files?.[0];
          e.target.value = '';
          if (f) props.onPick(f);
        }}
      />
    </div>
  );
}
