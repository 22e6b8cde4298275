import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { tempDir } from '../helpers';
import { run, sample, withApp } from './cli-helpers';

// `npm run cli -- backup | restore | list-backups` through the CLI's own argument handling (the commands'
// behaviour is tested in tests/unit/core/backup): a backup, a change, a restore from `latest`.
let saved: string | undefined;
beforeEach(() => {
  saved = process.env.WELLSPRING_USER_DATA;
  process.env.WELLSPRING_USER_DATA = tempDir();
});
afterEach(() => {
  if (saved === undefined) delete process.env.WELLSPRING_USER_DATA;
  else process.env.WELLSPRING_USER_DATA = saved;
  vi.restoreAllMocks();
});

const labels = (file: string) =>
  withApp(file, (ws) =>
    ws.store
      .getGraph()
      .nodes.map((n) => n.label)
      .sort(),
  );

describe('backup and restore from the command line', () => {
  it('backup, change, restore --from latest gives the backed-up graph; list-backups lists both copies', async () => {
    const file = await sample();
    const before = await labels(file);
    const b = await run(['backup', '--workspace', file]);
    expect(b.code).toBe(0);
    expect(b.out).toMatch(/integrity check passed/);
    await withApp(file, (ws) => ws.store.addNode({ kind: 'knowledge', label: '备份之后的新条目' }));
    expect(await labels(file)).toContain('备份之后的新条目');
    const r = await run(['restore', '--workspace', file, '--from', 'latest']);
    expect(r.code).toBe(0);
    expect(await labels(file)).toEqual(before);
    const list = await run(['list-backups', '--workspace', file, '--json']);
    const kinds = (JSON.parse(list.out) as Array<{ kind: string; file: string }>).map((x) => x.kind).sort();
    expect(kinds).toEqual(['before-restore', 'manual']);
    for (const x of JSON.parse(list.out) as Array<{ file: string }>) expect(fs.existsSync(x.file)).toBe(true);
  });

  it('restore without --from is exit 2 naming it; a file that is no backup is exit 1, the workspace untouched', async () => {
    const file = await sample();
    const errors: string[] = [];
    vi.spyOn(console, 'error').mockImplementation((s: unknown) => void errors.push(String(s)));
    expect((await run(['restore', '--workspace', file])).code).toBe(2);
    expect(errors[0]!.split('\n')[0]).toBe('wellspring: restore needs --from BACKUP or latest.');
    const junk = path.join(tempDir(), 'junk.wellspring');
    fs.writeFileSync(junk, 'not a database');
    const bytes = fs.readFileSync(file);
    expect((await run(['restore', '--workspace', file, '--from', junk])).code).toBe(1);
    expect(errors.join('\n')).toContain('junk.wellspring');
    expect(fs.readFileSync(file).equals(bytes)).toBe(true);
  });
});
