import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReportFormat, ReportRequest } from '../../../../../preload/contract';
import { saveReport } from '../save-report';

/** "Export CSV" and "Export XLSX" for one report request; both disabled while a file is being built. */
export function ExportButtons({ request }: { request: ReportRequest }) {
  const { t } = useTranslation('reports');
  const [busy, setBusy] = useState(false);
  const run = async (format: ReportFormat) => {
    setBusy(true);
    try {
      await saveReport(request, format);
    } finally {
      setBusy(false);
    }
  };
  return (
    <span className="export-buttons">
      <button disabled={busy} onClick={() => void run('csv')} data-testid="export-csv">
        {t('export.csv')}
      </button>
      <button disabled={busy} onClick={() => void run('xlsx')} data-testid="export-xlsx">
        {t('export.xlsx')}
      </button>
    </span>
  );
}
