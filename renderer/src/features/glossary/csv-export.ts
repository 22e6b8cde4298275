import i18n from '../../i18n';
import { call } from '../../api/client';
import { useAppStore } from '../../app/store';
import { saveFile } from '../../ui/export/save-file';

/**
 * Exports the glossary as CSV (glossary:export-csv: UTF-8 with a byte order mark, as Excel needs it) and saves it
 * (the native save dialog under Electron, a download in browser mode), then says so; a failure becomes an error
 * toast with the core's message.
 */
export async function exportGlossaryCsv(): Promise<void> {
  const notify = useAppStore.getState().notify;
  try {
    const r = await call('glossary:export-csv', {});
    const saved = await saveFile(r.fileName, r.content, 'utf8', 'text/csv;charset=utf-8');
    if (saved) notify(i18n.t('glossary:toast.exported', { count: r.terms, file: r.fileName }));
  } catch (e) {
    notify((e as Error).message, 'error');
  }
}
