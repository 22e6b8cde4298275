import fs from 'node:fs';
import type { DocumentDto, SearchResultDto } from '../../preload/contract';
import { WorkspaceService } from '../core/workspace/workspace-service';
import { userDataDir } from '../core/workspace/paths';
import { progressBar } from './progress-bar';

/** Output sink of the CLI (stdout by default; tests collect lines). */
export type Out = (line: string) => void;

/** Opens a workspace for one CLI command (no folder watching) and always shuts it down. */
async function withWorkspace<T>(
  file: string,
  create: boolean,
  f: (ws: WorkspaceService) => Promise<T>,
  maxBytes?: number,
): Promise<T> {
  const ws = new WorkspaceService(userDataDir(), 'node', { watch: false, progressIntervalMs: 200, maxBytes });
  ws.open(file, { create });
  try {
    return await f(ws);
  } finally {
    await ws.shutdown();
  }
}

/**
 * `init`: creates a workspace file; with `sample`, seeded with the sample workspace and its documents, which are
 * indexed and searched for evidence before the command returns — the same workspace the app creates at first
 * start, so `report evidence` and the gaps report's candidate pages agree with the app. A file that exists is
 * left as it is (answer 1 when the sample was asked for, else 0).
 * @throws WellspringError when the file cannot be created
 */
export async function initCommand(file: string, sample: boolean, out: Out): Promise<number> {
  if (fs.existsSync(file)) {
    out(`${file} already exists; it was left as it is.`);
    return sample ? 1 : 0;
  }
  const ws = new WorkspaceService(userDataDir(), 'node', { watch: false, progressIntervalMs: 200 });
  ws.open(file, { create: true, sample });
  try {
    if (!sample) {
      out(`Created ${file}.`);
      return 0;
    }
    await ws.whenLibraryIdle();
    ws.evidence.refreshIfStale();
    await ws.evidence.whenIdle();
    const s = ws.store.stats();
    const docs = ws.libraryStore.documents({}).total;
    const proposals = ws.evidence.progress().proposals;
    out(
      `Created ${file} with the sample workspace (${s.nodeTotal} nodes · ${s.edgeTotal} edges; ` +
        `${docs} documents indexed, ${proposals} evidence proposals).`,
    );
    return 0;
  } finally {
    await ws.shutdown();
  }
}

/**
 * `index <folder>`: adds the folder to the workspace's library and extracts every new or changed file, with a
 * progress bar on a terminal. Prints the counts by status and every file with a problem, with its reason.
 */
export async function indexCommand(
  file: string,
  folder: string,
  json: boolean,
  out: Out,
  maxMb?: number,
): Promise<number> {
  return withWorkspace(
    file,
    true,
    async (ws) => {
      const bar = progressBar();
      const off = ws.onEvent((event, payload) => {
        if (event === 'library:did-progress') bar.update(payload as never);
      });
      const f = await ws.library.addFolder(folder);
      await ws.library.whenIdle();
      off();
      if (!json) bar.done(ws.library.progress());
      const summary = ws.libraryStore.folder(f.id);
      const problems = ws.libraryStore.documents({ folderId: f.id, problemsOnly: true, limit: 1000 }).docs;
      if (json) {
        out(
          JSON.stringify(
            { folder: summary.path, counts: summary.counts, problems: problems.map(problemJson) },
            null,
            2,
          ),
        );
      } else {
        out(
          `${summary.path}: ${
            Object.entries(summary.counts)
              .map(([s, n]) => `${n} ${s}`)
              .join(', ') || 'no files'
          }`,
        );
        for (const d of problems) out(`  ${d.status.padEnd(15)} ${d.path}${d.error ? ` — ${d.error}` : ''}`);
      }
      return 0;
    },
    maxMb === undefined ? undefined : Math.round(maxMb * 1024 * 1024),
  );
}

/** `status`: every folder with counts by status, and (with --problems, or always in JSON) the problem files. */
export async function statusCommand(
  file: string,
  json: boolean,
  problemsOnly: boolean,
  out: Out,
): Promise<number> {
  return withWorkspace(file, false, async (ws) => {
    const folders = ws.libraryStore.folders();
    const problems = ws.libraryStore.documents({ problemsOnly: true, limit: 1000 });
    if (json) {
      const docs = problemsOnly ? problems.docs : ws.libraryStore.documents({ limit: 1000 }).docs;
      out(JSON.stringify({ folders, documents: docs.map(problemJson) }, null, 2));
      return 0;
    }
    if (folders.length === 0)
      out('The library has no folders yet: npm run cli -- index <folder> --workspace …');
    for (const f of folders) {
      out(
        `${f.path}: ${
          Object.entries(f.counts)
            .map(([s, n]) => `${n} ${s}`)
            .join(', ') || 'no files'
        }`,
      );
    }
    if (problemsOnly || problems.total > 0) {
      out(`${problems.total} file${problems.total === 1 ? '' : 's'} with problems`);
      for (const d of problems.docs)
        out(`  ${d.status.padEnd(15)} ${d.path}${d.error ? ` — ${d.error}` : ''}`);
    }
    return 0;
  });
}

/** `search "<query>"`: matching documents with their pages and snippets (and graph nodes). */
export async function searchCommand(
  file: string,
  query: string,
  options: { json: boolean; limit?: number; types?: string[] },
  out: Out,
): Promise<number> {
  return withWorkspace(file, false, async (ws) => {
    const r: SearchResultDto = ws.search.query(query, {
      limit: options.limit ?? 1000,
      filters: options.types ? { types: options.types } : undefined,
    });
    if (options.json) {
      out(
        JSON.stringify(
          {
            query: r.query,
            total: r.total,
            tookMs: r.tookMs,
            documents: r.docs.map((d) => ({
              path: d.doc.path,
              score: d.score,
              pages: d.pages.map((p) => p.page),
              snippets: d.pages.flatMap((p) => p.snippets.map((s) => ({ page: p.page, text: s.text }))),
            })),
            nodes: r.nodes.map((n) => ({ id: n.node.id, kind: n.node.kind, label: n.node.label })),
          },
          null,
          2,
        ),
      );
      return 0;
    }
    out(`${r.total} document${r.total === 1 ? '' : 's'} for “${r.query}” (${r.tookMs.toFixed(1)} ms)`);
    for (const d of r.docs) {
      out(`${d.doc.path}  (pages ${d.pages.map((p) => p.page).join(', ')})`);
      const first = d.pages[0]?.snippets[0];
      if (first) out(`    p.${d.pages[0]!.page}: ${first.text.replace(/\s+/g, ' ')}`);
    }
    for (const n of r.nodes) out(`[${n.node.kind}] ${n.node.label}`);
    return 0;
  });
}

function problemJson(d: DocumentDto) {
  return {
    path: d.path,
    status: d.status,
    error: d.error,
    pages: d.pageCount,
    mime: d.mime,
    encoding: d.encoding,
  };
}
