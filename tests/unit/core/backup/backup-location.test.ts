import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  assertOutsideLibrary,
  backupFileName,
  backupFolder,
  isInside,
  listBackups,
  newBackupTarget,
  parseBackupName,
} from '../../../../main/core/backup/backup-location';
import { openWorkspaceDb } from '../../../../main/core/db/workspace-db';
import { fixture, tempDir } from '../../helpers';

describe('backup names and folders', () => {
  it('names a backup after the workspace and the local minute it was taken', () => {
    const ws = '/data/km/销售知识.wellspring';
    expect(backupFileName(ws, new Date(2026, 11, 3, 9, 5))).toBe('销售知识-2026-12-03T0905.wellspring');
    expect(backupFileName(ws, new Date(2027, 0, 1, 0, 0), 2)).toBe('销售知识-2027-01-01T0000-2.wellspring');
    expect(parseBackupName(ws, '销售知识-2027-01-01T0000-2.wellspring')).toEqual({
      takenAt: new Date(2027, 0, 1, 0, 0),
      seq: 2,
    });
    for (const stray of [
      '销售知识-2026-02-30T0900.wellspring', // no 30 February
      '销售知识-2026-12-03T2460.wellspring',
      'other-2026-12-03T0905.wellspring',
      '销售知识-2026-12-03T0905.wellspring.partial',
      '.销售知识-2026-12-03T0905.wellspring.1.2.partial',
    ])
      expect(parseBackupName(ws, stray), stray).toBeNull();
  });

  it('keeps each workspace’s backups in its own folder of the user data folder', () => {
    const data = '/home/u/.config/Wellspring';
    const a = backupFolder('/work/a/sample.wellspring', data);
    expect(path.dirname(a)).toBe(path.join(data, 'backups'));
    expect(path.basename(a)).toMatch(/^sample-[0-9a-f]{8}$/);
    expect(backupFolder('/work/a/../a/sample.wellspring', data)).toBe(a); // the same file
    expect(backupFolder('/work/b/sample.wellspring', data)).not.toBe(a); // same name, other file
  });

  it('never picks an existing name for a new backup', () => {
    const data = tempDir();
    const ws = path.join(data, 'w.wellspring');
    const now = new Date(2026, 11, 3, 9, 15);
    const first = newBackupTarget(ws, 'manual', now, data);
    fs.writeFileSync(first, '');
    const second = newBackupTarget(ws, 'manual', now, data);
    expect(path.basename(first)).toBe('w-2026-12-03T0915.wellspring');
    expect(path.basename(second)).toBe('w-2026-12-03T0915-2.wellspring');
    expect(path.dirname(second)).toBe(path.join(backupFolder(ws, data), 'manual'));
  });
});

describe('listBackups', () => {
  it('lists every kind newest first, with the before-migration copy openWorkspaceDb made beside the workspace', () => {
    const data = tempDir();
    const ws = path.join(tempDir(), 'old.wellspring');
    fs.copyFileSync(fixture('workspace-v1.wellspring'), ws);
    const { db, backupPath } = openWorkspaceDb(ws); // migrates, writing old.wellspring.v1.bak
    db.close();
    const put = (kind: 'daily' | 'manual' | 'before-restore', at: Date, bytes: number) => {
      const f = newBackupTarget(ws, kind, at, data);
      fs.writeFileSync(f, Buffer.alloc(bytes));
      return f;
    };
    const daily = put('daily', new Date(2026, 10, 30, 8, 0), 10);
    const manual = put('manual', new Date(2026, 11, 1, 17, 30), 20);
    const restore = put('before-restore', new Date(2026, 10, 29, 12, 0), 30);
    fs.writeFileSync(path.join(backupFolder(ws, data), 'daily', 'notes.txt'), 'not a backup');
    const list = listBackups(ws, data);
    // The migration copy is dated by its file time: now, so the newest.
    expect(list.map((b) => [b.kind, b.file])).toEqual([
      ['before-migration', backupPath],
      ['manual', manual],
      ['daily', daily],
      ['before-restore', restore],
    ]);
    expect(list[1]).toEqual({
      file: manual,
      takenAt: new Date(2026, 11, 1, 17, 30).toISOString(),
      size: 20,
      kind: 'manual',
    });
    expect(Date.now() - Date.parse(list[0]!.takenAt)).toBeLessThan(60_000);
  });

  it('lists nothing for a workspace without backups', () => {
    expect(listBackups(path.join(tempDir(), 'new.wellspring'), tempDir())).toEqual([]);
  });
});

describe('the library guard', () => {
  it('tells a folder inside a library folder from one beside it', () => {
    expect(isInside('/home/u/Documents/x/backups', '/home/u/Documents')).toBe(true);
    expect(isInside('/home/u/Documents', '/home/u/Documents')).toBe(true);
    expect(isInside('/home/u/Documents-old/backups', '/home/u/Documents')).toBe(false);
    expect(isInside('/home/u', '/home/u/Documents')).toBe(false);
    expect(() => assertOutsideLibrary('/w.wellspring', '/lib/b', ['/other'])).not.toThrow();
    expect(() => assertOutsideLibrary('/w.wellspring', '/lib/b', ['/other', '/lib'])).toThrow(
      expect.objectContaining({
        code: 'invalid_input',
        key: 'backup:errors.insideLibrary',
        params: { workspace: '/w.wellspring', folder: '/lib/b', library: '/lib' },
      }),
    );
  });
});
