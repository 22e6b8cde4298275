import path from 'node:path';
import { imageKind } from './image';

/** The readers `extractFile` dispatches to. 'ooxml-encrypted' is a password-protected DOCX/XLSX/PPTX (an OLE2 file). */
export type DocumentFormat =
  | 'pdf'
  | 'docx'
  | 'odt'
  | 'ods'
  | 'odp'
  | 'pptx'
  | 'xlsx'
  | 'ooxml-encrypted'
  | 'html'
  | 'markdown'
  | 'text'
  | 'csv'
  | 'tsv'
  | 'epub'
  | 'rtf'
  | 'png'
  | 'jpeg'
  | 'tiff';

/** What `detectFormat` decided: a format and its MIME type, or why the file is not supported. */
export type Detected =
  { format: DocumentFormat; mime: string } | { format: 'unsupported'; mime: string; reason: string };

const MIME: Record<DocumentFormat, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  'ooxml-encrypted': 'application/x-ms-encrypted-ooxml',
  odt: 'application/vnd.oasis.opendocument.text',
  ods: 'application/vnd.oasis.opendocument.spreadsheet',
  odp: 'application/vnd.oasis.opendocument.presentation',
  html: 'text/html',
  markdown: 'text/markdown',
  text: 'text/plain',
  csv: 'text/csv',
  tsv: 'text/tab-separated-values',
  epub: 'application/epub+zip',
  rtf: 'application/rtf',
  png: 'image/png',
  jpeg: 'image/jpeg',
  tiff: 'image/tiff',
};

const BY_EXTENSION: Record<string, DocumentFormat> = {
  pdf: 'pdf',
  docx: 'docx',
  xlsx: 'xlsx',
  pptx: 'pptx',
  odt: 'odt',
  ods: 'ods',
  odp: 'odp',
  html: 'html',
  htm: 'html',
  xhtml: 'html',
  md: 'markdown',
  markdown: 'markdown',
  mdown: 'markdown',
  mkd: 'markdown',
  txt: 'text',
  text: 'text',
  log: 'text',
  csv: 'csv',
  tsv: 'tsv',
  tab: 'tsv',
  epub: 'epub',
  rtf: 'rtf',
  // Images are read by OCR (extract/ocr.ts).
  png: 'png',
  jpg: 'jpeg',
  jpeg: 'jpeg',
  tif: 'tiff',
  tiff: 'tiff',
};

/** Extensions (lower case, no dot) that a reader exists for; the folder scan lists other files as unsupported. */
export const READABLE_EXTENSIONS: ReadonlySet<string> = new Set(Object.keys(BY_EXTENSION));

const ODF_MIMETYPES: Record<string, DocumentFormat> = {
  'application/vnd.oasis.opendocument.text': 'odt',
  'application/vnd.oasis.opendocument.spreadsheet': 'ods',
  'application/vnd.oasis.opendocument.presentation': 'odp',
};
// Part names every package of the type has; they are stored uncompressed in the ZIP's local and central headers.
const OOXML_PARTS: [string, DocumentFormat][] = [
  ['word/document.xml', 'docx'],
  ['xl/workbook.xml', 'xlsx'],
  ['ppt/presentation.xml', 'pptx'],
];
const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const LEGACY_OFFICE = new Set(['doc', 'xls', 'ppt', 'dot', 'xlt', 'pot', 'msg']);
// Word, Excel and PowerPoint 97–2003 binary files (and their templates) and the format to save them as.
const LEGACY_APPS: Record<string, readonly [app: string, modern: string]> = {
  doc: ['Word', 'docx'],
  dot: ['Word', 'docx'],
  xls: ['Excel', 'xlsx'],
  xlt: ['Excel', 'xlsx'],
  ppt: ['PowerPoint', 'pptx'],
  pot: ['PowerPoint', 'pptx'],
  pps: ['PowerPoint', 'pptx'],
};

/**
 * Why a Word/Excel/PowerPoint 97–2003 file (.doc .dot .xls .xlt .ppt .pot .pps) is not read, without the file name:
 * "Word 97–2003 (.doc) is not supported: save it as .docx"; null for any other extension. The library translates
 * it (main/core/documents/reasons.ts, `library:reasons.legacyOfficeFormat`).
 *
 * @param ext extension, lower case, no dot
 */
export function legacyOfficeReason(ext: string): string | null {
  const legacy = LEGACY_APPS[ext];
  return legacy ? `${legacy[0]} 97–2003 (.${ext}) is not supported: save it as .${legacy[1]}` : null;
}

const OLE2_STREAMS: ReadonlyArray<readonly [name: string, holds: 'doc' | 'xls' | 'ppt' | 'encrypted']> = [
  ['EncryptedPackage', 'encrypted'],
  ['WordDocument', 'doc'],
  ['PowerPoint Document', 'ppt'],
  ['Workbook', 'xls'],
  ['Book', 'xls'],
];

/**
 * What an OLE2 compound file holds, from the names of its streams ([MS-CFB] §2.6: directory entries of 128 bytes,
 * aligned to 128 from the file's start, a UTF-16LE name then its length in bytes with the terminator at offset 64):
 * an encrypted OOXML package ([MS-OFFCRYPTO] §2.3.4.4, `EncryptedPackage`), Word 97–2003 (`WordDocument`, [MS-DOC]),
 * PowerPoint 97–2003 (`PowerPoint Document`, [MS-PPT]) or Excel 97–2003 / 5.0 (`Workbook`, `Book`, [MS-XLS]); null
 * when none of them is found (Outlook .msg, a damaged file). Scans the whole buffer: O(bytes).
 */
