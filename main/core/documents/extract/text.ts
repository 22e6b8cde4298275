import { frontMatterAuthors } from './authors';
import { decodeText } from './encoding';
import { decodeEntities } from './entities';
import { unitsToPages, type FormatOutput, type RawUnit } from './format-output';

/**
 * Plain text (.txt and the like): decoded (see `decodeText`), normalised and split into pages of about 3000
 * characters at paragraph boundaries. Pages have no label.
 *
 * @throws ExtractError 'unsupported' for binary content
 */
export function extractPlainText(buf: Uint8Array, fileName: string): FormatOutput {
  const { text, encoding } = decodeText(buf, fileName);
  const pages = unitsToPages([{ text }]);
  return { pages, pageCount: pages.length, encoding };
}

/**
 * Markdown: decoded, split into sections at ATX (`## Title`) and setext (`Title` over `===`/`---`) headings outside
 * fenced code, each section reduced to plain text (see `markdownToText`) and labelled with its heading. Text before
 * the first heading is a section without a label; front matter alone before the first heading is part of that
 * heading's section instead (metadata, not a page of its own). A section longer than a page is split into
 * several pages with the same label. The front matter's `author:` / `authors:` become `authors` (frontMatterAuthors).
 *
 * @throws ExtractError 'unsupported' for binary content
 */
export function extractMarkdown(buf: Uint8Array, fileName: string): FormatOutput {
  const { text, encoding } = decodeText(buf, fileName);
  const units: RawUnit[] = splitMarkdownSections(text).map((s) => ({
    text: markdownToText(s.lines.join('\n')),
    label: s.heading === undefined ? undefined : markdownToText(s.heading),
  }));
  const pages = unitsToPages(units);
  const authors = frontMatterAuthors(text);
  return authors.length > 0
    ? { pages, pageCount: pages.length, encoding, authors }
    : { pages, pageCount: pages.length, encoding };
}

interface Section {
  heading?: string;
  lines: string[];
}

const ATX_HEADING = /^ {0,3}#{1,6}(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/;
const SETEXT_UNDERLINE = /^ {0,3}(=+|-+)[ \t]*$/;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;

/** Splits Markdown source at headings (CommonMark ATX and setext), ignoring lines inside fenced code blocks. */
function splitMarkdownSections(source: string): Section[] {
  const lines = source.split(/\r\n?|\n/);
  const sections: Section[] = [{ lines: [] }];
  // YAML front matter (Jekyll, Obsidian, Foam): kept as text of the first section, never read as headings.
  let start = 0;
  if (/^---\s*$/.test(lines[0] ?? '')) {
    const end = lines.findIndex((l, i) => i > 0 && /^(---|\.\.\.)\s*$/.test(l));
    if (end > 0) {
      (sections[0] as Section).lines.push(...lines.slice(0, end + 1));
      start = end + 1;
    }
  }
  let fence: string | undefined;
  // Whether the previous line was paragraph text, the only thing a setext underline can turn into a heading.
  let paragraphOpen = false;
  for (const line of lines.slice(start)) {
    const current = sections[sections.length - 1] as Section;
    const fenceMatch = FENCE.exec(line);
    if (fence !== undefined) {
      if (closesFence(fenceMatch, fence)) fence = undefined;
      current.lines.push(line);
      continue;
    }
    if (fenceMatch) {
      fence = fenceMatch[1];
      current.lines.push(line);
      paragraphOpen = false;
      continue;
    }
    const atx = ATX_HEADING.exec(line);
    if (atx) {
      sections.push({ heading: atx[1] ?? '', lines: [line] });
      paragraphOpen = false;
      continue;
    }
    // A setext underline turns the paragraph line above it into a heading; "---" after anything else is a rule.
    const previous = current.lines[current.lines.length - 1];
    if (SETEXT_UNDERLINE.test(line) && paragraphOpen && previous !== undefined) {
      current.lines.pop();
      sections.push({ heading: previous, lines: [previous] });
      paragraphOpen = false;
      continue;
    }
    current.lines.push(line);
    paragraphOpen = line.trim() !== '' && !/^\s*([-*+>|]|\d+[.)]\s)/.test(line);
  }
  // Front matter alone before the first heading joins that heading's section: it is the file's metadata, not a
  // page of its own, so a file pages the same with or without it (links to its pages keep their numbers).
  const first = sections[0] as Section;
  if (start > 0 && sections.length > 1 && first.lines.slice(start).every((l) => l.trim() === '')) {
    (sections[1] as Section).lines.unshift(...first.lines);
    sections.shift();
  }
  return sections.filter((s) => s.heading !== undefined || s.lines.some((l) => l.trim() !== ''));
}

