import type { MessageParams } from '../../../preload/contract';
import type { MessageKey } from '../util/errors';

/**
 * The per-file reasons of the library (`documents.error`), read back into a translatable message.
 *
 * Extraction stores its reason as English text (extract/*.ts, folder-scan.ts, extract-process-pool.ts): "x.csv line 17: unclosed quote".
 * Rather than add a column (a migration) the library answers each stored text with the message key whose English
 * template produced it and the values it held, so old rows are translated as well as new ones. A text no template
 * matches (an unexpected library error) keeps only its English. tests/unit/core/documents/reasons.test.ts runs the
 * real extractors and checks that every reason they produce is recognised.
 */

type ReasonKey = Extract<MessageKey, `library:reasons.${string}`>;

/**
 * English templates of the stored texts, as extract/*.ts and folder-scan.ts write them; `{{x}}` captures a value.
 * Order matters where templates overlap: the specific before the general.
 */
const TEMPLATES: ReadonlyArray<readonly [ReasonKey, string]> = [
  ['library:reasons.fileNotFound', '{{name}}: file not found'],
  ['library:reasons.permissionDenied', '{{name}}: cannot read file (permission denied)'],
  ['library:reasons.cannotRead', '{{name}}: cannot read file ({{detail}})'],
  ['library:reasons.notRegularFile', '{{name}}: not a regular file'],
  ['library:reasons.tooLarge', '{{name}}: {{size}}, larger than the {{limit}} limit'],
  ['library:reasons.emptyFile', '{{name}}: empty file'],
  ['library:reasons.zipArchive', '{{name}}: ZIP archive, not a supported document'],
  ['library:reasons.ole2', '{{name}}: OLE2 compound file is not supported'],
  [
    'library:reasons.legacyOfficeFormat',
    '{{name}}: {{app}} 97–2003 (.{{ext}}) is not supported: save it as .{{modern}}',
  ],
  ['library:reasons.epubDrm', '{{name}}: EPUB protected by DRM (encrypted content)'],
  ['library:reasons.epubDamaged', '{{name}}: damaged or truncated EPUB (not a readable ZIP archive)'],
  ['library:reasons.rtfTruncated', '{{name}}: damaged or truncated RTF (groups not closed)'],
  ['library:reasons.rtfNotRtf', '{{name}}: not an RTF file (it does not start with {\\rtf)'],
  // extract/epub.ts readContainer and extractEpub: the details it puts in "not a valid EPUB file (…)".
  ['library:reasons.epubNoContainer', '{{name}}: not a valid EPUB file (no META-INF/container.xml)'],
  [
    'library:reasons.epubNoRootfile',
    '{{name}}: not a valid EPUB file (META-INF/container.xml names no package document)',
  ],
  [
    'library:reasons.epubPackageMissing',
    '{{name}}: not a valid EPUB file (the package document {{path}} is missing)',
  ],
  [
    'library:reasons.epubPackageInvalid',
    '{{name}}: not a valid EPUB file (the package document is not valid XML)',
  ],
  ['library:reasons.epubNotZip', '{{name}}: not a valid EPUB file (not a ZIP archive)'],
  ['library:reasons.otherFormatNotSupported', '{{name}}: {{what}} (.{{ext}}) is not supported'],
  ['library:reasons.unsupportedType', '{{name}}: unsupported file type (.{{ext}})'],
  ['library:reasons.noExtension', '{{name}}: unsupported file type (no extension)'],
  ['library:reasons.binaryFile', '{{name}}: binary file, not text'],
  ['library:reasons.unclosedQuote', '{{name}} line {{line}}: unclosed quote'],
  ['library:reasons.malformedQuote', '{{name}} line {{line}}: malformed quote'],
  ['library:reasons.invalidDocx', '{{name}}: not a valid DOCX ({{detail}})'],
  ['library:reasons.invalidOffice', '{{name}}: not a valid {{format}} file ({{detail}})'],
  ['library:reasons.pdfNoPage', '{{name}}: no page could be read (damaged PDF)'],
  ['library:reasons.passwordRequired', '{{name}}: password required'],
  ['library:reasons.wrongPassword', '{{name}}: wrong password'],
  ['library:reasons.invalidPdf', '{{name}}: not a valid PDF (damaged or truncated)'],
  ['library:reasons.cannotOpenPdf', '{{name}}: cannot open PDF: {{detail}}'],
  ['library:reasons.cannotDecrypt', '{{name}}: cannot decrypt ({{detail}})'],
  // extract-file.ts toResult: damaged pages and pages OCR could not read in one file (before pageUnreadable, whose
  // lazy captures would otherwise take the OCR part into {{pages}}).
  [
    'library:reasons.pageUnreadableOcrPage',
    '{{name}}: {{failed}} of {{total}} pages could not be read (page {{pages}}); OCR could not read {{ocrFailed}} of {{total}} pages (page {{ocrPages}})',
  ],
  [
    'library:reasons.pageUnreadableOcrPages',
    '{{name}}: {{failed}} of {{total}} pages could not be read (page {{pages}}); OCR could not read {{ocrFailed}} of {{total}} pages (pages {{ocrPages}})',
  ],
  [
    'library:reasons.pagesUnreadableOcrPage',
    '{{name}}: {{failed}} of {{total}} pages could not be read (pages {{pages}}); OCR could not read {{ocrFailed}} of {{total}} pages (page {{ocrPages}})',
  ],
  [
    'library:reasons.pagesUnreadableOcrPages',
    '{{name}}: {{failed}} of {{total}} pages could not be read (pages {{pages}}); OCR could not read {{ocrFailed}} of {{total}} pages (pages {{ocrPages}})',
  ],
  [
    'library:reasons.pageUnreadableRestScanned',
    '{{name}}: {{failed}} of {{total}} pages could not be read (page {{pages}}); the others have no text layer (scanned?)',
  ],
  [
    'library:reasons.pagesUnreadableRestScanned',
    '{{name}}: {{failed}} of {{total}} pages could not be read (pages {{pages}}); the others have no text layer (scanned?)',
  ],
  [
    'library:reasons.pageUnreadable',
    '{{name}}: {{failed}} of {{total}} pages could not be read (page {{pages}})',
  ],
  [
    'library:reasons.pagesUnreadable',
    '{{name}}: {{failed}} of {{total}} pages could not be read (pages {{pages}})',
  ],
  // OCR (extract/image.ts, extract-file.ts; issue 11 §3).
  ['library:reasons.imageNoHeader', '{{name}}: damaged image (no {{kind}} header)'],
  ['library:reasons.imageTooLarge', '{{name}}: image too large ({{size}} pixels, over {{limit}} megapixels)'],
  ['library:reasons.imageOcrOff', '{{name}}: image (OCR is off for this folder)'],
  ['library:reasons.imageUndecodable', '{{name}}: damaged image (cannot be decoded)'],
  ['library:reasons.ocrImageUnreadable', '{{name}}: OCR could not read the image'],
  ['library:reasons.ocrUnreadable', '{{name}}: no text layer, and OCR could not read it'],
  [
    'library:reasons.pageUnreadableRestOcrUnreadable',
    '{{name}}: {{failed}} of {{total}} pages could not be read (page {{pages}}); the others have no text layer, and OCR could not read them',
  ],
  [
    'library:reasons.pagesUnreadableRestOcrUnreadable',
    '{{name}}: {{failed}} of {{total}} pages could not be read (pages {{pages}}); the others have no text layer, and OCR could not read them',
  ],
  [
    'library:reasons.ocrPageUnreadable',
    '{{name}}: OCR could not read {{failed}} of {{total}} pages (page {{pages}})',
  ],
  [
    'library:reasons.ocrPagesUnreadable',
    '{{name}}: OCR could not read {{failed}} of {{total}} pages (pages {{pages}})',
  ],
  // extract-process-pool.ts: a file whose extraction process hung (killed) or died.
  ['library:reasons.timedOut', '{{name}}: timed out after {{seconds}} s'],
  ['library:reasons.extractionCrashed', '{{name}}: the extraction process ended unexpectedly ({{detail}})'],
  ['library:reasons.noTextLayer', '{{name}}: no text layer (scanned?)'],
  ['library:reasons.noText', '{{name}}: no text'],
];