function ole2Content(bytes: Buffer): 'doc' | 'xls' | 'ppt' | 'encrypted' | null {
  for (const [name, holds] of OLE2_STREAMS) {
    const needle = Buffer.from(`${name}\0`, 'utf16le');
    for (let at = bytes.indexOf(needle); at !== -1; at = bytes.indexOf(needle, at + 2)) {
      if (at % 128 === 0 && at + 66 <= bytes.length && bytes.readUInt16LE(at + 64) === needle.length)
        return holds;
    }
  }
  return null;
}

/**
 * Decides a file's format from its content first and its extension second: a PDF header anywhere in the first 1024
 * bytes (where pdfjs looks) means PDF whatever the name; a ZIP is told apart by ODF's `mimetype` entry or the OOXML
 * part names, an EPUB by its `mimetype` entry `application/epub+zip`; an OLE2 file named .docx/.xlsx/.pptx is an
 * encrypted OOXML package unless its streams are a Word/Excel/PowerPoint 97–2003 file's, named .doc/.xls/.ppt a
 * legacy Office file, and named anything else (.rtf, .epub) the legacy Office file its streams say it is (all
 * unsupported, `legacyOfficeReason`); a file
 * starting with `{\rtf` is RTF whatever its name. Everything else goes by extension (case-insensitive); a text
 * format's reader later rejects binary content.
 *
 * @param buf the file's bytes (at least its start; the whole file lets ZIP part names be found in any order)
 * @param fileName name or path, for the extension
 */
export function detectFormat(buf: Uint8Array, fileName: string): Detected {
  const ext = path.extname(fileName).slice(1).toLowerCase();
  const bytes = Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength);
  const byExt = BY_EXTENSION[ext];
  const found = (format: DocumentFormat): Detected => ({ format, mime: MIME[format] });

  const pdfAt = bytes.subarray(0, 1024).indexOf('%PDF-');
  if (pdfAt !== -1 || byExt === 'pdf') return found('pdf');

  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) {
    if (bytes.subarray(30, 38).toString('latin1') === 'mimetype') {
      const declared = bytes.subarray(38, 38 + 80).toString('latin1');
      if (declared.startsWith(MIME.epub)) return found('epub');
      for (const [mimetype, format] of Object.entries(ODF_MIMETYPES)) {
        if (declared.startsWith(mimetype)) return found(format);
      }
    }
    // An .epub without EPUB's mimetype that holds Word/Excel/PowerPoint parts is that document, renamed.
    const ooxml = () => OOXML_PARTS.find(([part]) => bytes.includes(part, 0, 'latin1'))?.[1];
    const renamed = byExt === 'epub' ? ooxml() : undefined;
    if (renamed) return found(renamed);
    if (byExt && ['docx', 'xlsx', 'pptx', 'odt', 'ods', 'odp', 'epub'].includes(byExt)) return found(byExt);
    const inside = ooxml();
    if (inside) return found(inside);
    return {
      format: 'unsupported',
      mime: 'application/zip',
      reason: 'ZIP archive, not a supported document',
    };
  }

  if (OLE2.every((b, i) => bytes[i] === b)) {
    const inside = ole2Content(bytes);
    if (
      (byExt === 'docx' || byExt === 'xlsx' || byExt === 'pptx') &&
      inside !== 'doc' &&
      inside !== 'xls' &&
      inside !== 'ppt'
    )
      return found('ooxml-encrypted');
    // By the name when it is a legacy Office one (the folder scan names those without reading them); else by what
    // the file holds: a Word document saved as .rtf or .docx is "Word 97–2003 (.doc)", not "OLE2 compound file".
    const legacy =
      legacyOfficeReason(ext) ?? (inside && inside !== 'encrypted' ? legacyOfficeReason(inside) : null);
    if (legacy) return { format: 'unsupported', mime: 'application/x-ole-storage', reason: legacy };
    const what = LEGACY_OFFICE.has(ext) ? `legacy Office format (.${ext})` : 'OLE2 compound file';
    return { format: 'unsupported', mime: 'application/x-ole-storage', reason: `${what} is not supported` };
  }

  // PNG, JPEG, TIFF by their signatures (image.ts), whatever the name.
  const image = imageKind(bytes);
  if (image) return found(image);

  // RTF 1.9.1 §"RTF Syntax": a file starts with the group "{\rtf1"; Word writes no BOM or whitespace before it.
  if (bytes.subarray(0, 5).toString('latin1') === '{\\rtf') return found('rtf');

  if (byExt) return found(byExt);
  return {
    format: 'unsupported',
    mime: 'application/octet-stream',
    reason: ext ? `unsupported file type (.${ext})` : 'unsupported file type (no extension)',
  };
}

/** The MIME type a file's extension suggests, for results produced before its content is read. */
export function mimeFromName(fileName: string): string {
  const format = BY_EXTENSION[path.extname(fileName).slice(1).toLowerCase()];
  return format ? MIME[format] : 'application/octet-stream';
}