/**
 * Reduces Markdown (with embedded HTML, as pandoc writes it) to the text a reader sees: tags and comments removed,
 * links and images replaced by their text, wiki links `[[target|alias]]` by the alias (else the target), emphasis,
 * code spans and heading/quote markers stripped, table pipes turned into tabs, fence, rule and table-separator lines
 * dropped, entities and backslash escapes decoded. Fenced code is kept verbatim. List markers stay. Not a full
 * CommonMark renderer: the output is for search.
 *
 * @param md Markdown source
 * @returns plain text, not yet normalised
 */
export function markdownToText(md: string): string {
  const out: string[] = [];
  let prose: string[] = [];
  let fence: string | undefined;
  const flush = (): void => {
    if (prose.length > 0) out.push(proseToText(prose.join('\n')));
    prose = [];
  };
  for (const line of md.split(/\r\n?|\n/)) {
    const fenceMatch = FENCE.exec(line);
    if (fence !== undefined) {
      if (closesFence(fenceMatch, fence)) fence = undefined;
      else out.push(line);
      continue;
    }
    if (fenceMatch) {
      flush();
      fence = fenceMatch[1];
      continue;
    }
    prose.push(line);
  }
  flush();
  return out.join('\n');
}

// Inline spans may wrap onto the next line but never cross a blank line.
const STRONG = /(\*\*|__|~~)(?=\S)((?:[^\n]|\n(?![ \t]*\n))*?\S)\1/g;
const CODE_SPAN = /(`+)((?:[^\n]|\n(?![ \t]*\n))+?)\1(?!`)/g;

function proseToText(md: string): string {
  const text = md
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<\/?[A-Za-z][^<>]*>/g, '')
    .replace(CODE_SPAN, (_m, _ticks: string, code: string) => code.trim())
    .replace(/\[\[([^\]|\n]+)\|([^\]\n]+)\]\]/g, '$2')
    .replace(/\[\[([^\]\n]+)\]\]/g, '$1')
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]+)\]\[[^\]]*\]/g, '$1')
    .replace(STRONG, '$2')
    .replace(/(^|[^\w*])\*(?=\S)([^*\n]*?\S)\*(?!\w)/g, '$1$2')
    .replace(/(^|[^\w])_(?=\S)([^_\n]*?\S)_(?!\w)/g, '$1$2');
  const lines: string[] = [];
  for (const line of text.split('\n')) {
    if (/^ {0,3}(?:[-*_][ \t]*){3,}$/.test(line) || SETEXT_UNDERLINE.test(line)) continue; // rules, underlines
    if (/^\s*\|?[\s:|]*-{3,}[\s:|-]*$/.test(line)) continue; // table separator rows
    if (/^\s*\[[^\]]+\]:\s*\S+/.test(line)) continue; // link reference definitions
    let l = line.replace(/^ {0,3}#{1,6}(?:[ \t]+|$)/, '').replace(/[ \t]+#+[ \t]*$/, '');
    l = l.replace(/^ {0,3}(?:>[ \t]?)+/, '');
    if (/^\s*\|/.test(l)) {
      l = l
        .trim()
        .replace(/^\||\|$/g, '')
        .split('|')
        .map((c) => c.trim())
        .join('\t');
    }
    l = l.replace(/\{#[\w-]+\}\s*$/, ''); // pandoc heading attributes
    lines.push(l);
  }
  return decodeEntities(lines.join('\n').replace(/\\([\\`*_{}[\]()#+\-.!|<>~])/g, '$1'));
}

function closesFence(match: RegExpExecArray | null, fence: string): boolean {
  const marker = match?.[1];
  return marker !== undefined && marker[0] === fence[0] && marker.length >= fence.length;
}
