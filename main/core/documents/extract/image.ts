/**
 * Image files (PNG, JPEG, TIFF): their kind and size read from the header, before anything is decoded, so that an
 * image too large to decode within the indexing memory budget is refused without allocating its pixels.
 */
import { ExtractError } from './errors';
import type { FormatOutput } from './format-output';
import type { OcrEngine } from './ocr';

/** An image format that OCR reads (tesseract's leptonica decodes all three). */
export type ImageKind = 'png' | 'jpeg' | 'tiff';

/** Width and height in pixels, as the header records them. */
export interface ImageSize {
  width: number;
  height: number;
}

/**
 * The most pixels an image (or a rendered PDF page) may have to be recognised: 40 million, e.g. an A4 page scanned
 * at 600 dpi (4960 × 7016 = 34.8 MP). Decoded, leptonica holds 4 bytes a pixel (160 MB) and tesseract a binarised
 * and a grey copy: about 300 MB at the limit, outside the V8 heap. A larger image is refused with a reason.
 */
export const MAX_IMAGE_PIXELS = 40_000_000;

/** The image kind the first bytes announce, or null (PNG signature; JPEG SOI + marker; TIFF "II*\0" / "MM\0*"). */
export function imageKind(buf: Uint8Array): ImageKind | null {
  if (buf.length >= 8 && buf[0] === 0x89 && buf[1] === 0x50 && buf[2] === 0x4e && buf[3] === 0x47)
    return 'png';
  if (buf.length >= 3 && buf[0] === 0xff && buf[1] === 0xd8 && buf[2] === 0xff) return 'jpeg';
  if (buf.length >= 4) {
    if (buf[0] === 0x49 && buf[1] === 0x49 && buf[2] === 0x2a && buf[3] === 0x00) return 'tiff';
    if (buf[0] === 0x4d && buf[1] === 0x4d && buf[2] === 0x00 && buf[3] === 0x2a) return 'tiff';
  }
  return null;
}

/**
 * The size recorded in an image's header, or null when the header is missing or damaged.
 *
 * - PNG: the IHDR chunk, which must come first (PNG spec §11.2.2): width and height, 4 bytes big-endian each.
 * - JPEG: the first SOFn marker (ITU T.81 §B.2.2; n = 0–15 but not 4, 8, 12), walking the marker segments.
 * - TIFF: tags 256 ImageWidth and 257 ImageLength of the first IFD (TIFF 6.0 §2, SHORT or LONG, either byte order).
 */
export function imageSize(buf: Uint8Array, kind: ImageKind): ImageSize | null {
  const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  try {
    if (kind === 'png') {
      if (buf.length < 24 || String.fromCharCode(...buf.subarray(12, 16)) !== 'IHDR') return null;
      return positive(view.getUint32(16), view.getUint32(20));
    }
    if (kind === 'jpeg') {
      let at = 2;
      while (at + 9 < buf.length) {
        if (buf[at] !== 0xff) return null;
        const marker = buf[at + 1]!;
        if (marker === 0xff) {
          at++; // fill byte
          continue;
        }
        if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
          return positive(view.getUint16(at + 7), view.getUint16(at + 5));
        }
        if (marker === 0xd9 || marker === 0xda) return null; // end of image / start of scan before any frame
        at += 2 + view.getUint16(at + 2);
      }
      return null;
    }
    const little = buf[0] === 0x49;
    const ifd = view.getUint32(4, little);
    const count = view.getUint16(ifd, little);
    let width = 0;
    let height = 0;
    for (let i = 0; i < count; i++) {
      const entry = ifd + 2 + i * 12;
      const tag = view.getUint16(entry, little);
      if (tag !== 256 && tag !== 257) continue;
      const type = view.getUint16(entry + 2, little);
      const value = type === 3 ? view.getUint16(entry + 8, little) : view.getUint32(entry + 8, little);
      if (tag === 256) width = value;
      else height = value;
    }
    return positive(width, height);
  } catch {
    // A DataView read past the end: the header is cut short.
    return null;
  }
}

function positive(width: number, height: number): ImageSize | null {
  return width > 0 && height > 0 ? { width, height } : null;
}

/** "20,000 × 20,000": a size as the reasons write it. */
export function formatSize(size: ImageSize): string {
  return `${size.width.toLocaleString('en-US')} × ${size.height.toLocaleString('en-US')}`;
}

const KIND_NAMES: Record<ImageKind, string> = { png: 'PNG', jpeg: 'JPEG', tiff: 'TIFF' };

/**
 * An image file read by OCR, as one page. The size is read from the header first: no header → 'failed' "damaged
 * image (no PNG header)"; more than MAX_IMAGE_PIXELS → 'unsupported' "image too large (20,000 × 20,000 pixels, over
 * 40 megapixels)", without decoding it. With OCR off → 'no-text' "image (OCR is off for this folder)". Pixels that
 * leptonica cannot decode → 'failed' "damaged image (cannot be decoded)". A page OCR cannot read is returned
 * without pages and with `ocrUnreadable: [1]` (extractFile's status 'no-text').
 *
 * @throws ExtractError as listed
 */
export async function extractImage(
  buf: Buffer,
  fileName: string,
  kind: ImageKind,
  ocr: OcrEngine | false | undefined,
): Promise<FormatOutput> {
  const size = imageSize(buf, kind);
  if (!size) throw new ExtractError('failed', `${fileName}: damaged image (no ${KIND_NAMES[kind]} header)`);
  if (size.width * size.height > MAX_IMAGE_PIXELS) {
    throw new ExtractError(
      'unsupported',
      `${fileName}: image too large (${formatSize(size)} pixels, over ${MAX_IMAGE_PIXELS / 1e6} megapixels)`,
    );
  }
  if (!ocr) throw new ExtractError('no-text', `${fileName}: image (OCR is off for this folder)`);
  let read;
  try {
    read = await ocr.recognize(buf);
  } catch {
    throw new ExtractError('failed', `${fileName}: damaged image (cannot be decoded)`);
  }
  if (!read.readable) return { pages: [], pageCount: 1, ocrUnreadable: [1] };
  return { pages: [{ page: 1, text: read.text, ocr: true }], pageCount: 1 };
}
