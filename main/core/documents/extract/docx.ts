import { ExtractError } from './errors';
import { unitsToPages, type FormatOutput } from './format-output';
import { htmlToUnits } from './html';

/**
 * DOCX (Word 2007+, also strict OOXML): converted by mammoth to HTML (images left out) and reduced to text like HTML
 * (see `htmlToUnits`): sections at Word headings (Heading 1–6 styles) labelled with the heading, table cells
 * separated by tabs, text boxes, footnotes and endnotes included (the notes at the end), comments left out.
 * Long sections become several pages with the same label.
 *
 * @throws ExtractError 'failed' "<fileName>: not a valid DOCX (…)" when the file is not a Word package
 */
export async function extractDocx(buf: Uint8Array, fileName: string): Promise<FormatOutput> {
  let html: string;
  try {
    // Loaded on first use, like officeparser: importing mammoth takes a few hundred ms.
    const { default: mammoth } = await import('mammoth');
    const result = await mammoth.convertToHtml(
      { buffer: Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength) },
      // No data: URIs: encoding every image as base64 only to throw it away costs time and memory.
      { convertImage: mammoth.images.imgElement(() => Promise.resolve({ src: '' })) },
    );
    html = result.value;
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    throw new ExtractError('failed', `${fileName}: not a valid DOCX (${message})`);
  }
  const pages = unitsToPages(htmlToUnits(html));
  return { pages, pageCount: pages.length };
}
