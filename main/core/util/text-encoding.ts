import chardet from 'chardet';
import iconv from 'iconv-lite';

/**
 * Text decoding shared by document extraction (documents/extract) and spreadsheet import (core/import): byte order
 * marks, UTF-16 without a BOM, a binary test, strict UTF-8, a declared encoding, then chardet's guess among the
 * legacy encodings Chinese (GB18030, Big5) and other offices use; and `decodeAs` for an encoding the user picked.
 */

/** Thrown by `decodeText` for bytes that are not text; the message names the file. */
export class NotTextError extends Error {
  override readonly name = 'NotTextError';
  constructor(
    /** The file's base name as the caller gave it. */
    readonly fileName: string,
  ) {
    super(`${fileName}: binary file, not text`);
  }
}

/** Text decoded from bytes, with the encoding it was read in. */
export interface DecodedText {
  /** The text, without a byte order mark. Not normalised. */
  text: string;
  /** 'UTF-8', 'UTF-16LE', 'UTF-16BE', 'GB18030', 'Big5', 'Shift_JIS', 'EUC-KR' or 'windows-1252'. */
  encoding: string;
}

// Bytes looked at for the binary test and by chardet: enough for a stable guess, bounded for 200 MB files.
const SAMPLE_BYTES = 256 * 1024;
// git calls a file binary when a NUL occurs in its first 8000 bytes (xdiff `buffer_is_binary`); we do the same, and
// also when control bytes other than \t \n \r \f \v ESC make up more than 5% of the sample (random or compressed
// bytes have about 10%, real text almost none).
const NUL_WINDOW = 8000;
const MAX_CONTROL_SHARE = 0.05;

interface Codec {
  codec: string;
  label: string;
}
const CODECS = {
  GB18030: { codec: 'gb18030', label: 'GB18030' },
  Big5: { codec: 'big5', label: 'Big5' },
  'UTF-16LE': { codec: 'utf-16le', label: 'UTF-16LE' },
  'UTF-16BE': { codec: 'utf-16be', label: 'UTF-16BE' },
  Shift_JIS: { codec: 'shift_jis', label: 'Shift_JIS' },
  'EUC-KR': { codec: 'euc-kr', label: 'EUC-KR' },
  'windows-1252': { codec: 'windows-1252', label: 'windows-1252' },
} as const satisfies Record<string, Codec>;
// The chardet guesses we accept. GBK and GB2312 are subsets of GB18030, so text detected as either decodes as
// GB18030; ISO-8859-1 decodes as its superset windows-1252 (what browsers do, WHATWG Encoding §4.2).
const ACCEPTED: Record<string, Codec> = {
  ...CODECS,
  GBK: CODECS.GB18030,
  GB2312: CODECS.GB18030,
  'ISO-8859-1': CODECS['windows-1252'],
};
// Short Chinese texts often score slightly higher as EUC-KR or Big5 than as GB18030; this app's documents are
// mostly Simplified Chinese, so GB18030 wins when it is within this many points of the best guess.
const GB18030_PREFERENCE = 10;

/**
 * Decodes the bytes of a text file.
 *
 * Order: a byte order mark (UTF-8, UTF-16LE, UTF-16BE) decides; then UTF-16 without a BOM (NUL bytes on every other
 * position); then a binary test (NUL in the first 8000 bytes, as git does, or over 5% control bytes); then strict
 * UTF-8 (ASCII is reported as UTF-8); then `declared` (an HTML `<meta charset>`) when iconv-lite knows it; then
 * chardet's best guess among GB18030 (GBK/GB2312 decode as GB18030, their superset), Big5, UTF-16, Shift_JIS,
 * EUC-KR and windows-1252 (ISO-8859-1 decodes as windows-1252); windows-1252 when there is no guess.
 *
 * @param buf the whole file
 * @param fileName the file's base name, used in error messages
 * @param declared an encoding the file declares about itself (HTML meta charset), tried before guessing
 * @throws NotTextError "<fileName>: binary file, not text" for binary content
 */
