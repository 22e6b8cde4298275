import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../../../main/core/api/dispatch';
import { createHandlers } from '../../../../main/core/api/handlers';
import { WorkspaceService } from '../../../../main/core/workspace/workspace-service';
import { tempDir } from '../../helpers';

/**
 * Found by the fuzzed API (fuzz-api.ts): workspace:create with a NUL in the path made SQLite open the path cut at
 * the NUL (`a\0b` created or opened `a`, and a second try answered `internal: table meta already exists`); a name
 * too long for the file system answered `internal: unable to open database file`. Both are refusals now, and the
 * open workspace stays open.
 */
describe('workspace paths the file system cannot take', () => {
  it('refuses a NUL in the path without touching the file before it', async () => {
    const dir = tempDir();
    const ws = new WorkspaceService(dir, 'node', { watch: false, threads: 1 });
    const file = path.join(dir, 'w.wellspring');
    ws.open(file, { create: true });
    const handlers = createHandlers(ws);
    for (const channel of ['workspace:create', 'workspace:open']) {
      const r = await dispatch(handlers, channel, { path: path.join(dir, 'a\0b.wellspring') });
      expect(r).toMatchObject({
        ok: false,
        code: 'invalid_input',
        path: ['path'],
        key: 'errors.invalidInputValue',
      });
    }
    expect(fs.existsSync(path.join(dir, 'a'))).toBe(false);
    expect(ws.info().path).toBe(file);
    ws.close();
  });

  it('answers a name too long as io_error in both languages', async () => {
    const dir = tempDir();
    const ws = new WorkspaceService(dir, 'node', { watch: false, threads: 1 });
    const file = path.join(dir, 'w.wellspring');
    ws.open(file, { create: true });
    const long = path.join(dir, `${'深'.repeat(300)}.wellspring`);
    const r = await dispatch(createHandlers(ws), 'workspace:create', { path: long });
    expect(r).toMatchObject({
      ok: false,
      code: 'io_error',
      key: 'errors.workspaceUnreadable',
      params: { file: long },
    });
    expect(ws.info().path).toBe(file);
    ws.close();
  });
});