/**
 * The format names folder-scan.ts and detect-format.ts put into "… (.ext) is not supported", by their translation
 * under `library:formats`. A name missing here is still shown, in English (`otherFormatNotSupported`).
 */
const FORMATS: Readonly<Record<string, string>> = {
  'EPUB e-book': 'epub',
  'Kindle e-book': 'kindle',
  'legacy Office format': 'legacyOffice',
  'WPS Office document': 'wps',
  'Rich Text Format document': 'rtf',
  'Apple iWork document': 'iwork',
  'XPS document': 'xps',
  'DjVu document': 'djvu',
  'Visio drawing': 'visio',
  'OneNote notebook': 'onenote',
  'e-mail message': 'email',
  image: 'image',
  archive: 'archive',
  'audio file': 'audio',
  'video file': 'video',
};

interface CompiledReason {
  key: ReasonKey;
  pattern: RegExp;
  names: string[];
}

const COMPILED: readonly CompiledReason[] = TEMPLATES.map(([key, template]) => {
  const names: string[] = [];
  const source = template
    .split(/(\{\{\w+\}\})/)
    .map((part) => {
      const m = /^\{\{(\w+)\}\}$/.exec(part);
      if (!m) return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      names.push(m[1]!);
      // Lazy: a file name may itself hold ": " or " (", and the fixed text after it decides where it ends.
      return '(.+?)';
    })
    .join('');
  return { key, pattern: new RegExp(`^${source}$`, 's'), names };
});

/** A stored reason read back as a message: its key and the values the English text held. */
export interface Reason {
  key: ReasonKey;
  params: MessageParams;
}

/**
 * The message key and values of a stored reason, or null when no template matches (or there is no reason).
 * "x.pdf: password required" → `{ key: 'library:reasons.passwordRequired', params: { name: 'x.pdf' } }`;
 * "b.epub: EPUB e-book (.epub) is not supported" → `formatNotSupported` with `format: 'epub'`.
 */
export function reasonOf(error: string | null | undefined): Reason | null {
  if (!error) return null;
  for (const { key, pattern, names } of COMPILED) {
    const m = pattern.exec(error);
    if (!m) continue;
    const params: MessageParams = Object.fromEntries(names.map((n, i) => [n, m[i + 1]!]));
    if (key === 'library:reasons.otherFormatNotSupported') {
      const format = FORMATS[String(params.what)];
      if (format) return { key: 'library:reasons.formatNotSupported', params: { ...params, format } };
    }
    return { key, params };
  }
  return null;
}