export function decodeText(buf: Uint8Array, fileName: string, declared?: string): DecodedText {
  const bom = decodeBom(buf);
  if (bom) return bom;

  const utf16 = guessBomlessUtf16(buf);
  if (utf16) {
    const text = iconv.decode(buf, utf16.toLowerCase());
    // Arrays of small 16-bit numbers (audio, tables in binary formats) look like UTF-16 by their NULs alone.
    if (controlShare(text) > MAX_CONTROL_SHARE) throw new NotTextError(fileName);
    return { text, encoding: utf16 };
  }

  if (looksBinary(buf)) throw new NotTextError(fileName);

  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(buf), encoding: 'UTF-8' };
  } catch {
    // Not UTF-8: fall through to the declared encoding and the guess.
  }

  const fromDeclaration = declared ? declaredCodec(declared) : undefined;
  if (fromDeclaration)
    return { text: iconv.decode(buf, fromDeclaration.codec), encoding: fromDeclaration.label };

  const guess = guessEncoding(buf.subarray(0, SAMPLE_BYTES));
  return { text: iconv.decode(buf, guess.codec), encoding: guess.label };
}

/**
 * The encodings a user may pick when a guess was wrong (the import wizard's preview, `--encoding` of the CLI).
 * GBK is listed because that is what people call it; it decodes as GB18030, its superset.
 */
export const TEXT_ENCODINGS = [
  'UTF-8',
  'UTF-8 BOM',
  'UTF-16LE',
  'UTF-16BE',
  'GB18030',
  'GBK',
  'Big5',
] as const;
export type TextEncoding = (typeof TEXT_ENCODINGS)[number];

/** True when `name` is one of TEXT_ENCODINGS (exact spelling, case-insensitive: `gbk`, `utf-8 bom`). */
export function isTextEncoding(name: string): boolean {
  return TEXT_ENCODINGS.some((e) => e.toLowerCase() === name.trim().toLowerCase());
}

/**
 * Decodes bytes in an encoding the user chose, whatever a guess said. A byte order mark of that encoding is
 * dropped (for 'UTF-8' as for 'UTF-8 BOM': a BOM is never data); bytes that are not valid in the encoding become
 * U+FFFD rather than an error, so the preview shows where the choice is wrong.
 *
 * @param encoding one of TEXT_ENCODINGS, case-insensitive ('gbk' decodes as GB18030)
 * @returns the text and the encoding as reported to the user: 'UTF-8', 'UTF-8 BOM', 'UTF-16LE', 'UTF-16BE',
 *   'GB18030' or 'Big5'
 * @throws RangeError for a name outside TEXT_ENCODINGS (callers validate user input first)
 */
export function decodeAs(buf: Uint8Array, encoding: string): DecodedText {
  const name = TEXT_ENCODINGS.find((e) => e.toLowerCase() === encoding.trim().toLowerCase());
  const startsWith = (...b: number[]) => b.every((x, i) => buf[i] === x);
  switch (name) {
    case 'UTF-8':
    case 'UTF-8 BOM': {
      const bom = startsWith(0xef, 0xbb, 0xbf);
      return {
        text: new TextDecoder('utf-8').decode(bom ? buf.subarray(3) : buf),
        encoding: name === 'UTF-8 BOM' || bom ? 'UTF-8 BOM' : 'UTF-8',
      };
    }
    case 'UTF-16LE':
      return {
        text: iconv.decode(startsWith(0xff, 0xfe) ? buf.subarray(2) : buf, 'utf-16le'),
        encoding: name,
      };
    case 'UTF-16BE':
      return {
        text: iconv.decode(startsWith(0xfe, 0xff) ? buf.subarray(2) : buf, 'utf-16be'),
        encoding: name,
      };
    case 'GB18030':
    case 'GBK':
      return { text: iconv.decode(buf, 'gb18030'), encoding: 'GB18030' };
    case 'Big5':
      return { text: iconv.decode(buf, 'big5'), encoding: name };
    default:
      throw new RangeError(`Unknown encoding ${encoding}; expected one of ${TEXT_ENCODINGS.join(', ')}.`);
  }
}

