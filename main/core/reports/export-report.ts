import type { ReportFormat, ReportRequest } from '../../../preload/contract';
import type { KnowledgeService } from '../analytics/knowledge-service';
import { WellspringError } from '../util/errors';

/** Builds a report file. SKELETON: filled in by the reports work. */
export function exportReport(
  _knowledge: KnowledgeService,
  _request: ReportRequest,
  _format: ReportFormat,
  _language: 'en' | 'zh-CN',
): Promise<{ fileName: string; mime: string; base64: string }> {
  return Promise.reject(new WellspringError('unsupported', 'Not built yet.'));
}
