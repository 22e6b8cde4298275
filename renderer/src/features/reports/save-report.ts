import type { ReportFormat, ReportRequest } from '../../../../preload/contract';
import { call, isElectron } from '../../api/client';
import { useAppStore } from '../../app/store';
import i18n from '../../i18n';

/**
 * Builds a report file in the main process (`reports:export`, headers in the UI language) and saves it: under
 * Electron through the native save dialog (`export:save-file` with a data URL), in browser mode as a download.
 * Resolves once saved or cancelled; failures become an error toast (ApiError.message is translated).
 */
export async function saveReport(request: ReportRequest, format: ReportFormat): Promise<void> {
  const { notify } = useAppStore.getState();
  try {
    const language = i18n.language === 'zh-CN' ? 'zh-CN' : 'en';
    const file = await call('reports:export', { request, format, language });
    const dataUrl = `data:${file.mime};base64,${file.base64}`;
    if (isElectron) {
      const r = await call('export:save-file', {
        suggestedName: file.fileName,
        content: dataUrl,
        encoding: 'dataUrl',
      });
      if (!r.saved) return;
    } else {
      const a = document.createElement('a');
      a.href = dataUrl;
      a.download = file.fileName;
      a.click();
    }
    notify(i18n.t('reports:export.saved', { name: file.fileName }));
  } catch (e) {
    notify(i18n.t('reports:export.failed', { message: (e as Error).message }), 'error');
  }
}
