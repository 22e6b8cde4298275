// Child process for the crash test (crash-harness.ts, kind `index`): indexes a folder of real documents through the
// real library service (WorkspaceService, library.addFolder / reindex / resume), over and over, until it is killed
// with SIGKILL: after each run it touches a third of the files (a new mtime) and re-indexes, and after every other run (the first included) it
// builds the search index (a query), shuts the workspace down (which writes the search snapshot) and opens it again.
// It reports on stdout, one line each, what it read back from the database after a file's result was stored (so
// committed): `doc ID STATUS PAGECOUNT INDEXED_AT`; and `closed GENERATION` after a clean shutdown.
// Run with `node --import tsx crash-indexer.ts FILE FOLDER`.
import fs from 'node:fs';
import path from 'node:path';
import { WorkspaceService } from '../../../../main/core/workspace/workspace-service';

const [file, folder] = process.argv.slice(2) as [string, string];
// The user data folder (recent.json) beside the workspace, in the run's folder, which the harness removes.
const dataDir = path.join(path.dirname(path.resolve(file)), 'data');
const seen = new Map<number, string>();

function reportDocs(ws: WorkspaceService): void {
  for (const d of ws.libraryStore.documents({ limit: 10_000 }).docs) {
    if (d.status === 'pending' || !d.indexedAt) continue;
    const line = `doc ${d.id} ${d.status} ${d.pageCount} ${d.indexedAt}`;
    if (seen.get(d.id) === line) continue;
    seen.set(d.id, line);
    process.stdout.write(`${line}\n`);
  }
}

function openWs(): WorkspaceService {
  const ws = new WorkspaceService(dataDir, 'node', { watch: false, threads: 1, progressIntervalMs: 0 });
  ws.onEvent((event) => {
    if (event === 'library:did-progress') reportDocs(ws);
  });
  ws.open(file, { create: true });
  return ws;
}

async function main(): Promise<void> {
  const abs = path.resolve(folder);
  let ws = openWs();
  let folderId = ws.libraryStore.folders().find((f) => f.path === abs)?.id;
  if (folderId === undefined) folderId = (await ws.library.addFolder(abs)).id;
  const names = fs.readdirSync(abs).sort();
  for (let run = 1; ; run++) {
    await ws.library.whenIdle();
    reportDocs(ws);
    if (run % 2 === 1) {
      ws.search.query('the', { limit: 5 });
      const generation = ws.libraryStore.generation();
      await ws.shutdown();
      process.stdout.write(`closed ${generation}\n`);
      ws = openWs();
    }
    const when = new Date(Date.now() + run * 1000);
    names.forEach((n, i) => {
      if ((i + run) % 3 === 0) fs.utimesSync(path.join(abs, n), when, when);
    });
    await ws.library.reindex(folderId);
  }
}

void main();
