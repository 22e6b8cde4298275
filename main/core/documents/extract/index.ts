// Public API of document text extraction. Format modules are internal; `extractFile` is the entry point.
export { extractFile } from './extract-file';
export { detectFormat, mimeFromName, type Detected, type DocumentFormat } from './detect-format';
export { decodeText, type DecodedText } from './encoding';
export { ExtractError } from './errors';
export { normalizeText } from './normalize';
export { DEFAULT_MAX_BYTES } from './types';
export type { ExtractOptions, ExtractResult, ExtractStatus, ExtractedPage } from './types';
