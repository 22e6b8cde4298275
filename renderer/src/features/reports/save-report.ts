import type { ReportFormat, ReportRequest } from '../../../../preload/contract';
import { call } from '../../api/client';
import { useAppStore } from '../../app/store';
import i18n from '../../i18n';
import { saveFile } from '../../ui/export/save-file';

/**
 * Builds a report file in the main process (`reports:export`, headers in the UI language) and saves it through
 * ui/export/save-file (native dialog under Electron, a download in browser mode). Resolves once saved or
 * cancelled; failures become an error toast (ApiError.message is translated).
 */
export async function saveReport(request: ReportRequest, format: ReportFormat): Promise<void> {
  const { notify } = useAppStore.getState();
  try {
    const language = i18n.language === 'zh-CN' ? 'zh-CN' : 'en';
    const file = await call('reports:export', { request, format, language });
    const dataUrl = `data:${file.mime};base64,${file.base64}`;
    if (!(await saveFile(file.fileName, dataUrl, 'dataUrl', file.mime))) return;
    notify(i18n.t('reports:export.saved', { name: file.fileName }));
  } catch (e) {
    notify(i18n.t('reports:export.failed', { message: (e as Error).message }), 'error');
  }
}
