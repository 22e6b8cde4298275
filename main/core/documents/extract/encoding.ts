import { decodeText as decodeShared, NotTextError, type DecodedText } from '../../util/text-encoding';
import { ExtractError } from './errors';

export type { DecodedText } from '../../util/text-encoding';

/**
 * `decodeText` of util/text-encoding (where the method is documented), with the error extraction reports: bytes
 * that are not text are an ExtractError with status 'unsupported'.
 *
 * @throws ExtractError 'unsupported' "<fileName>: binary file, not text" for binary content
 */
export function decodeText(buf: Uint8Array, fileName: string, declared?: string): DecodedText {
  try {
    return decodeShared(buf, fileName, declared);
  } catch (e) {
    if (e instanceof NotTextError) throw new ExtractError('unsupported', e.message);
    throw e;
  }
}
