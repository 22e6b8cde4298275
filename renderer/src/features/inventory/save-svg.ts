import { call, isElectron } from '../../api/client';
import { useAppStore } from '../../app/store';
import i18n from '../../i18n';

/**
 * Saves one chart's SVG (a standalone document from the chart hook's `toSvg`) as `name`: under Electron through
 * the native save dialog (`export:save-file`, plain text), in browser mode as a download. Resolves once saved or
 * cancelled; a failure becomes an error toast naming the file.
 */
export async function saveSvg(svg: string, name: string): Promise<void> {
  const { notify } = useAppStore.getState();
  try {
    if (isElectron) {
      const r = await call('export:save-file', { suggestedName: name, content: svg, encoding: 'utf8' });
      if (!r.saved) return;
    } else {
      const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
      const a = document.createElement('a');
      a.href = url;
      a.download = name;
      a.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    }
    notify(i18n.t('inventory:chart.saved', { name }));
  } catch (e) {
    notify(i18n.t('inventory:chart.saveFailed', { name, message: (e as Error).message }), 'error');
  }
}
