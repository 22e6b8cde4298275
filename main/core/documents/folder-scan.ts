import fs from 'node:fs/promises';
import path from 'node:path';
import { legacyOfficeReason, READABLE_EXTENSIONS } from './extract/detect-format';
import type { ScannedFile } from './library-store';

/**
 * Formats the library lists but cannot read, by extension, so that the reason names the format. Anything else
 * without a reader gets "unsupported file type (.ext)". Word/Excel/PowerPoint 97–2003 files get `detectFormat`'s
 * reason (`legacyOfficeReason`: "Word 97–2003 (.doc) is not supported: save it as .docx"). EPUB and RTF are read
 * since issue 11; reasons.ts still translates the reasons stored for them before.
 */
const UNSUPPORTED_FORMATS: ReadonlyArray<readonly [string, readonly string[]]> = [
  ['Kindle e-book', ['mobi', 'azw', 'azw3', 'kfx']],
  ['WPS Office document', ['wps', 'et', 'dps']],
  ['Apple iWork document', ['pages', 'numbers', 'key']],
  ['XPS document', ['xps', 'oxps']],
  ['DjVu document', ['djvu']],
  ['Visio drawing', ['vsd', 'vsdx']],
  ['OneNote notebook', ['one']],
  ['e-mail message', ['eml', 'msg']],
  ['image', ['png', 'jpg', 'jpeg', 'gif', 'bmp', 'tif', 'tiff', 'webp', 'heic', 'heif', 'svg', 'ico', 'psd']],
  ['archive', ['zip', 'rar', '7z', 'tar', 'gz', 'tgz', 'bz2', 'xz']],
  ['audio file', ['mp3', 'wav', 'flac', 'aac', 'm4a', 'ogg', 'wma']],
  ['video file', ['mp4', 'mov', 'avi', 'mkv', 'wmv', 'flv', 'webm']],
];
const FORMAT_BY_EXT = new Map(UNSUPPORTED_FORMATS.flatMap(([what, exts]) => exts.map((e) => [e, what])));

/** Files the operating system keeps out of sight (besides dot files): Office lock files and Windows metadata. */
export function isHiddenName(name: string): boolean {
  return name.startsWith('.') || name.startsWith('~$') || /^(thumbs\.db|desktop\.ini)$/i.test(name);
}

/**
 * Why the library cannot read a file, judged by its name alone, or null when a reader exists for its extension.
 * The reason starts with the file name, like every extraction error: "book.epub: EPUB e-book (.epub) is not
 * supported", "a.xyz: unsupported file type (.xyz)".
 */
export function unsupportedReason(name: string): string | null {
  const ext = path.extname(name).slice(1).toLowerCase();
  if (READABLE_EXTENSIONS.has(ext)) return null;
  const legacy = legacyOfficeReason(ext);
  if (legacy) return `${name}: ${legacy}`;
  const what = FORMAT_BY_EXT.get(ext);
  if (what) return `${name}: ${what} (.${ext}) is not supported`;
  return `${name}: ${ext ? `unsupported file type (.${ext})` : 'unsupported file type (no extension)'}`;
}

/** What a scan found: the files, and the folders or entries it could not read (path and reason). */
export interface ScanResult {
  files: ScannedFile[];
  skipped: Array<{ path: string; reason: string }>;
}

/**
 * Walks `root` recursively and lists every regular file in it with size and mtime; a file no reader exists for
 * carries its `unsupportedReason`, so that the library shows it as unsupported instead of leaving it out.
 *
 * Symbolic links are followed, but every folder is entered once by its real path, so link loops end; hidden
 * folders (`.git`, `.cache` …) and hidden files (dot files, `~$` Office lock files, Thumbs.db, desktop.ini) are
 * skipped. Unreadable folders and broken links are reported in `skipped`, never
 * thrown. @throws Error only when `root` itself is not a readable folder.
 */
export async function scanFolder(root: string): Promise<ScanResult> {
  const stat = await fs.stat(root).catch((e: NodeJS.ErrnoException) => {
    throw new Error(`Cannot read folder ${root}: ${e.code === 'ENOENT' ? 'it does not exist' : e.message}`);
  });
  if (!stat.isDirectory()) throw new Error(`${root} is not a folder.`);
  const files: ScannedFile[] = [];
  const skipped: ScanResult['skipped'] = [];
  const seen = new Set<string>();
  const stack = [root];
  while (stack.length) {
    const dir = stack.pop()!;
    let real: string;
    try {
      real = await fs.realpath(dir);
    } catch (e) {
      skipped.push({ path: dir, reason: (e as Error).message });
      continue;
    }
    if (seen.has(real)) continue;
    seen.add(real);
    let entries: import('node:fs').Dirent[];
    try {
      entries = await fs.readdir(dir, { withFileTypes: true });
    } catch (e) {
      skipped.push({
        path: dir,
        reason: `cannot read folder: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`,
      });
      continue;
    }
    for (const entry of entries) {
      const full = path.join(dir, entry.name);
      let isDir = entry.isDirectory();
      let isFile = entry.isFile();
      if (entry.isSymbolicLink()) {
        try {
          const s = await fs.stat(full);
          isDir = s.isDirectory();
          isFile = s.isFile();
        } catch {
          skipped.push({ path: full, reason: 'broken symbolic link' });
          continue;
        }
      }
      if (isDir) {
        if (!entry.name.startsWith('.')) stack.push(full);
        continue;
      }
      if (!isFile || isHiddenName(entry.name)) continue;
      const ext = path.extname(entry.name).slice(1).toLowerCase();
      try {
        const s = await fs.stat(full);
        const file: ScannedFile = { path: full, name: entry.name, ext, size: s.size, mtimeMs: s.mtimeMs };
        const reason = unsupportedReason(entry.name);
        if (reason) file.unsupportedReason = reason;
        files.push(file);
      } catch (e) {
        skipped.push({ path: full, reason: (e as Error).message });
      }
    }
  }
  files.sort((a, b) => a.path.localeCompare(b.path));
  return { files, skipped };
}
