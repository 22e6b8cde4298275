import { fold } from '../viewer/highlight';

/** What `sameNameLocations` needs of a listed file. */
export interface ListedFile {
  id: number;
  folderId: number;
  /** Absolute path. */
  path: string;
  name: string;
}

/** The folder parts of `file`'s path below `root` (an absolute folder path), or null when it is not below it. */
function partsBelow(root: string, file: string): string[] | null {
  const base = root.replace(/[\\/]+$/, '');
  if (!file.startsWith(base) || !/^[\\/]/.test(file.slice(base.length))) return null;
  return file
    .slice(base.length)
    .split(/[\\/]+/)
    .filter(Boolean)
    .slice(0, -1);
}

function parentOf(file: string): string {
  return file.replace(/[\\/][^\\/]*$/, '');
}

/**
 * Where each listed file lives, for the files that share their name with another listed file (issue #6: two
 * "合同.pdf" in one table cannot be told apart). The location is the parent folder relative to the library folder,
 * starting with the library folder's own name ("知识 文档/2024/合同"), with `/` between folders on every platform.
 * When that still does not tell two files apart (two library folders with the same name), their full parent
 * folders are used instead. Files with a unique name are absent from the result.
 *
 * @param files the files listed together (one page of the table)
 * @param folders library folder id → its absolute path
 * @returns file id → location text
 */
export function sameNameLocations(
  files: readonly ListedFile[],
  folders: ReadonlyMap<number, string>,
): Map<number, string> {
  const groups = new Map<string, ListedFile[]>();
  for (const f of files) {
    // Names compared as people see them: NFKC, case-folded (Windows and macOS folders ignore case too).
    const key = fold(f.name);
    const group = groups.get(key);
    if (group) group.push(f);
    else groups.set(key, [f]);
  }
  const out = new Map<number, string>();
  for (const group of groups.values()) {
    if (group.length < 2) continue;
    const located = group.map((f) => {
      const root = folders.get(f.folderId);
      const parts = root === undefined ? null : partsBelow(root, f.path);
      const rootName = root
        ?.replace(/[\\/]+$/, '')
        .split(/[\\/]/)
        .pop();
      return { f, at: parts && rootName ? [rootName, ...parts].join('/') : parentOf(f.path) };
    });
    const count = new Map<string, number>();
    for (const { at } of located) count.set(at, (count.get(at) ?? 0) + 1);
    for (const { f, at } of located) out.set(f.id, count.get(at)! > 1 ? parentOf(f.path) : at);
  }
  return out;
}
