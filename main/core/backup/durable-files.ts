import fs from 'node:fs';

/** The files SQLite keeps beside a database while it is open or after a crash. */
export const SIDECAR_SUFFIXES = ['-wal', '-shm', '-journal'] as const;

/**
 * Flushes a file's bytes to the disk (`fsync`), so that a rename that follows never publishes a name whose content
 * is still only in the page cache (the write-beside, fsync, rename order of a crash-safe replace).
 * @throws the file system's error (ENOENT, EIO …)
 */
export function syncFile(file: string): void {
  const fd = fs.openSync(file, 'r+');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * Flushes a folder's entries, so that a rename in it survives a power cut. Windows cannot open a folder for this
 * (and NTFS journals renames itself), and some file systems refuse it: those cases are skipped, never thrown.
 */
export function syncFolder(dir: string): void {
  if (process.platform === 'win32') return;
  let fd: number | undefined;
  try {
    fd = fs.openSync(dir, 'r');
    fs.fsyncSync(fd);
  } catch {
    // EINVAL/EISDIR on file systems without directory fsync: the rename is as durable as they make it.
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

/** Removes a database file and whatever -wal, -shm or -journal file SQLite left beside it; missing ones are fine. */
export function removeDatabaseFiles(file: string): void {
  for (const f of [file, ...SIDECAR_SUFFIXES.map((s) => file + s)]) fs.rmSync(f, { force: true });
}

/** True when a -wal or -shm file lies beside `file` (a connection has it open, or one crashed). */
export function hasWalFiles(file: string): boolean {
  return fs.existsSync(`${file}-wal`) || fs.existsSync(`${file}-shm`);
}