function decodeBom(buf: Uint8Array): DecodedText | undefined {
  if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) {
    // Not fatal: a file that starts with a UTF-8 BOM has said what it is; stray bad bytes become U+FFFD.
    return { text: new TextDecoder('utf-8').decode(buf.subarray(3)), encoding: 'UTF-8' };
  }
  if (buf[0] === 0xff && buf[1] === 0xfe) {
    return { text: iconv.decode(buf.subarray(2), 'utf-16le'), encoding: 'UTF-16LE' };
  }
  if (buf[0] === 0xfe && buf[1] === 0xff) {
    return { text: iconv.decode(buf.subarray(2), 'utf-16be'), encoding: 'UTF-16BE' };
  }
  return undefined;
}

/** Latin-script UTF-16 without a BOM has a NUL in (nearly) every high byte and (nearly) none in the low bytes. */
function guessBomlessUtf16(buf: Uint8Array): 'UTF-16LE' | 'UTF-16BE' | undefined {
  const n = Math.min(buf.length, SAMPLE_BYTES) & ~1;
  if (n < 4) return undefined;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < n; i += 2) {
    if (buf[i] === 0) evenNul++;
    if (buf[i + 1] === 0) oddNul++;
  }
  const pairs = n / 2;
  if (oddNul > pairs * 0.3 && evenNul < pairs * 0.02) return 'UTF-16LE';
  if (evenNul > pairs * 0.3 && oddNul < pairs * 0.02) return 'UTF-16BE';
  return undefined;
}

function looksBinary(buf: Uint8Array): boolean {
  const n = Math.min(buf.length, SAMPLE_BYTES);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = buf[i] as number;
    if (b === 0 && i < NUL_WINDOW) return true;
    // \t \n \v \f \r and ESC (ISO-2022 escape sequences) are normal in text.
    if ((b < 0x20 && (b < 0x09 || b > 0x0d) && b !== 0x1b) || b === 0x7f) control++;
  }
  return n > 0 && control / n > MAX_CONTROL_SHARE;
}

/** A label a document declares (WHATWG names such as 'gb2312', 'x-sjis', 'latin1') → a codec iconv-lite has. */
function declaredCodec(declared: string): Codec | undefined {
  const name = declared.trim().toLowerCase();
  if (['gb2312', 'gbk', 'gb18030', 'x-gbk', 'chinese', 'csgb2312'].includes(name)) return CODECS.GB18030;
  if (['big5', 'big5-hkscs', 'x-x-big5', 'cn-big5'].includes(name)) return CODECS.Big5;
  if (['shift_jis', 'shift-jis', 'sjis', 'x-sjis', 'ms_kanji', 'windows-31j'].includes(name))
    return CODECS.Shift_JIS;
  if (['euc-kr', 'ks_c_5601-1987', 'windows-949'].includes(name)) return CODECS['EUC-KR'];
  if (['iso-8859-1', 'latin1', 'us-ascii', 'ascii', 'windows-1252', 'cp1252'].includes(name)) {
    return CODECS['windows-1252'];
  }
  return iconv.encodingExists(name) ? { codec: name, label: declared.trim() } : undefined;
}

/** Share of control characters other than \t \n \r \f \v in (a sample of) decoded text. */
function controlShare(text: string): number {
  const sample = text.slice(0, SAMPLE_BYTES / 2);
  // eslint-disable-next-line no-control-regex
  const controls = sample.match(/[\u0000-\u0008\u000e-\u001f\u007f]/g)?.length ?? 0;
  return sample.length > 0 ? controls / sample.length : 0;
}

function guessEncoding(sample: Uint8Array): Codec {
  const matches = chardet
    .analyse(sample)
    .filter((m) => m.name in ACCEPTED)
    .sort((a, b) => b.confidence - a.confidence);
  const best = matches[0];
  if (!best) return CODECS['windows-1252'];
  const gb = matches.find((m) => m.name === 'GB18030');
  if (
    gb &&
    (best.name === 'EUC-KR' || best.name === 'Big5') &&
    gb.confidence >= best.confidence - GB18030_PREFERENCE
  ) {
    return CODECS.GB18030;
  }
  return ACCEPTED[best.name] ?? CODECS['windows-1252'];
}
