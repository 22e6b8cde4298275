import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  backupCommand,
  formatBytes,
  listBackupsCommand,
  restoreCommand,
} from '../../../../main/cli/backup-commands';
import { initCommand } from '../../../../main/cli/library-commands';
import { backupFolder, type BackupEntry } from '../../../../main/core/backup/backup-location';
import { WorkspaceService } from '../../../../main/core/workspace/workspace-service';
import { tempDir } from '../../helpers';
import { graphOf } from './sample-workspace';

let data: string;
beforeEach(() => {
  data = tempDir('wellspring-userdata-');
  vi.stubEnv('WELLSPRING_USER_DATA', data); // the CLI's default user data folder
});
afterEach(() => {
  vi.unstubAllEnvs();
});

/** A sample workspace made by the CLI's own `init --sample`. */
async function initSample(): Promise<string> {
  const file = path.join(tempDir(), 'cli.wellspring');
  expect(await initCommand(file, true, () => undefined)).toBe(0);
  return file;
}

describe('backup, list-backups and restore commands', () => {
  it('backs up to the manual folder, lists it, and restores the latest over later changes', async () => {
    const file = await initSample();
    const lines: string[] = [];
    const now = new Date(2026, 11, 3, 9, 15);
    expect(await backupCommand(file, { now }, (l) => lines.push(l))).toBe(0);
    const expected = path.join(backupFolder(file, data), 'manual', 'cli-2026-12-03T0915.wellspring');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      new RegExp(
        `^Backed up .*cli\\.wellspring to .*cli-2026-12-03T0915\\.wellspring \\(\\d+ KB, schema \\d+; integrity check passed\\)\\.$`,
      ),
    );
    expect(fs.existsSync(expected)).toBe(true);
    const backedUp = graphOf(file);

    const listed: string[] = [];
    await listBackupsCommand(file, { json: true }, (l) => listed.push(l));
    const entries = JSON.parse(listed.join('\n')) as BackupEntry[];
    expect(entries.map((e) => [e.kind, e.file])).toEqual([['manual', expected]]);
    const table: string[] = [];
    await listBackupsCommand(file, {}, (l) => table.push(l));
    expect(table[0]).toBe(`1 backup of ${file}, newest first:`);
    expect(table[1]).toMatch(/^ {2}2026-12-03 09:15 {2}manual +\d+ KB {2}\//);

    // A change after the backup, through the app's own service.
    const ws = new WorkspaceService(data, 'node', { watch: false });
    ws.open(file);
    ws.store.addNode({ kind: 'knowledge', label: '备份之后的条目' });
    await ws.shutdown();
    expect(graphOf(file)).not.toEqual(backedUp);

    const restored: string[] = [];
    expect(await restoreCommand(file, { from: 'latest', now }, (l) => restored.push(l))).toBe(0);
    expect(restored[0]).toBe(`Restored ${file} from ${expected}.`);
    expect(restored[1]).toMatch(
      /^The workspace as it was is kept in .*before-restore.*cli-2026-12-03T0915\.wellspring\.$/,
    );
    expect(graphOf(file)).toEqual(backedUp);
    // `latest` skips the before-restore copy: restoring latest again gives the same backup, not the undone change.
    await restoreCommand(file, { from: 'latest', now }, () => undefined);
    expect(graphOf(file)).toEqual(backedUp);
  });

  it('writes --out where asked, and says when a workspace has no backups', async () => {
    const file = await initSample();
    const out = path.join(path.dirname(file), 'hand-made.wellspring');
    const lines: string[] = [];
    await backupCommand(file, { out }, (l) => lines.push(l));
    expect(lines[0]).toContain(`to ${out} (`);
    expect(fs.existsSync(out)).toBe(true);
    await expect(backupCommand(file, { out }, () => undefined)).rejects.toMatchObject({
      key: 'backup:errors.targetExists',
    });
    const folder = backupFolder(file, data);
    await expect(restoreCommand(file, { from: 'latest' }, () => undefined)).rejects.toMatchObject({
      code: 'not_found',
      key: 'backup:errors.noBackups',
      message: `${file} has no backups yet (they are kept in ${folder}).`,
    });
    const none: string[] = [];
    await listBackupsCommand(file, {}, (l) => none.push(l));
    expect(none).toEqual([`${file} has no backups yet (they are kept in ${folder}).`]);
    // --from a file: the hand-made backup restores.
    expect(await restoreCommand(file, { from: out }, () => undefined)).toBe(0);
  });

  it('refuses to back up a workspace that does not exist, making no folder', async () => {
    const missing = path.join(tempDir(), 'nope.wellspring');
    await expect(backupCommand(missing, {}, () => undefined)).rejects.toMatchObject({
      code: 'not_found',
      key: 'errors.workspaceNotFound',
    });
    expect(fs.existsSync(path.join(data, 'backups'))).toBe(false);
  });

  it('prints sizes as a file manager does', () => {
    expect([
      formatBytes(512),
      formatBytes(458_752),
      formatBytes(12.5 * 1024 ** 2),
      formatBytes(3 * 1024 ** 3),
    ]).toEqual(['512 B', '448 KB', '12.5 MB', '3.00 GB']);
  });
});
