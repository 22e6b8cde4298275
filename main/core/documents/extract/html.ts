import { parse, NodeType, type HTMLElement, type Node, type TextNode } from 'node-html-parser';
import { decodeText } from './encoding';
import { unitsToPages, type FormatOutput, type RawUnit } from './format-output';
import { collapseWhitespace } from './normalize';

// Elements whose content is never shown as text.
const SKIP = new Set([
  'head',
  'script',
  'style',
  'noscript',
  'template',
  'svg',
  'math',
  'iframe',
  'object',
  'canvas',
  'select',
  'button',
]);
// Elements that start and end a block: their text is separated from what surrounds it by a paragraph break (a blank
// line), so that two Chinese paragraphs are not joined by the CJK line-join rule of normalizeText.
const BLOCK = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'body',
  'caption',
  'dd',
  'details',
  'dialog',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'header',
  'hr',
  'html',
  'legend',
  'li',
  'main',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'summary',
  'table',
  'tbody',
  'tfoot',
  'thead',
  'tr',
  'ul',
]);
const HEADING = /^h[1-6]$/;

/**
 * HTML and XHTML: decoded (a BOM, valid UTF-8, else the document's `<meta charset>` or XML declaration, else a
 * guess — see `decodeText`), parsed with node-html-parser, reduced to the text a browser shows (scripts, styles,
 * `<head>` and form controls left out; whitespace collapsed except in `<pre>`; table cells separated by tabs) and split
 * into sections at `<h1>`–`<h6>`, each labelled with its heading. Text before the first heading is labelled with the
 * `<title>`. Long sections become several pages with the same label.
 *
 * @throws ExtractError 'unsupported' for binary content
 */
export function extractHtml(buf: Uint8Array, fileName: string): FormatOutput {
  const { text, encoding } = decodeText(buf, fileName, declaredCharset(buf));
  const pages = unitsToPages(htmlToUnits(text));
  return { pages, pageCount: pages.length, encoding };
}

/**
 * HTML source → sections of visible text, split at `<h1>`–`<h6>` and labelled with the heading (the `<title>` for
 * text before the first heading). Also used for the HTML mammoth makes from DOCX.
 */
export function htmlToUnits(source: string): RawUnit[] {
  // node-html-parser keeps the doctype and an XML declaration as text.
  const body = source.replace(/^\s*(?:<\?xml[^>]*>\s*)?(?:<!doctype[^>]*>)?/i, '');
  const root = parse(body, {
    comment: false,
    lowerCaseTagName: true,
    blockTextElements: { script: false, style: false, noscript: false, pre: true },
  });
  const title = root.querySelector('title')?.text.trim();
  const sections: RawUnit[] = [{ text: '', label: title || undefined }];
  walk(root, sections, false);
  return sections;
}

function walk(node: Node, sections: RawUnit[], pre: boolean): void {
  const current = (): RawUnit => sections[sections.length - 1] as RawUnit;
  if (node.nodeType === NodeType.TEXT_NODE) {
    const text = (node as TextNode).text;
    current().text += pre ? text : collapseWhitespace(text);
    return;
  }
  if (node.nodeType !== NodeType.ELEMENT_NODE) return;
  const el = node as HTMLElement;
  const tag = el.tagName?.toLowerCase() ?? '';
  if (SKIP.has(tag)) return;
  // mammoth's "↑" links from a footnote back to its reference.
  if (tag === 'a' && /^#(?:footnote|endnote)-ref-/.test(el.getAttribute('href') ?? '')) return;
  if (HEADING.test(tag)) {
    const heading = collapseWhitespace(el.text).trim();
    sections.push({ text: `${heading}\n\n`, label: heading });
    return;
  }
  if (tag === 'br') {
    current().text += '\n';
    return;
  }
  const block = BLOCK.has(tag);
  if (block) current().text += '\n\n';
  for (const child of el.childNodes) walk(child, sections, pre || tag === 'pre');
  if (tag === 'td' || tag === 'th') current().text += '\t';
  if (block) current().text += '\n\n';
}

/** The charset an HTML or XHTML file declares in its first 1024 bytes (`<meta charset>`, `http-equiv`, `<?xml`). */
function declaredCharset(buf: Uint8Array): string | undefined {
  const head = Buffer.from(buf.subarray(0, 1024)).toString('latin1');
  const match =
    /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head) ??
    /<\?xml[^>]+encoding\s*=\s*["']([\w.:-]+)/i.exec(head);
  return match?.[1];
}
