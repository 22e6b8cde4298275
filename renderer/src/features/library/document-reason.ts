import type { DocumentDto } from '../../../../preload/contract';
import { translateMessage } from '../../i18n/messages';

/**
 * Why a library file is not (fully) indexed, in the UI language: the translation of its `errorKey` (see
 * main/core/documents/reasons.ts), else the stored English reason; null when it has none.
 */
export function documentReason(doc: Pick<DocumentDto, 'error' | 'errorKey' | 'errorParams'>): string | null {
  if (!doc.error) return null;
  return translateMessage(doc.errorKey, doc.errorParams, doc.error);
}
