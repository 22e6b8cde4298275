import fs from 'node:fs/promises';
import path from 'node:path';
import type { ScannedFile } from './library-store';

/**
 * File extensions the library looks at (lower case, no dot). Others in a folder (images, archives …) are
 * ignored; old binary Office formats are listed so that they can be reported as unsupported with a reason.
 */
export const LIBRARY_EXTENSIONS = new Set([
  'pdf',
  'docx',
  'odt',
  'ods',
  'odp',
  'pptx',
  'xlsx',
  'html',
  'htm',
  'xhtml',
  'md',
  'markdown',
  'txt',
  'csv',
  'doc',
  'xls',
  'ppt',
  'rtf',
]);

/** What a scan found: the files, and the folders or entries it could not read (path and reason). */
export interface ScanResult {
  files: ScannedFile[];
  skipped: Array<{ path: string; reason: string }>;
}

/**
 * Walks `root` recursively and lists the library files in it with size and mtime.
 *
 * Symbolic links are followed, but every folder is entered once by its real path, so link loops end; hidden
 * folders (`.git`, `.cache` …) are skipped. Unreadable folders and broken links are reported in `skipped`, never
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
      if (!isFile) continue;
      const ext = path.extname(entry.name).slice(1).toLowerCase();
      if (!LIBRARY_EXTENSIONS.has(ext) || entry.name.startsWith('~$')) continue;
      try {
        const s = await fs.stat(full);
        files.push({ path: full, name: entry.name, ext, size: s.size, mtimeMs: s.mtimeMs });
      } catch (e) {
        skipped.push({ path: full, reason: (e as Error).message });
      }
    }
  }
  files.sort((a, b) => a.path.localeCompare(b.path));
  return { files, skipped };
}
