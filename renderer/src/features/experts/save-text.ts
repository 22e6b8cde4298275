import { call, isElectron } from '../../api/client';
import { useAppStore } from '../../app/store';
import i18n from '../../i18n';

/**
 * Saves a text file (an SVG export): under Electron through the native save dialog (`export:save-file`, utf8),
 * in browser mode as a download. Failures become an error toast.
 */
export async function saveText(name: string, content: string, mime: string): Promise<void> {
  const { notify } = useAppStore.getState();
  try {
    if (isElectron) {
      const r = await call('export:save-file', { suggestedName: name, content, encoding: 'utf8' });
      if (!r.saved) return;
    } else {
      const url = URL.createObjectURL(new Blob([content], { type: mime }));
      const a = document.createElement('a');
      a.href = url;
      a.download = name;
      a.click();
      setTimeout(() => URL.revokeObjectURL(url), 1000);
    }
    notify(i18n.t('experts:export.saved', { name }));
  } catch (e) {
    notify(i18n.t('experts:export.failed', { message: (e as Error).message }), 'error');
  }
}
