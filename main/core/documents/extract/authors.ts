import { unzipSync } from 'fflate';
import { decodeEntities } from './entities';

/**
 * Authors recorded in a document's metadata (issue 8 §7, expertise from evidence): who wrote it, as the file says.
 * Every reader here is best-effort: a damaged or missing metadata part gives `[]`, never an error, because the
 * text of the file matters more than its author.
 */

/** Parts that are titles or degrees, not names ("Sean Hayes, M.D." is one person). Folded, dots removed. */
const NOT_A_NAME = new Set(['md', 'phd', 'jr', 'sr', 'esq', 'dr', 'prof', 'mba', 'msc', 'bsc', 'ii', 'iii']);

/**
 * What authoring tools write when nobody set a name ("ME", "Administrator", "Microsoft Office User", 用户…): never
 * a person to propose. Folded (NFKC, lower case, spaces kept).
 */
const PLACEHOLDER_AUTHORS = new Set([
  'me',
  'admin',
  'administrator',
  'user',
  'author',
  'owner',
  'unknown',
  'anonymous',
  'microsoft office user',
  'windows user',
  '作者',
  '管理员',
  '用户',
  '未知',
  '匿名',
]);

const HAN = /\p{Script=Han}/u;
const LATIN_WORD = /^[\p{Script=Latin}][\p{Script=Latin}'’.-]*$/u;

/**
 * Splits one recorded author field into names, as recorded (trimmed, inner whitespace kept).
 *
 * - Separators: `;` `,` `、` and their full-width forms `；` `，`, and line breaks. An e-mail address in angle
 *   brackets (`Daan Sprenkels <d@x.org>`) or a bare one is dropped.
 * - `Family, Given` (one comma, one Latin word on each side, nothing else: "Kinski, Andreas", the bibliographic
 *   order) stays ONE name: splitting it would make two people of one. The matcher reads it as "Andreas Kinski".
 * - Han names separated by two or more spaces or an ideographic space ("张林波  孙文昌") are two names; one space
 *   inside a Han name ("李 凌") is part of it.
 * - Titles and degrees standing alone after a comma ("M.D.", "PhD", "Jr.") are dropped, and so are the
 *   placeholders tools write when nobody set a name ("ME", "Administrator", 用户); duplicates (after case folding)
 *   are dropped, the first spelling kept.
 *
 * @param raw the field as the file has it (PDF Info Author, dc:creator, a front-matter value)
 * @returns names in the order recorded; `[]` for an empty field
 */
export function splitAuthors(raw: string): string[] {
  const cleaned = raw
    .replace(/<[^<>\s]+@[^<>\s]+>/g, ' ')
    .replace(/(^|\s)[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+(?=\s|$)/g, ' ')
    .trim();
  if (!cleaned) return [];
  const familyGiven = /^([^,，;；、\s]+)\s*[,，]\s*([^,，;；、\s]+)$/u.exec(cleaned);
  if (
    familyGiven &&
    LATIN_WORD.test(familyGiven[1]!) &&
    LATIN_WORD.test(familyGiven[2]!) &&
    !isTitle(familyGiven[2]!)
  )
    return [cleaned];
  const out: string[] = [];
  const seen = new Set<string>();
  for (const part of cleaned.split(/[;,；，、\r\n]+/u)) {
    for (const name of splitHanRuns(part.trim())) {
      const n = name.trim().replace(/\s+/g, ' ');
      const key = n.normalize('NFKC').toLowerCase();
      if (!n || isTitle(n) || PLACEHOLDER_AUTHORS.has(key) || seen.has(key)) continue;
      seen.add(key);
      out.push(n);
    }
  }
  return out;
}

function isTitle(part: string): boolean {
  return NOT_A_NAME.has(part.normalize('NFKC').toLowerCase().replace(/[.\s]/g, ''));
}

/** "张林波  孙文昌" → two names; Latin text and single spaces are left alone. */
function splitHanRuns(part: string): string[] {
  const pieces = part.split(/(?:\s{2,}|\u3000+)/u);
  if (pieces.length > 1 && pieces.every((p) => HAN.test(p) && !/\p{Script=Latin}/u.test(p))) return pieces;
  return [part];
}

/**
 * Splits several recorded fields (PDF Info Author and XMP dc:creator, ODF initial creator and creator) and merges
 * them, first occurrence first, duplicates (case-folded) dropped.
 */
export function mergeAuthors(fields: ReadonlyArray<string | null | undefined>): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  for (const field of fields) {
    if (typeof field !== 'string') continue;
    for (const name of splitAuthors(field)) {
      const key = name.normalize('NFKC').toLowerCase();
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(name);
    }
  }
  return out;
}

/** Office packages whose core properties `officeAuthors` reads. */
export type OfficePackage = 'docx' | 'xlsx' | 'pptx' | 'odt' | 'ods' | 'odp';

/**
 * Authors of an Office package: OOXML (DOCX, XLSX, PPTX) `docProps/core.xml` `dc:creator` (ECMA-376 Part 2, core
 * properties); ODF (ODT, ODS, ODP) `meta.xml` `meta:initial-creator` (who created it) then `dc:creator` (who last
 * saved it), OASIS ODF 1.3 §4.3. Only that one zip entry is inflated (fflate). `cp:lastModifiedBy` is not an author.
 *
 * @param buf the whole package
 * @returns names as recorded (split like `splitAuthors`); `[]` when the part or the field is missing or the zip is
 *   damaged (an encrypted OOXML file is an OLE2 container, not a zip: `[]`)
 */
export function officeAuthors(buf: Uint8Array, kind: OfficePackage): string[] {
  const entry = kind === 'odt' || kind === 'ods' || kind === 'odp' ? 'meta.xml' : 'docProps/core.xml';
  let xml: string;
  try {
    const files = unzipSync(buf, { filter: (f) => f.name === entry });
    const data = files[entry];
    if (!data) return [];
    xml = new TextDecoder('utf-8').decode(data);
  } catch {
    return [];
  }
  const fields = entry === 'meta.xml' ? ['initial-creator', 'creator'] : ['creator'];
  return mergeAuthors(fields.flatMap((local) => xmlElements(xml, local)));
}

/** Text of every element with this local name (any namespace prefix), entities decoded, tags inside removed. */
function xmlElements(xml: string, local: string): string[] {
  const re = new RegExp(`<([A-Za-z_][\\w.-]*:)?${local}(?:\\s[^>]*)?>([\\s\\S]*?)</\\1?${local}>`, 'g');
  const out: string[] = [];
  for (const m of xml.matchAll(re)) out.push(decodeEntities((m[2] ?? '').replace(/<[^>]*>/g, '')).trim());
  return out;
}

/**
 * Authors named in a Markdown file's YAML front matter (Jekyll, Obsidian, Foam): the block between a first line
 * `---` and the next line `---` or `...`. The keys read are `author` and `authors` (case-insensitive), in these forms:
 *
 * ```yaml
 * author: 王建国                 # one name (a value with , ; 、 is split like splitAuthors)
 * author: "Li Ming"              # single or double quotes
 * authors: [王建国, "Li Ming"]    # flow sequence
 * authors:                       # block sequence
 *   - 王建国
 *   - Li Ming
 * ```
 *
 * Not a YAML parser: nested mappings (`author: {name: …}`), anchors and multi-line scalars are not read.
 *
 * @param text the decoded file (a BOM already removed)
 * @returns names as recorded; `[]` without front matter or without those keys
 */
export function frontMatterAuthors(text: string): string[] {
  const lines = text.split(/\r\n?|\n/);
  if (!/^---\s*$/.test(lines[0] ?? '')) return [];
  const end = lines.findIndex((l, i) => i > 0 && /^(---|\.\.\.)\s*$/.test(l));
  if (end < 0) return [];
  const fields: string[] = [];
  for (let i = 1; i < end; i++) {
    const m = /^(author|authors)\s*:(.*)$/i.exec(lines[i]!);
    if (!m) continue;
    const value = stripComment(m[2]!.trim());
    if (value.startsWith('[')) {
      const inner = value.replace(/^\[/, '').replace(/\]\s*$/, '');
      fields.push(...flowItems(inner));
    } else if (value) {
      fields.push(unquote(value));
    } else {
      for (let j = i + 1; j < end; j++) {
        const item = /^\s*-\s+(.*)$/.exec(lines[j]!);
        if (!item) {
          if (/^\s*(#.*)?$/.test(lines[j]!)) continue;
          break;
        }
        fields.push(unquote(stripComment(item[1]!.trim())));
      }
    }
  }
  return mergeAuthors(fields);
}

/** Items of a YAML flow sequence body, each unquoted; commas inside quotes are kept. */
function flowItems(inner: string): string[] {
  const items: string[] = [];
  for (const m of inner.matchAll(/\s*("(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[^,]+)\s*(?:,|$)/g)) {
    const v = m[1]!.trim();
    if (v) items.push(unquote(v));
  }
  return items;
}

function unquote(v: string): string {
  if (v.length >= 2 && v.startsWith('"') && v.endsWith('"'))
    return v.slice(1, -1).replace(/\\(["\\])/g, '$1');
  if (v.length >= 2 && v.startsWith("'") && v.endsWith("'")) return v.slice(1, -1).replace(/''/g, "'");
  return v;
}

/** An unquoted value with its comment (` #…`) dropped, or a quoted one (anything after the closing quote dropped). */
function stripComment(v: string): string {
  const quoted = /^("(?:[^"\\]|\\.)*"|'(?:[^']|'')*')/.exec(v);
  if (quoted) return quoted[1]!;
  return v.replace(/\s+#.*$/, '').trim();
}
