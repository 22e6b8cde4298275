import fs from 'node:fs';
import path from 'node:path';
import { WellspringError } from '../util/errors';

/** What is being written, for the message: an HTML snapshot or a PNG/SVG/PDF export of a view. */
export type WrittenThing = 'snapshot' | 'export';

function unwritable(abs: string, reason: string, what: WrittenThing): never {
  throw new WellspringError('io_error', `The ${what} cannot be written to ${abs} (${reason}).`, ['out'], {
    key: what === 'snapshot' ? 'errors.snapshotUnwritable' : 'errors.exportUnwritable',
    params: { path: abs, reason },
  });
}

/**
 * Checks, before any work, that `file` can be written: its folder exists and it is not a folder itself. (Whether
 * the folder lets us write shows only when writing: writeFileAtomic reports that.)
 * @throws WellspringError `io_error` (key errors.snapshotUnwritable or errors.exportUnwritable) naming the path
 */
export function checkWritable(file: string, what: WrittenThing = 'snapshot'): void {
  const abs = path.resolve(file);
  if (!fs.existsSync(path.dirname(abs))) unwritable(abs, 'the folder does not exist', what);
  if (fs.existsSync(abs) && fs.statSync(abs).isDirectory()) unwritable(abs, 'it is a folder', what);
}

/**
 * Writes `data` (a string as UTF-8, or bytes) to `file` all at once: into a temporary file beside it, then renamed
 * over it, so a reader never sees half a file and a failed write leaves nothing behind (the temporary file is
 * removed).
 * @throws WellspringError `io_error` (key errors.snapshotUnwritable, or errors.exportUnwritable when `what` is
 *   `export`) naming the path and why: the folder does not exist, `file` is a folder, no permission, disk full
 */
export function writeFileAtomic(
  file: string,
  data: string | Uint8Array,
  what: WrittenThing = 'snapshot',
): void {
  const abs = path.resolve(file);
  checkWritable(abs, what);
  const temp = path.join(path.dirname(abs), `.${path.basename(abs)}.${process.pid}.${Date.now()}.tmp`);
  try {
    if (typeof data === 'string') fs.writeFileSync(temp, data, { encoding: 'utf8', flag: 'wx' });
    else fs.writeFileSync(temp, data, { flag: 'wx' });
    fs.renameSync(temp, abs);
  } catch (e) {
    fs.rmSync(temp, { force: true });
    const err = e as NodeJS.ErrnoException;
    unwritable(
      abs,
      err.code === 'EACCES' || err.code === 'EPERM' ? 'permission denied' : (err.code ?? err.message),
      what,
    );
  }
}
