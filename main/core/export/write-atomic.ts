import fs from 'node:fs';
import path from 'node:path';
import { WellspringError } from '../util/errors';

/**
 * Writes `text` (UTF-8) to `file` all at once: into a temporary file beside it, then renamed over it, so a reader
 * never sees half a file and a failed write leaves nothing behind (the temporary file is removed).
 * @throws WellspringError `io_error` (key errors.snapshotUnwritable) naming the path and why: the folder does not
 *   exist, `file` is a folder, no permission, disk full
 */
export function writeFileAtomic(file: string, text: string): void {
  const abs = path.resolve(file);
  const fail = (reason: string): never => {
    throw new WellspringError('io_error', `The snapshot cannot be written to ${abs} (${reason}).`, ['out'], {
      key: 'errors.snapshotUnwritable',
      params: { path: abs, reason },
    });
  };
  const dir = path.dirname(abs);
  if (!fs.existsSync(dir)) fail('the folder does not exist');
  if (fs.existsSync(abs) && fs.statSync(abs).isDirectory()) fail('it is a folder');
  const temp = path.join(dir, `.${path.basename(abs)}.${process.pid}.${Date.now()}.tmp`);
  try {
    fs.writeFileSync(temp, text, { encoding: 'utf8', flag: 'wx' });
    fs.renameSync(temp, abs);
  } catch (e) {
    fs.rmSync(temp, { force: true });
    const err = e as NodeJS.ErrnoException;
    fail(err.code === 'EACCES' || err.code === 'EPERM' ? 'permission denied' : (err.code ?? err.message));
  }
}
