import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from './helpers';

// tests/e2e/preflight.ts as `npm test` runs it first: a child process through tsx, judged by its exit code and its
// one line on stderr.

const REPO = path.resolve(__dirname, '../..');
const TSX = path.join(REPO, 'node_modules/.bin/tsx');

function preflight(args: string[], env: Record<string, string>) {
  const r = spawnSync(process.execPath, [TSX, path.join(REPO, 'tests/e2e/preflight.ts'), ...args], {
    cwd: REPO,
    env: { ...process.env, ...env },
    encoding: 'utf8',
    timeout: 30_000,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** An executable shell script standing in for Chromium. */
function fakeChromium(body: string): string {
  const file = path.join(tempDir(), 'chromium');
  fs.writeFileSync(file, `#!/bin/sh\n${body}\n`, { mode: 0o755 });
  return file;
}

describe('preflight check', () => {
  it('stops with one line naming the package and the command when Chromium is missing', () => {
    const missing = path.join(tempDir(), 'no-chromium');
    const r = preflight(['chromium'], { CHROMIUM_PATH: missing });
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      `Chromium is missing (CHROMIUM_PATH=${missing} is not an executable file): ` +
        'apt-get install chromium (or set CHROMIUM_PATH to a Chromium binary)\n',
    );
  });

  it('passes silently when CHROMIUM_PATH runs and answers --version', () => {
    const r = preflight(['chromium'], { CHROMIUM_PATH: fakeChromium('echo "Chromium 156.0"') });
    expect(r).toEqual({ status: 0, stdout: '', stderr: '' });
  });

  it('counts a Chromium that exists but does not run as missing', () => {
    const r = preflight(['chromium'], { CHROMIUM_PATH: fakeChromium('exit 3') });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(
      /^Chromium is missing \(CHROMIUM_PATH=\S+ does not run: exit 3\): apt-get install chromium/,
    );
    expect(r.stderr.split('\n')).toHaveLength(2); // one line and its newline
  });

  it('names every missing package in the same one line', () => {
    // A file that is not executable, and a PATH with Node only (no pdftotext).
    const notExecutable = path.join(tempDir(), 'chromium.txt');
    fs.writeFileSync(notExecutable, '');
    const r = preflight(['chromium', 'pdftotext'], {
      CHROMIUM_PATH: notExecutable,
      PATH: path.dirname(process.execPath),
    });
    expect(r.status).toBe(1);
    expect(r.stderr).toBe(
      `Chromium and pdftotext are missing (CHROMIUM_PATH=${notExecutable} is not an executable file; ` +
        'pdftotext is not on the PATH): apt-get install chromium poppler-utils ' +
        '(or set CHROMIUM_PATH to a Chromium binary)\n',
    );
  });

  it('refuses a check it does not know', () => {
    const r = preflight(['chromiun'], {});
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('unknown check chromiun');
  });
});
