import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { WorkspaceExportFormat } from '../../../../../preload/contract';
import { useWorkspaceInfo } from '../../../api/queries';
import { useAppStore } from '../../../app/store';
import { Modal } from '../../../ui/Modal';
import { formatSize } from '../format';
import { exportWorkspaceAs } from '../queries';
import { closeFilesDialog } from '../store';

/** The formats in the order offered (the one that keeps everything first), with the extension each is saved as. */
const FORMATS: ReadonlyArray<[WorkspaceExportFormat, string]> = [
  ['json', '.json'],
  ['graphml', '.graphml'],
  ['gexf', '.gexf'],
  ['csv', '.zip'],
  ['cypher', '.cypher'],
  ['cyjs', '.cyjs'],
];

/** The last format exported in this session, offered first next time. */
let lastFormat: WorkspaceExportFormat = 'json';

/**
 * Export workspace: pick a format — each with one line on what it is for (Gephi and yEd for GraphML, Neo4j for
 * Cypher …) — and Export; the core builds the file (`files:export`) and the renderer saves it (Electron's save
 * dialog, browser mode's download); a toast says what was saved. The radios move with the arrow keys, Enter
 * exports, Escape closes. While it runs the dialog shows a progress bar and cannot be closed half-way.
 */
export function ExportWorkspaceDialog() {
  const { t, i18n } = useTranslation('files');
  const info = useWorkspaceInfo();
  const [format, setFormat] = useState<WorkspaceExportFormat>(lastFormat);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async () => {
    if (busy) return;
    setBusy(true);
    setError(null);
    lastFormat = format;
    try {
      const saved = await exportWorkspaceAs(format);
      closeFilesDialog();
      if (!saved) return; // the save dialog was cancelled
      const size = formatSize(saved.bytes, i18n.language);
      useAppStore
        .getState()
        .notify(
          format === 'csv'
            ? t('export.savedZip', { file: saved.fileName, count: saved.entries.length, size })
            : t('export.saved', { file: saved.fileName, size }),
        );
    } catch (e) {
      setError((e as Error).message);
      setBusy(false);
    }
  };

  return (
    <Modal
      title={t('export.title')}
      onClose={() => !busy && closeFilesDialog()}
      wide
      testId="export-workspace-dialog"
    >
      <form
        className="files-form"
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
        // Enter on a radio exports too (browsers submit a form on Enter only from a text field).
        onKeyDown={(e) => {
          if (e.key !== 'Enter' || (e.target as HTMLElement).tagName !== 'INPUT') return;
          e.preventDefault();
          void submit();
        }}
      >
        {info.data && (
          <p className="muted small files-intro">
            {t('export.intro', {
              name: info.data.name,
              nodes: info.data.nodeCount,
              edges: info.data.edgeCount,
            })}
          </p>
        )}
        <fieldset className="files-formats" disabled={busy}>
          <legend>{t('export.format')}</legend>
          {FORMATS.map(([f, ext]) => (
            <label
              key={f}
              className={`files-format${format === f ? ' chosen' : ''}`}
              data-testid={`export-format-${f}`}
            >
              <input
                type="radio"
                name="format"
                value={f}
                checked={format === f}
                autoFocus={format === f}
                onChange={() => setFormat(f)}
              />
              <span className="files-format-text">
                <span className="files-format-name">
                  {t(`export.formats.${f}.name`)}
                  <span className="files-format-ext muted">{ext}</span>
                </span>
                <span className="muted small">{t(`export.formats.${f}.what`)}</span>
              </span>
            </label>
          ))}
        </fieldset>
        {busy && (
          <div className="files-progress" role="status">
            <progress aria-label={t('export.working')} />
            <span className="muted small">{t('export.working')}</span>
          </div>
        )}
        {error && (
          <p className="error-text" role="alert" data-testid="export-error">
            {error}
          </p>
        )}
        <div className="buttons">
          <button type="button" onClick={closeFilesDialog} disabled={busy}>
            {t('export.cancel')}
          </button>
          <button type="submit" className="primary" disabled={busy} data-testid="export-confirm">
            {t('export.confirm')}
          </button>
        </div>
      </form>
    </Modal>
  );
}
