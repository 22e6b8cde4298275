import { EPub } from 'epub2';
import { unzipSync } from 'fflate';
import { mergeAuthors } from './authors';
import { ExtractError } from './errors';
import { unitsToPages, type FormatOutput, type RawUnit } from './format-output';
import { htmlToUnits } from './html';

/**
 * Encryption algorithms that only obfuscate embedded fonts, not the text: IDPF font obfuscation (EPUB OCF 3.x §4.4)
 * and Adobe's. An `encryption.xml` listing only these is no DRM.
 */
const FONT_OBFUSCATION = new Set(['http://www.idpf.org/2008/embedding', 'http://ns.adobe.com/pdf/enc#RC']);

/**
 * epub2 with the steps that can throw inside a zip or XML callback (where nothing can catch it and the process dies)
 * replaced or made safe:
 * - the container is not parsed again: `readContainer` found the package document, which is passed in (epub2 3.0.2
 *   throws on a `container.xml` that does not parse to an object);
 * - a missing `mimetype` entry is tolerated, as reading systems do (the container is what matters);
 * - the NCX table of contents is not read at all (extraction reads the spine, not the TOC; epub2 throws on an NCX
 *   `navLabel` with empty text, as in textract's standardized_text.epub);
 * - an error while parsing the package document becomes an 'error' event.
 */
class SafeEPub extends EPub {
  private readonly packagePath: string;

  constructor(epubfile: string, imageroot?: string, linkroot?: string, packagePath?: string) {
    super(epubfile, imageroot, linkroot);
    this.packagePath = packagePath ?? '';
  }

  override checkMimeType(): void {
    this.getRootFiles();
  }

  override getRootFiles(): void {
    const wanted = [this.packagePath, decodeURI(this.packagePath)];
    const found = this.zip.names.find((n) => wanted.includes(n));
    if (!found) {
      this.emit('error', new Error(`the package document ${this.packagePath} is missing`));
      return;
    }
    this.rootFile = found;
    this.handleRootFile();
  }

  override parseTOC(): void {
    this.emit('end');
  }

  override parseRootFile(rootfile: unknown): void {
    try {
      if (!rootfile || typeof rootfile !== 'object') throw new Error('empty');
      super.parseRootFile(rootfile);
    } catch {
      this.emit('error', new Error('the package document cannot be read'));
    }
  }
}

/** What the OCF container says before epub2 reads it: the package document's path, and whether content is DRM'd. */
interface Container {
  rootFile: string;
  drm: boolean;
}

/**
 * Checks the OCF container with fflate (only `mimetype`, `META-INF/container.xml` and `META-INF/encryption.xml` are
 * inflated): a readable ZIP, a `container.xml` naming a package document (`<rootfile full-path>`) that the ZIP
 * holds, and encryption other than font obfuscation. epub2 would throw on a rootfile without `full-path` inside a
 * callback, so this is checked first.
 *
 * @throws ExtractError 'failed' "<file>: damaged or truncated EPUB (…)" for a damaged ZIP, "<file>: not a valid EPUB
 *   file (…)" for a missing container
 */
function readContainer(buf: Uint8Array, fileName: string): Container {
  const invalid = (detail: string): ExtractError =>
    new ExtractError('failed', `${fileName}: not a valid EPUB file (${detail})`);
  const wanted = new Set(['mimetype', 'META-INF/container.xml', 'META-INF/encryption.xml']);
  const names = new Set<string>();
  let files;
  try {
    files = unzipSync(buf, {
      filter: (f) => {
        names.add(f.name);
        return wanted.has(f.name);
      },
    });
  } catch {
    // fflate's own message ("invalid zip data") adds nothing a user can act on.
    throw new ExtractError('failed', `${fileName}: damaged or truncated EPUB (not a readable ZIP archive)`);
  }
  const text = (entry: string): string | undefined => {
    const data = files[entry];
    return data ? new TextDecoder('utf-8').decode(data) : undefined;
  };
  const container = text('META-INF/container.xml');
  if (container === undefined) throw invalid('no META-INF/container.xml');
  const rootFile = /<(?:\w+:)?rootfile\b[^>]*\bfull-path\s*=\s*["']([^"']+)["']/.exec(container)?.[1];
  if (!rootFile) throw invalid('META-INF/container.xml names no package document');
  if (!names.has(rootFile) && !names.has(decodeURI(rootFile))) {
    throw invalid(`the package document ${rootFile} is missing`);
  }
  const encryption = text('META-INF/encryption.xml') ?? '';
  const drm = [
    ...encryption.matchAll(/<(?:\w+:)?EncryptionMethod\b[^>]*\bAlgorithm\s*=\s*["']([^"']+)["']/g),
  ].some((m) => !FONT_OBFUSCATION.has(m[1] ?? ''));
  return { rootFile, drm };
}

