import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { openWorkspaceDb } from '../../../main/core/db/workspace-db';
import { GraphStore } from '../../../main/core/graph/graph-store';
import { ViewStore } from '../../../main/core/graph/view-store';
import { snapshotViewNames } from '../../../main/core/export/snapshot-view';
import { tempDir } from '../helpers';
import { run } from './cli-helpers';

// `npm run cli -- export-view`: what fails before Chromium is started (usage, the view, --out, the browser). The
// drawing itself is tested in tests/e2e/export-view.test.ts, which starts Chromium.
let shared = '';
let file = '';
beforeAll(async () => {
  shared = fs.mkdtempSync(path.join(os.tmpdir(), 'wellspring-export-cli-'));
  file = path.join(shared, 'w.wellspring');
  expect((await run(['init', '--workspace', file, '--sample'])).code).toBe(0);
});
afterAll(() => fs.rmSync(shared, { recursive: true, force: true }));
afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
});

/** Runs the CLI and also collects what it wrote to stderr. */
async function runErr(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const errors: string[] = [];
  vi.spyOn(console, 'error').mockImplementation((s: unknown) => void errors.push(String(s)));
  const { code, out } = await run(args);
  return { code, out, err: errors.join('\n') };
}

const args = (view: string, format: string, out: string) => [
  'export-view',
  '--workspace',
  file,
  '--view',
  view,
  '--format',
  format,
  '--out',
  out,
];

describe('export-view before drawing', () => {
  it('usage: a missing --view, --format or --out, or an unknown format, is exit 2 naming it', async () => {
    const first = async (a: string[]) => {
      const r = await runErr(a);
      expect(r.code).toBe(2);
      return r.err.split('\n')[0];
    };
    expect(await first(['export-view', '--workspace', file, '--format', 'png', '--out', 'x.png'])).toBe(
      'wellspring: export-view needs --view NAME (map, competency, a saved view, process:NAME).',
    );
    expect(await first(['export-view', '--workspace', file, '--view', 'map', '--out', 'x.png'])).toBe(
      'wellspring: export-view needs --format png, svg or pdf.',
    );
    expect(await first(['export-view', '--workspace', file, '--view', 'map', '--format', 'gif'])).toBe(
      'wellspring: unknown --format “gif” (png, svg or pdf).',
    );
    expect(await first(['export-view', '--workspace', file, '--view', 'map', '--format', 'pdf'])).toBe(
      'wellspring: export-view needs --out FILE.pdf.',
    );
    expect(await first(['export-view', '--view', 'map', '--format', 'pdf', '--out', 'x.pdf'])).toBe(
      'wellspring: export-view needs --workspace FILE.',
    );
    // An SVG is not written into a .png; a language the app has not is refused.
    expect(
      await first(['export-view', '--workspace', file, '--view', 'map', '--format', 'svg', '--out', 'x.png']),
    ).toBe('wellspring: --out “x.png” ends in .png but --format is svg: make them agree.');
    expect(
      await first([
        'export-view',
        '--workspace',
        file,
        '--view',
        'map',
        '--format',
        'svg',
        '--out',
        'x.svg',
        '--language',
        'fr',
      ]),
    ).toBe('wellspring: unknown --language “fr” (zh-CN or en).');
  });

  it('an unknown view: exit 1 listing the names that exist (as the core lists them), no file', async () => {
    const { db } = openWorkspaceDb(file);
    let names: string[];
    try {
      const processes = new GraphStore(db).getGraph({ kinds: ['process'] }).nodes;
      names = snapshotViewNames(new ViewStore(db), processes);
    } finally {
      db.close();
    }
    expect(names).toContain('competency');
    const out = path.join(tempDir(), 'x.svg');
    const r = await runErr(args('没有这个', 'svg', out));
    expect(r.code).toBe(1);
    expect(r.err).toBe(`wellspring: No view is called “没有这个”. Views: ${names.join(', ')}. [not_found]`);
    expect(fs.existsSync(out)).toBe(false);
  });

  it('an --out in a missing folder or that is a folder: exit 1 naming the path, nothing written', async () => {
    const dir = tempDir();
    const missing = path.join(dir, 'nope', 'x.png');
    const a = await runErr(args('competency', 'png', missing));
    expect(a.code).toBe(1);
    expect(a.err).toBe(
      `wellspring: The export cannot be written to ${missing} (the folder does not exist). [io_error]`,
    );
    const b = await runErr(args('competency', 'pdf', dir));
    expect(b.code).toBe(1);
    expect(b.err).toBe(`wellspring: The export cannot be written to ${dir} (it is a folder). [io_error]`);
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('no browser at CHROMIUM_PATH: exit 1 naming the path looked at, nothing written', async () => {
    const dir = tempDir();
    const nowhere = path.join(dir, 'no-chromium');
    vi.stubEnv('CHROMIUM_PATH', nowhere);
    const r = await runErr(args('map', 'svg', path.join(dir, 'm.svg')));
    expect(r.code).toBe(1);
    expect(r.err).toBe(
      `wellspring: No Chromium to draw the export with at ${nowhere} (install chromium or set CHROMIUM_PATH). [unsupported]`,
    );
    expect(fs.readdirSync(dir)).toEqual([]);
  });
});
