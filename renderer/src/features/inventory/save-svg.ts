import { useAppStore } from '../../app/store';
import i18n from '../../i18n';
import { saveFile } from '../../ui/export/save-file';

/**
 * Saves one chart's SVG (a standalone document from the chart hook's `toSvg`) as `name` through
 * ui/export/save-file (native dialog under Electron, a download in browser mode). Resolves once saved or
 * cancelled; a failure becomes an error toast naming the file.
 */
export async function saveSvg(svg: string, name: string): Promise<void> {
  const { notify } = useAppStore.getState();
  try {
    if (!(await saveFile(name, svg, 'utf8', 'image/svg+xml'))) return;
    notify(i18n.t('inventory:chart.saved', { name }));
  } catch (e) {
    notify(i18n.t('inventory:chart.saveFailed', { name, message: (e as Error).message }), 'error');
  }
}