/** A Dublin Core element as xml2js gives it (a string, `{ '#': text }`, or several of these) → its texts. */
function dcTexts(value: unknown): string[] {
  const list = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return list
    .map((v) => (typeof v === 'string' ? v : typeof v === 'object' && v && '#' in v ? String(v['#']) : ''))
    .map((s) => s.trim())
    .filter(Boolean);
}

/**
 * EPUB 2 and 3 e-books: the package document is read with epub2 (metadata, manifest, spine); every XHTML content
 * document of the spine is read in reading order (`linear="no"` items included, as they are part of the book) and
 * reduced to text like HTML (`htmlToUnits`). Each chapter is one unit labelled with its first heading (or its
 * `<title>`); a chapter longer than a page becomes several pages with that label (`unitsToPages`); chapters without
 * text (a cover image) give no page. Metadata: `dc:title` → `title`, `dc:language` → `language`, every `dc:creator`
 * → `authors` (split like `splitAuthors`).
 *
 * @param buf the whole file
 * @param fileName base name, for reasons
 * @throws ExtractError 'unsupported' "<file>: EPUB protected by DRM (encrypted content)" when `encryption.xml`
 *   encrypts anything with an algorithm other than font obfuscation; 'failed' "<file>: not a valid EPUB file (…)" for
 *   a missing container or package document or a package epub2 cannot parse; 'failed' "<file>: damaged or
 *   truncated EPUB (not a readable ZIP archive)"
 */
export async function extractEpub(buf: Uint8Array, fileName: string): Promise<FormatOutput> {
  const container = readContainer(buf, fileName);
  if (container.drm) {
    throw new ExtractError('unsupported', `${fileName}: EPUB protected by DRM (encrypted content)`);
  }
  let book: EPub;
  try {
    // epub2 passes its argument to adm-zip, which takes a Buffer as well as a path.
    const data = Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength) as unknown as string;
    book = await SafeEPub.createAsync(data, undefined, undefined, container.rootFile);
  } catch (e) {
    // One of epub2's messages ends with its argument (here the bytes): it is replaced.
    const message = e instanceof Error ? e.message : String(e);
    // Since getRootFiles is replaced, epub2's "Parsing container XML failed" can only be about the package document.
    const detail = message.startsWith('Invalid/missing file')
      ? 'not a ZIP archive'
      : message === 'Parsing container XML failed'
        ? 'the package document is not valid XML'
        : message.slice(0, 200);
    throw new ExtractError('failed', `${fileName}: not a valid EPUB file (${detail})`);
  }

  const units: RawUnit[] = [];
  let chapters = 0;
  for (const item of book.flow) {
    const type = item['media-type'] ?? item.mediaType;
    if (!item.id || type !== 'application/xhtml+xml') continue;
    chapters++;
    let xhtml: string;
    try {
      xhtml = await book.getChapterRawAsync(item.id);
    } catch {
      continue; // a spine item missing from the ZIP: the others still count
    }
    const sections = htmlToUnits(xhtml);
    const label = sections.find((s) => s.label)?.label;
    const text = sections.map((s) => s.text).join('\n\n');
    units.push(label ? { text, label } : { text });
  }
  const pages = unitsToPages(units);
  const out: FormatOutput = { pages, pageCount: Math.max(pages.length, chapters) };
  const raw = (book.metadata as Record<PropertyKey, unknown>)[EPub.SYMBOL_RAW_DATA] as
    Record<string, unknown> | undefined;
  const title = book.metadata.title?.trim();
  if (title) out.title = title;
  // From the raw metadata: epub2 lower-cases the language ('zh-cn') and keeps only the first creator.
  const dc = (local: string): string[] =>
    Object.entries(raw ?? {})
      .filter(([key]) => key.split(':').pop()?.toLowerCase() === local)
      .flatMap(([, value]) => dcTexts(value));
  const language = dc('language')[0] ?? book.metadata.language?.trim();
  if (language) out.language = language;
  const creators = dc('creator');
  const authors = mergeAuthors(creators.length > 0 ? creators : dcTexts(book.metadata.creator));
  if (authors.length > 0) out.authors = authors;
  return out;
}
