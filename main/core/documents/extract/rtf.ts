import iconv from 'iconv-lite';
import { Tokenize } from 'rtf-stream-parser';
import type { FeatureHandler } from 'rtf-stream-parser/dist/src/features/types';
import type { ProcessTokensGlobalState } from 'rtf-stream-parser/dist/src/ProcessTokens.types';
import { ToPlainText } from 'rtf-stream-parser/dist/src/ToPlainText';
import { mergeAuthors } from './authors';
import { ExtractError } from './errors';
import { unitsToPages, type FormatOutput } from './format-output';

/**
 * Code pages RTF names (`\ansicpgN`, `\cpgN`, `\fcharsetN` → N) that iconv-lite knows by another name; the others
 * are `cpN` to it (cp936 GBK, cp950 Big5, cp932, cp949, cp1250–cp1258, …). The Mac code pages of old Word for Mac
 * files map to the nearest: Mac Japanese is Shift_JIS with a few extra symbols, Mac Chinese Traditional is Big5, Mac
 * Chinese Simplified is EUC-CN (GB2312), Mac Korean is EUC-KR.
 */
const CODEPAGE_ALIASES: Readonly<Record<number, string>> = {
  10000: 'macintosh',
  10001: 'shift_jis',
  10002: 'big5',
  10003: 'euc-kr',
  10008: 'gb2312',
  20936: 'gb2312',
  54936: 'gb18030',
};

/** The name `ExtractResult.encoding` gives a document's code page (as `encoding.ts` names text encodings). */
const CODEPAGE_NAMES: Readonly<Record<number, string>> = {
  936: 'GBK',
  950: 'Big5',
  932: 'Shift_JIS',
  949: 'EUC-KR',
  54936: 'GB18030',
  65001: 'UTF-8',
  10000: 'macintosh',
};

/** Destinations whose text is not document text: document properties, pictures, objects, headers and footers. */
const HIDDEN = [
  'info',
  'pict',
  'object',
  'objdata',
  'themedata',
  'datastore',
  'fldinst',
  'xmlnstbl',
] as const;
const RUNNING = [
  'header',
  'headerl',
  'headerr',
  'headerf',
  'footer',
  'footerl',
  'footerr',
  'footerf',
] as const;

/** iconv-lite as rtf-stream-parser's decoder: `enc` is "cpN"; an unknown code page is read as Windows-1252. */
function decode(buf: Buffer, enc: string): string {
  const cpg = Number(/^cp(\d+)$/.exec(enc)?.[1]);
  const name = CODEPAGE_ALIASES[cpg] ?? enc;
  return iconv.decode(buf, iconv.encodingExists(name) ? name : 'cp1252');
}

/** 'GBK', 'windows-1251', 'cp866', …; a code page iconv-lite does not know was read as Windows-1252 (`decode`). */
function codepageName(cpg: number): string {
  const known = CODEPAGE_NAMES[cpg] ?? CODEPAGE_ALIASES[cpg];
  if (known) return known;
  if (!iconv.encodingExists(`cp${cpg}`)) return 'windows-1252';
  return cpg >= 1250 && cpg <= 1258 ? `windows-${cpg}` : `cp${cpg}`;
}

/** Document properties read from `{\info …}` while the text is extracted. */
interface InfoFields {
  title: string;
  author: string;
}

/**
 * rtf-stream-parser's plain-text converter with three changes: `\par` ends a paragraph with a blank line (so that
 * two Chinese paragraphs are not joined by the CJK line-join rule of `normalizeText`; `\line` stays one line break);
 * `{\info}` is kept out of the text, its `\title` and `\author` going to `info`; pictures, embedded objects, field
 * instructions, headers and footers are kept out of the text (mammoth leaves DOCX headers and footers out too).
 */
class RtfToText extends ToPlainText {
  readonly info: InfoFields = { title: '', author: '' };

  constructor(warn: (message: string) => void) {
    super({ decode, warn });
    const info = this.info;
    const feature: FeatureHandler<ProcessTokensGlobalState> = {
      controlHandlers: {
        par: (global) => {
          global._pushOutput('\n\n');
          return true;
        },
        line: (global) => {
          global._pushOutput('\n');
          return true;
        },
      },
      // `global` is this converter; `this` has the font methods the feature state type leaves out.
      outputDataFilter: (_global, data) => {
        const dests = this._state.allDestinations ?? {};
        if (dests['info']) {
          const field = dests['title'] ? 'title' : dests['author'] ? 'author' : undefined;
          if (field) info[field] += this._getOutputAsString(data, this._getCurrentFont())[0];
          return true;
        }
        return HIDDEN.some((d) => dests[d]) || RUNNING.some((d) => dests[d]) ? true : undefined;
      },
    };
    // Before the library's own text escapes, whose `\par` handler would also write a line break.
    const escapes = this._featureHandlers.findIndex((f) => f.controlHandlers?.['tab']);
    this._featureHandlers.splice(escapes === -1 ? 0 : escapes, 0, feature);
  }
}

