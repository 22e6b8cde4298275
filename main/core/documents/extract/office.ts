import type { OfficeContentNode, OfficeParserAST } from 'officeparser';
import { decodeEntities } from './entities';
import { ExtractError } from './errors';
import { unitsToPages, type FormatOutput, type RawUnit } from './format-output';
import { ROWS_PER_PAGE } from './paginate';

/** Formats read through officeparser. DOCX comes here only when encrypted (plain DOCX goes through mammoth). */
export type OfficeKind = 'odt' | 'ods' | 'odp' | 'pptx' | 'xlsx' | 'docx';

/**
 * ODT, ODS, ODP, PPTX, XLSX (and password-protected DOCX/XLSX/PPTX, which officeparser decrypts): parsed with
 * officeparser with OCR, attachments and raw XML off, so it never loads tesseract.js or touches the network.
 *
 * Units: a slide per page (label: its title, else "slide N"); for a sheet, each block of 200 rows is a page (label:
 * the sheet name); a text document is split into sections at headings (label: the heading), long sections into
 * several pages. Speaker notes and footnotes are included; comments, headers, footers and slide masters are not.
 *
 * @param password for an encrypted OOXML or ODF file
 * @throws ExtractError 'needs-password' (password missing or wrong), 'failed' (damaged, not the format it claims)
 */
export async function extractOffice(
  buf: Uint8Array,
  fileName: string,
  kind: OfficeKind,
  password?: string,
): Promise<FormatOutput> {
  let ast: OfficeParserAST;
  try {
    // Loaded on first use: officeparser takes a few hundred ms to import, which a PDF-only run need not pay.
    const { OfficeParser } = await import('officeparser');
    ast = await OfficeParser.parseOffice(Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength), {
      fileType: kind,
      password: password ?? '',
      ocr: false,
      extractAttachments: false,
      includeRawContent: false,
      ignoreComments: true,
      ignoreHeadersAndFooters: true,
      ignoreSlideMasters: true,
      ignorePageGeometry: true,
      onWarning: () => undefined,
    });
  } catch (e) {
    throw officeError(e, fileName, kind, password);
  }
  const units =
    kind === 'pptx' || kind === 'odp' ? await slideUnits(ast) : await sheetOrSectionUnits(ast, kind);
  const pages = unitsToPages(units);
  return { pages, pageCount: pages.length };
}

/**
 * Renders nodes as plain text: cells separated by tabs, no layout padding, footnotes after the node holding them.
 * Blocks are separated by a blank line (`newlineDelimiter` '\n\n'): officeparser's single line break would look like a
 * CJK line wrap to normalizeText, which would join a Chinese heading to its first paragraph. Sheets use '\n' (one row
 * per line).
 */
async function render(ast: OfficeParserAST, content: OfficeContentNode[], newline = '\n\n'): Promise<string> {
  // `to` is bound to `this`, so a copy of the AST with other content renders just those nodes.
  const { value } = await { ...ast, content }.to('text', {
    textConfig: { preserveLayout: false, newlineDelimiter: newline },
  });
  return typeof value === 'string' ? value : '';
}

async function slideUnits(ast: OfficeParserAST): Promise<RawUnit[]> {
  const units: RawUnit[] = [];
  for (const [i, slide] of ast.content.entries()) {
    const title = slide.children?.find((c) => c.type === 'heading')?.text?.trim();
    const blocks = [...(slide.children ?? []), ...(slide.notes ?? [])];
    units.push({ text: await render(ast, blocks), label: title || `slide ${i + 1}` });
  }
  return units;
}

async function sheetOrSectionUnits(ast: OfficeParserAST, kind: OfficeKind): Promise<RawUnit[]> {
  const units: RawUnit[] = [];
  let section: OfficeContentNode[] = [];
  let heading: string | undefined;
  const flush = async (): Promise<void> => {
    if (section.length > 0) units.push({ text: await render(ast, section), label: heading });
    section = [];
  };
  for (const node of ast.content) {
    if (node.type === 'sheet') {
      await flush();
      const name = sheetName(node);
      const rows = node.children ?? [];
      for (let start = 0; start < rows.length; start += ROWS_PER_PAGE) {
        const block = { ...node, children: rows.slice(start, start + ROWS_PER_PAGE) };
        let text = await render(ast, [block], '\n');
        // officeparser 8.1 leaves XML escapes in XLSX formula results (`t="str"` cells, such as
        // HYPERLINK(…,"&lt;More Info&gt;")) while it decodes shared strings. Decoding the sheet text again fixes those
        // cells; the price is that a shared string literally containing "&lt;" shows as "<".
        if (kind === 'xlsx') text = decodeEntities(text);
        units.push({ text, label: name, whole: true });
      }
      continue;
    }
    if (node.type === 'heading') {
      await flush();
      heading = node.text?.trim() || undefined;
    }
    section.push(node);
  }
  await flush();
  return units;
}

function sheetName(node: OfficeContentNode): string | undefined {
  const meta = node.metadata as { sheetName?: unknown } | undefined;
  return typeof meta?.sheetName === 'string' ? meta.sheetName : undefined;
}

function officeError(e: unknown, fileName: string, kind: OfficeKind, password?: string): ExtractError {
  const code = (e as { officeIssue?: { code?: string } }).officeIssue?.code;
  const message = e instanceof Error ? e.message : String(e);
  if (code === 'PASSWORD_REQUIRED' || code === 'PASSWORD_INCORRECT') {
    const wrong = code === 'PASSWORD_INCORRECT' || Boolean(password);
    return new ExtractError(
      'needs-password',
      `${fileName}: ${wrong ? 'wrong password' : 'password required'}`,
    );
  }
  if (code === 'DOCUMENT_DECRYPTION_FAILED') {
    return new ExtractError('needs-password', `${fileName}: cannot decrypt (${message})`);
  }
  return new ExtractError('failed', `${fileName}: not a valid ${kind.toUpperCase()} file (${message})`);
}
