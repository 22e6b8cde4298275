import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { GraphDto } from '../../../../preload/contract';
import { GraphStore } from '../../../../main/core/graph/graph-store';
import { WorkspaceService } from '../../../../main/core/workspace/workspace-service';
import { tempDir } from '../../helpers';

/** A new sample workspace opened the way the app opens it (its documents indexed), in a temporary folder. */
export async function openSample(): Promise<{ dir: string; file: string; ws: WorkspaceService }> {
  const dir = tempDir('wellspring-backup-');
  const file = path.join(dir, 'sample.wellspring');
  const ws = new WorkspaceService(dir, 'node', { watch: false });
  ws.open(file, { create: true, sample: true });
  await ws.whenLibraryIdle();
  await ws.evidence.whenIdle();
  return { dir, file, ws };
}

/** The graph stored in a workspace or backup file, read without writing to it (a copy is opened). */
export function graphOf(file: string): GraphDto {
  const copy = path.join(tempDir('wellspring-read-'), 'copy.wellspring');
  fs.copyFileSync(file, copy);
  const db = new Database(copy);
  try {
    return new GraphStore(db).getGraph();
  } finally {
    db.close();
  }
}

/** SHA-256 of a file's bytes. */
export function sha(file: string): string {
  return crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}
