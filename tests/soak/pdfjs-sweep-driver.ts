// Child process of the pdf.js corpus sweep (pdfjs-sweep.soak.ts, pdfjs-sweep.ts): indexes one folder through the
// real library service, as the app and `npm run cli -- index` do, and reports on stdout, one JSON object a line:
// `{"done": n, "total": t}` after each file, then `{"end": true, "docs": [...]}` with every file's row.
// Run with `node --import tsx pdfjs-sweep-driver.ts WORKSPACE FOLDER`.
import path from 'node:path';
import type { LibraryProgress } from '../../preload/contract';
import { WorkspaceService } from '../../main/core/workspace/workspace-service';

const [file, folder] = process.argv.slice(2) as [string, string];
// The user data folder (recent.json) beside the workspace, in the sweep's folder, which the sweep removes.
const dataDir = path.join(path.dirname(path.resolve(file)), 'data');
const ws = new WorkspaceService(dataDir, 'node', { watch: false, progressIntervalMs: 0 });
ws.open(file, { create: true });
let lastDone = -1;
ws.onEvent((event, payload) => {
  if (event !== 'library:did-progress') return;
  const p = payload as LibraryProgress;
  if (p.done === lastDone) return;
  lastDone = p.done;
  process.stdout.write(`${JSON.stringify({ done: p.done, total: p.total, current: p.current })}\n`);
});
async function main(): Promise<void> {
  const f = await ws.library.addFolder(folder);
  await ws.library.whenIdle();
  const docs = ws.libraryStore.documents({ folderId: f.id, limit: 100_000 }).docs.map((d) => ({
    path: d.path,
    status: d.status,
    error: d.error,
    errorKey: d.errorKey ?? null,
    pages: d.pageCount,
  }));
  await ws.shutdown();
  process.stdout.write(`${JSON.stringify({ end: true, docs })}\n`);
}

void main();
