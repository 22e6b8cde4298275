import { useAppStore } from '../../app/store';
import i18n from '../../i18n';
import { saveFile } from '../../ui/export/save-file';

/**
 * Saves a text file (an SVG export) through ui/export/save-file (native dialog under Electron, a download in
 * browser mode) and says so in a toast; a failure becomes an error toast.
 */
export async function saveText(name: string, content: string, mime: string): Promise<void> {
  const { notify } = useAppStore.getState();
  try {
    if (!(await saveFile(name, content, 'utf8', mime))) return;
    notify(i18n.t('experts:export.saved', { name }));
  } catch (e) {
    notify(i18n.t('experts:export.failed', { message: (e as Error).message }), 'error');
  }
}
