import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

/** A fresh temporary folder, removed after the current test. */
export function tempDir(prefix = 'wellspring-test-'): string {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  dirs.push(d);
  return d;
}

/** Path of a file in the repo's fixtures/ folder. */
export function fixture(name: string): string {
  return path.resolve(__dirname, '../../fixtures', name);
}