const EMPTY_GROUP = Buffer.from('{}', 'latin1');
/** Groups of binary data as hex (pictures, OLE objects, Word's data store and theme): never text. */
const BULK_GROUP = /\{\\(?:\*\\)?(?:pict|objdata|datastore|themedata)(?![a-z])/g;

/**
 * `buf` without its picture, object-data, data-store and theme groups (BULK_GROUP), which hold only hex (or `\binN`
 * raw bytes) and are not text (RtfToText leaves them out anyway). rtf-stream-parser tokenizes hex a character at a
 * time: a 98 MB RTF that is one screenshot took 72 s to give its 27 characters of text; dropped here it takes well
 * under a second. A group is followed to its closing brace (escaped `\{ \} \\` and the N bytes of `\binN` skipped);
 * one left open at the end (a truncated file) is dropped to the end, so the tokenizer still reports the missing
 * brackets. Each group becomes `{}`. Returns `buf` itself when there is no such group. O(bytes).
 */
function dropBulkGroups(buf: Buffer): Buffer {
  const text = buf.toString('latin1');
  const kept: Buffer[] = [];
  let from = 0;
  BULK_GROUP.lastIndex = 0;
  for (let m = BULK_GROUP.exec(text); m; m = BULK_GROUP.exec(text)) {
    // `\{\pict` is a brace as text, then a control word: no group.
    let slashes = 0;
    while (text.charCodeAt(m.index - 1 - slashes) === 0x5c) slashes++;
    if (slashes % 2 === 1) continue;
    // An empty group in its place: `\par{\pict …}after` must not become the control word `\parafter`.
    kept.push(buf.subarray(from, m.index), EMPTY_GROUP);
    let depth = 0;
    let i = m.index;
    for (; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 0x7b) depth++;
      else if (c === 0x7d) {
        if (--depth === 0) break;
      } else if (c === 0x5c) {
        const next = text.charCodeAt(i + 1);
        if (next === 0x7b || next === 0x7d || next === 0x5c) i++;
        else if (text.startsWith('bin', i + 1)) {
          const bin = /^bin(-?\d+) ?/.exec(text.slice(i + 1, i + 16));
          if (bin) i += bin[0].length + Math.max(0, Number(bin[1]));
        }
      }
    }
    from = i + 1;
    BULK_GROUP.lastIndex = from;
  }
  if (kept.length === 0) return buf;
  kept.push(buf.subarray(Math.min(from, buf.length)));
  return Buffer.concat(kept);
}

/**
 * RTF (Rich Text Format 1.x, as Word, WordPad and LibreOffice write it): tokenized and converted to plain text by
 * rtf-stream-parser, bytes decoded by iconv-lite in the document's code page (`\ansicpgN`, e.g. 936 GBK for Chinese
 * Word documents) or a font's (`\fcharsetN`, `\cpgN`), `\'xx` hex escapes (two in a row for a GBK character) and
 * `\uN` Unicode escapes (their fallback characters skipped per `\ucN`). Paragraphs (`\par`) are separated by blank
 * lines; the text is one unit split into pages of about 3000 characters (`paginate`). `{\info}` gives `title` and
 * `authors`; it, pictures, objects, field instructions, headers and footers are not text.
 *
 * @param buf the whole file
 * @param fileName base name, for reasons
 * @returns pages, `encoding` (the `\ansicpg` code page: 'GBK', 'windows-1252', …), `title`, `authors`
 * @throws ExtractError 'failed' "<file>: not an RTF file (it does not start with {\rtf)" when it does not; 'failed'
 *   "<file>: not a valid RTF file (…)" when the tokenizer rejects it; 'failed' "<file>: damaged or truncated RTF (groups not closed)" when its groups are not
 *   closed (a truncated file)
 */
export async function extractRtf(buf: Uint8Array, fileName: string): Promise<FormatOutput> {
  // RTF 1.9.1: a file starts with the group "{\rtf1". Anything else (a text file saved as .rtf) is said so, rather
  // than with the tokenizer's message.
  if (Buffer.from(buf.buffer, buf.byteOffset, Math.min(5, buf.byteLength)).toString('latin1') !== '{\\rtf') {
    throw new ExtractError('failed', `${fileName}: not an RTF file (it does not start with {\\rtf)`);
  }
  const warnings: string[] = [];
  const converter = new RtfToText((message) => warnings.push(message));
  const chunks: string[] = [];
  try {
    await new Promise<void>((resolve, reject) => {
      const tokenize = new Tokenize();
      tokenize.on('error', reject);
      converter.on('error', reject);
      converter.on('data', (chunk: string | Buffer) => chunks.push(String(chunk)));
      converter.on('end', resolve);
      tokenize.pipe(converter);
      tokenize.end(dropBulkGroups(Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength)));
    });
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    throw new ExtractError('failed', `${fileName}: not a valid RTF file (${message})`);
  }
  if (warnings.includes('Not enough matching closing brackets')) {
    throw new ExtractError('failed', `${fileName}: damaged or truncated RTF (groups not closed)`);
  }
  const pages = unitsToPages([{ text: chunks.join('') }]);
  const cpg = converter.defaultCodepage;
  const out: FormatOutput = {
    pages,
    pageCount: pages.length,
    encoding: codepageName(cpg),
  };
  const title = converter.info.title.trim();
  if (title) out.title = title;
  const authors = mergeAuthors([converter.info.author]);
  if (authors.length > 0) out.authors = authors;
  return out;
}
