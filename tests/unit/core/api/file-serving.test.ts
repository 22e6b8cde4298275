import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../../../main/core/api/dispatch';
import { createHandlers } from '../../../../main/core/api/handlers';
import { WorkspaceService } from '../../../../main/core/workspace/workspace-service';
import { tempDir } from '../../helpers';

/**
 * The file-serving channel (library:file-data, the viewer's bytes) serves only files inside the workspace's library
 * folders, links resolved; the by-path lookup (library:find-by-path) only answers paths the library holds. The
 * folder holds a plain note, a link to a file outside it and a link to a folder outside it (the scan follows both,
 * so they are searchable); a note swapped for a link after indexing is refused too.
 */
async function setup() {
  const dir = tempDir();
  const lib = path.join(dir, 'library');
  const outside = path.join(dir, 'outside');
  fs.mkdirSync(lib);
  fs.mkdirSync(path.join(outside, 'sub'), { recursive: true });
  fs.writeFileSync(path.join(lib, 'note.txt'), 'Store display guideline: shelves at eye level.\n');
  fs.writeFileSync(path.join(lib, 'swapped.txt'), 'A note that will be swapped for a link.\n');
  fs.writeFileSync(path.join(outside, 'secret.txt'), 'Not part of the library.\n');
  fs.writeFileSync(path.join(outside, 'sub', 'deep.txt'), 'Deep outside file.\n');
  fs.symlinkSync(path.join(outside, 'secret.txt'), path.join(lib, 'link.txt'));
  fs.symlinkSync(path.join(outside, 'sub'), path.join(lib, 'linked-dir'));
  const ws = new WorkspaceService(dir, 'node', { watch: false, threads: 1 });
  ws.open(path.join(dir, 'w.wellspring'), { create: true });
  const handlers = createHandlers(ws);
  const call = (channel: string, input: unknown) => dispatch(handlers, channel, input);
  const added = await call('library:add-folder', { path: lib });
  expect(added.ok).toBe(true);
  await ws.library.whenIdle();
  const docs = ws.libraryStore.documents({}).docs;
  const idOf = (rel: string) => docs.find((d) => d.path === path.join(lib, rel))!.id;
  return { ws, call, lib, outside, idOf, docs };
}

describe('file-serving channels stay inside the library folders', () => {
  it('serves a file of the folder and refuses links that lead out of it', async () => {
    const { ws, call, lib, outside, idOf, docs } = await setup();
    expect(docs.map((d) => path.relative(lib, d.path)).sort()).toEqual([
      'link.txt',
      path.join('linked-dir', 'deep.txt'),
      'note.txt',
      'swapped.txt',
    ]);
    const note = await call('library:file-data', { id: idOf('note.txt') });
    expect(note).toMatchObject({ ok: true });
    expect(Buffer.from((note as { value: { base64: string } }).value.base64, 'base64').toString()).toContain(
      'eye level',
    );
    for (const rel of ['link.txt', path.join('linked-dir', 'deep.txt')]) {
      const r = await call('library:file-data', { id: idOf(rel) });
      expect(r).toMatchObject({
        ok: false,
        code: 'unsupported',
        path: ['id'],
        key: 'library:errors.outsideLibrary',
        params: { path: path.join(lib, rel) },
      });
      expect(JSON.stringify(r)).not.toMatch(/Not part of the library|Deep outside/);
    }
    // Swapped for a link after indexing: the stored path is inside, the file it reaches now is not.
    fs.rmSync(path.join(lib, 'swapped.txt'));
    fs.symlinkSync(path.join(outside, 'secret.txt'), path.join(lib, 'swapped.txt'));
    expect(await call('library:file-data', { id: idOf('swapped.txt') })).toMatchObject({
      ok: false,
      code: 'unsupported',
      params: { target: path.join(fs.realpathSync(outside), 'secret.txt') },
    });
    ws.close();
  });

  it('serves a linked file once its target folder is a library folder too', async () => {
    const { ws, call, outside, idOf } = await setup();
    expect((await call('library:add-folder', { path: outside })).ok).toBe(true);
    await ws.library.whenIdle();
    expect(await call('library:file-data', { id: idOf('link.txt') })).toMatchObject({ ok: true });
    ws.close();
  });

  it('answers traversal, encoded, NUL and backslash paths and invalid ids without reading a file', async () => {
    const { ws, call, lib, outside } = await setup();
    const tries = [
      path.join(lib, '..', 'outside', 'secret.txt'),
      path.join(outside, 'secret.txt'),
      `${lib}/%2e%2e/outside/secret.txt`,
      `${lib}/..%2foutside%2fsecret.txt`,
      `${lib}/note.txt\0.pdf`,
      `${lib}\\..\\outside\\secret.txt`,
      '/etc/passwd',
      '../../../../etc/passwd',
    ];
    for (const p of tries)
      expect(await call('library:find-by-path', { path: p })).toEqual({ ok: true, value: null });
    for (const id of [-1, 0, 2 ** 31, Number.MAX_SAFE_INTEGER])
      expect(await call('library:file-data', { id })).toMatchObject({ ok: false, code: 'not_found' });
    for (const id of ['1', 1.5, NaN, Infinity, null, { $gt: 0 }, [1], '../note.txt'])
      expect(await call('library:file-data', { id })).toMatchObject({
        ok: false,
        code: 'invalid_input',
        path: ['id'],
      });
    ws.close();
  });
});
