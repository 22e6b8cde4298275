import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { tempDir } from '../helpers';
import { run } from './cli-helpers';

// `npm run cli -- snapshot`: one sample workspace (outside tempDir, which is emptied after each test), only read
// by every test.
let shared = '';
let file = '';
beforeAll(async () => {
  shared = fs.mkdtempSync(path.join(os.tmpdir(), 'wellspring-snapshot-cli-'));
  file = path.join(shared, 'w.wellspring');
  expect((await run(['init', '--workspace', file, '--sample'])).code).toBe(0);
});
afterAll(() => fs.rmSync(shared, { recursive: true, force: true }));
afterEach(() => vi.restoreAllMocks());

/** Runs the CLI and also collects what it wrote to stderr. */
async function runErr(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const errors: string[] = [];
  vi.spyOn(console, 'error').mockImplementation((s: unknown) => void errors.push(String(s)));
  const { code, out } = await run(args);
  return { code, out, err: errors.join('\n') };
}

describe('snapshot', () => {
  it('writes the map as one HTML file and prints its path and counts; nothing else is left in the folder', async () => {
    const dir = tempDir();
    const out = path.join(dir, 'map.html');
    const r = await run(['snapshot', '--workspace', file, '--view', 'map', '--out', out]);
    expect(r.code).toBe(0);
    expect(r.out.split('\n')[0]).toBe(out);
    expect(r.out).toContain('Knowledge map: 233 nodes · 713 edges');
    const html = fs.readFileSync(out, 'utf8');
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).toContain('<script type="application/json" id="snapshot-data">');
    expect(fs.readdirSync(dir)).toEqual(['map.html']);
    // a second run replaces the file whole
    fs.writeFileSync(out, 'old');
    expect((await run(['snapshot', '--workspace', file, '--view', 'MAP', '--out', out])).code).toBe(0);
    const undated = (h: string) => h.replace(/"date":"[^"]*"/, '');
    expect(undated(fs.readFileSync(out, 'utf8'))).toBe(undated(html));
    expect(fs.readdirSync(dir)).toEqual(['map.html']);
  });

  // The competency and process views are drawn by the app in Chromium: tests/e2e/snapshot.test.ts.

  it('an unknown view: exit 1 naming the views that exist, no file', async () => {
    const out = path.join(tempDir(), 'x.html');
    const r = await runErr(['snapshot', '--workspace', file, '--view', '没有这个', '--out', out]);
    expect(r.code).toBe(1);
    expect(r.err).toBe(
      'wellspring: No view is called “没有这个”. Views: map, competency, process:新品研发流程, process:成衣生产流程, ' +
        'process:团体定制销售流程, process:售后服务流程. [not_found]',
    );
    expect(fs.existsSync(out)).toBe(false);
  });

  it('an --out in a missing folder or that is a folder: exit 1 naming the path, nothing written', async () => {
    const dir = tempDir();
    const missing = path.join(dir, 'nope', 'x.html');
    const a = await runErr(['snapshot', '--workspace', file, '--view', 'map', '--out', missing]);
    expect(a.code).toBe(1);
    expect(a.err).toBe(
      `wellspring: The snapshot cannot be written to ${missing} (the folder does not exist). [io_error]`,
    );
    const b = await runErr(['snapshot', '--workspace', file, '--view', 'map', '--out', dir]);
    expect(b.code).toBe(1);
    expect(b.err).toBe(`wellspring: The snapshot cannot be written to ${dir} (it is a folder). [io_error]`);
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it.skipIf(process.getuid?.() === 0)(
    'an --out in a read-only folder: exit 1, permission denied',
    async () => {
      const dir = tempDir();
      fs.chmodSync(dir, 0o555);
      try {
        const out = path.join(dir, 'x.html');
        const r = await runErr(['snapshot', '--workspace', file, '--view', 'map', '--out', out]);
        expect(r.code).toBe(1);
        expect(r.err).toContain(`${out} (permission denied)`);
        expect(fs.readdirSync(dir)).toEqual([]);
      } finally {
        fs.chmodSync(dir, 0o755);
      }
    },
  );

  it('usage: no --view or no --out is exit 2 naming what is missing', async () => {
    const a = await runErr(['snapshot', '--workspace', file, '--out', 'x.html']);
    expect(a.code).toBe(2);
    expect(a.err.split('\n')[0]).toBe(
      'wellspring: snapshot needs --view NAME (map, competency, a saved view, process:NAME).',
    );
    const b = await runErr(['snapshot', '--workspace', file, '--view', 'map']);
    expect(b.code).toBe(2);
    expect(b.err.split('\n')[0]).toBe('wellspring: snapshot needs --out FILE.html.');
  });
});
