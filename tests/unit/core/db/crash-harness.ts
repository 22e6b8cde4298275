// The crash-safety runs (crash-safety.test.ts: short, in `npm test`; tests/soak/crash-safety.soak.ts: 100 kills):
// a child process writes to a workspace (edits: crash-writer.ts; imports: crash-importer.ts; document indexing:
// crash-indexer.ts) and reports each commit on stdout; it is SIGKILLed at a random moment; then the workspace is
// opened and checked against everything the child reported. No vitest here: a failed check throws an Error.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openWorkspaceDb } from '../../../../main/core/db/workspace-db';
import { LibraryStore } from '../../../../main/core/documents/library-store';
import { GraphStore } from '../../../../main/core/graph/graph-store';
import { HISTORY_LIMIT } from '../../../../main/core/graph/history-log';
import { SearchService } from '../../../../main/core/search/search-service';
import { WorkspaceService } from '../../../../main/core/workspace/workspace-service';

/** What the children write to. */
export type CrashKind = 'edit' | 'import' | 'index';

/**
 * A seeded pseudo-random generator (mulberry32, Tommy Ettinger's public-domain 32-bit generator): the same seed gives
 * the same kill moments. Returns floats in [0, 1).
 */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const CHILD: Record<CrashKind, string> = {
  edit: path.join(__dirname, 'crash-writer.ts'),
  import: path.join(__dirname, 'crash-importer.ts'),
  index: path.join(__dirname, 'crash-indexer.ts'),
};

/** Kill moments (ms after the child's first committed line), from the least to the most, per kind. */
const DELAY: Record<CrashKind, [number, number]> = {
  edit: [20, 320],
  import: [10, 1500],
  index: [50, 15_000],
};

/**
 * Runs a child until it has reported its first commit, then SIGKILLs it `delayMs` later. Resolves with the whole
 * lines it wrote (a line is written only after its commit returned). Rejects when the child ends by itself.
 */
function runAndKill(kind: CrashKind, args: string[], delayMs: number): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD[kind], ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    let armed = false;
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      if (!armed) {
        armed = true;
        setTimeout(() => child.kill('SIGKILL'), delayMs);
      }
    });
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('exit', (_code, signal) => {
      if (signal !== 'SIGKILL') reject(new Error(`${kind} child exited on its own: ${err}`));
      else resolve(out.split('\n').slice(0, -1));
    });
  });
}

function check(ok: boolean, message: string): void {
  if (!ok) throw new Error(message);
}

/** Opens the file as the app does and checks SQLite's own consistency checks. */
function openChecked(file: string) {
  const { db } = openWorkspaceDb(file);
  const integrity = db.pragma('integrity_check', { simple: true });
  check(integrity === 'ok', `integrity_check: ${String(integrity)}`);
  const fk = db.pragma('foreign_key_check') as unknown[];
  check(fk.length === 0, `foreign_key_check: ${JSON.stringify(fk.slice(0, 3))}`);
  return db;
}

/** Everything the edit child reported so far, checked after each kill (the checks of the original 12-kill test). */
export class EditLedger {
  readonly committedNodes = new Set<string>();
  private readonly doomedNodes = new Set<string>();
  private readonly committedEdges = new Map<string, string>();

  record(lines: readonly string[]): number {
    for (const line of lines) {
      const [what, id, extra] = line.split(' ') as [string, string, string?];
      if (what === 'node') (extra === 'doomed' ? this.doomedNodes : this.committedNodes).add(id);
      else if (what === 'edge') this.committedEdges.set(id, extra!);
    }
    return lines.length;
  }

  verify(file: string): void {
    const db = openChecked(file);
    try {
      const nodeIds = new Set(db.prepare('SELECT id FROM nodes').pluck().all() as string[]);
      const edgeIds = new Set(db.prepare('SELECT id FROM edges').pluck().all() as string[]);
      for (const id of this.committedNodes) check(nodeIds.has(id), `committed node ${id} is missing`);
      // A node about to be deleted (and the edge to it) may be gone: its delete may have committed unreported.
      for (const [id, target] of this.committedEdges)
        check(edgeIds.has(id) || this.doomedNodes.has(target), `committed edge ${id} is missing`);
      // Every edit writes its rows and its history entry in one transaction: every entry's rows are there
      // (unless a later entry deleted them), and the newest node has its entry.
      const entries = db.prepare('SELECT label, forward FROM history ORDER BY seq').all() as Array<{
        label: string;
        forward: string;
      }>;
      const laterDeleted = new Set<string>();
      for (const entry of [...entries].reverse()) {
        const ops = JSON.parse(entry.forward) as Array<{ op: string; id?: string; row?: { id: string } }>;
        const { action } = JSON.parse(entry.label) as { action: string };
        if (action === 'delete') {
          for (const o of ops) laterDeleted.add(o.id!);
          check(!nodeIds.has(ops[ops.length - 1]!.id!), `a deleted node is still there`);
        } else {
          const id = ops[0]!.row!.id;
          check(
            nodeIds.has(id) || edgeIds.has(id) || laterDeleted.has(id),
            `history entry without its row ${id}`,
          );
        }
      }
      const newest = db.prepare('SELECT id FROM nodes ORDER BY rowid DESC LIMIT 1').pluck().get() as string;
      check(
        entries.some((e) => e.forward.includes(newest)),
        `the newest node ${newest} has no history entry`,
      );
    } finally {
      db.close();
    }
  }
}

/** Every import the import child planned and reported. */
export class ImportLedger {
  private readonly planned = new Map<string, { nodes: number; edges: number }>();
  readonly committed = new Set<string>();

  record(lines: readonly string[]): number {
    let n = 0;
    for (const line of lines) {
      const [what, tag, nodes, edges] = line.split(' ') as [string, string, string?, string?];
      if (what === 'plan') this.planned.set(tag, { nodes: Number(nodes), edges: Number(edges) });
      else if (what === 'import') {
        this.committed.add(tag);
        n++;
      }
    }
    return n;
  }

  /** Every reported import is there whole; the one in flight at the kill is there whole or not at all. */
  verify(file: string): void {
    const db = openChecked(file);
    try {
      const countNodes = db.prepare('SELECT COUNT(*) FROM nodes WHERE label LIKE ?').pluck();
      const countEdges = db
        .prepare('SELECT COUNT(*) FROM edges e JOIN nodes n ON n.id = e.source WHERE n.label LIKE ?')
        .pluck();
      let whole = 0;
      for (const [tag, want] of this.planned) {
        const nodes = countNodes.get(`${tag}·%`) as number;
        const edges = countEdges.get(`${tag}·%`) as number;
        const all = nodes === want.nodes && edges === want.edges;
        if (this.committed.has(tag))
          check(
            all,
            `import ${tag} was reported but has ${nodes}/${want.nodes} nodes, ${edges}/${want.edges} edges`,
          );
        else
          check(
            all || (nodes === 0 && edges === 0),
            `import ${tag} in flight at the kill is partly there: ${nodes}/${want.nodes} nodes, ${edges}/${want.edges} edges`,
          );
        if (all) whole++;
      }
      // One undo step per import, written in the same transaction as its rows.
      const steps = db
        .prepare(`SELECT COUNT(*) FROM history WHERE label LIKE '%"action":"import"%'`)
        .pluck()
        .get() as number;
      if (whole < HISTORY_LIMIT)
        check(steps === whole, `${whole} imports in the graph but ${steps} import undo steps`);
    } finally {
      db.close();
    }
  }
}

/** What the index child reported per document, and the snapshots it wrote. */
export class IndexLedger {
  /** doc id → [status, page count, indexed at] of its latest report. */
  readonly docs = new Map<number, [string, number, string]>();
  snapshots = 0;
  /** Rounds whose check found the search snapshot current and used it (else the index was rebuilt from SQLite). */
  fromSnapshot = 0;

  record(lines: readonly string[]): number {
    let n = 0;
    for (const line of lines) {
      const parts = line.split(' ');
      if (parts[0] === 'doc') {
        this.docs.set(Number(parts[1]), [parts[2]!, Number(parts[3]), parts[4]!]);
        n++;
      } else if (parts[0] === 'closed') this.snapshots++;
    }
    return n;
  }

  /**
   * Every reported result is there (or a newer one); no indexed file lacks pages; and the search index that a
   * restart gives (the saved snapshot when current, else rebuilt from SQLite) matches the stored pages: each
   * file with pages is found by a word of its page, and every page a search returns is stored.
   */
  async verify(file: string): Promise<void> {
    const t0 = Date.now();
    const db = openChecked(file);
    try {
      const rows = db.prepare('SELECT id, status, page_count, indexed_at FROM documents').all() as Array<{
        id: number;
        status: string;
        page_count: number;
        indexed_at: string | null;
      }>;
      const byId = new Map(rows.map((r) => [r.id, r]));
      for (const [id, [status, pageCount, at]] of this.docs) {
        const r = byId.get(id);
        check(r !== undefined, `reported document ${id} is missing`);
        check(
          r!.indexed_at !== null && r!.indexed_at >= at,
          `document ${id}: indexed_at ${r!.indexed_at} < reported ${at}`,
        );
        // The same result, or marked pending since (a rescan saw a new mtime; it keeps its pages until re-read).
        if (r!.indexed_at === at)
          check(
            (r!.status === status || r!.status === 'pending') && r!.page_count === pageCount,
            `document ${id}: ${r!.status}/${r!.page_count} pages, reported ${status}/${pageCount}`,
          );
      }
      const pageRows = db.prepare('SELECT id, doc_id, page, text FROM document_pages').all() as Array<{
        id: number;
        doc_id: number;
        page: number;
        text: string;
      }>;
      const stored = new Set(pageRows.map((p) => `${p.doc_id}:${p.page}`));
      const withPages = new Set(pageRows.map((p) => p.doc_id));
      for (const r of rows)
        if (r.status === 'indexed')
          check(withPages.has(r.id), `document ${r.id} is indexed but has no pages`);
      const search = new SearchService(new LibraryStore(db), new GraphStore(db), `${file}.search-index`);
      if (await search.warm()) this.fromSnapshot++;
      const words = new Map<number, { word: string; page: number }>();
      for (const p of pageRows) {
        const word = /[A-Za-z]{6,}/.exec(p.text)?.[0];
        if (word && !words.has(p.doc_id)) words.set(p.doc_id, { word, page: p.page });
      }
      for (const [docId, { word, page }] of words) {
        const hit = search
          .query(word, {
            limit: 5,
            pagesPerDoc: 1000,
            filters: { docIds: [docId], nodes: false },
            expand: false,
            convertScript: false,
          })
          .docs.find((d) => d.doc.id === docId);
        check(
          hit !== undefined,
          `document ${docId}: “${word}” of page ${page} finds nothing after the restart`,
        );
        check(
          hit!.pages.some((p) => p.page === page),
          `document ${docId}: “${word}” found pages ${hit!.pages.map((p) => p.page).join(',')}, not ${page}`,
        );
      }
      for (const { word } of new Set(words.values())) {
        for (const d of search.query(word, {
          limit: 1000,
          pagesPerDoc: 1000,
          filters: { nodes: false },
          expand: false,
          convertScript: false,
        }).docs) {
          check(byId.has(d.doc.id), `search finds document ${d.doc.id}, which the database does not hold`);
          for (const p of d.pages)
            check(
              stored.has(`${d.doc.id}:${p.page}`),
              `search finds page ${p.page} of document ${d.doc.id}, which is not stored`,
            );
        }
      }
      this.verifyMs += Date.now() - t0;
    } finally {
      db.close();
    }
  }

  /** Time spent in verify (ms). */
  verifyMs = 0;
}

/** Real documents for the index child (fixtures/documents; see its ATTRIBUTION.md): PDFs, office files, Markdown. */
export const INDEX_FILES = [
  'pdfjs/issue12823.pdf',
  'pdfjs/issue15340.pdf',
  'pdfjs/issue6010_1.pdf',
  'pdfjs/Pages-tree-refs.pdf',
  'pdf-parse/03-invalid.pdf',
  'textract/raw_text.pdf',
  'textract/raw_text.docx',
  'textract/raw_text.odt',
  'textract/raw_text.html',
  'textract/raw_text.pptx',
  'mammoth/footnotes.docx',
  'derived-zh/maint-guide.first.zh-cn.md',
];

/** Per kind: kills done, commits the children reported, and (index) snapshots written and used. */
export interface CrashSummary {
  seed: number;
  kills: Record<CrashKind, number>;
  commits: Record<CrashKind, number>;
  snapshotsWritten: number;
  roundsFromSnapshot: number;
  seconds: number;
  /** The workspace of each kind (left in `dir`) and what its child reported, for checking them again. */
  workspaces: Record<CrashKind, string>;
  ledgers: { edit: EditLedger; import: ImportLedger; index: IndexLedger };
}

/** Options of runCrashRounds. */
export interface CrashOptions {
  /** After the last index round, open the workspace as the app does, extract what is pending, check again (default true). */
  resume?: boolean;
  /** A line per round (default none). */
  log?: (line: string) => void;
}

/**
 * Runs `rounds` kill rounds of each kind, interleaved in an order drawn from `seed` (kill moments too: uniform in
 * DELAY's range for the kind), each kind on its own workspace in `dir`. After every kill the workspace is checked
 * (EditLedger, ImportLedger, IndexLedger); after the last index round (unless `options.resume` is false) the
 * workspace is opened as the app opens it, the files left pending are extracted (resume), and it is checked once
 * more with no file pending.
 * @throws Error naming the round, kind and seed of the first failed check
 */
export async function runCrashRounds(
  rounds: Record<CrashKind, number>,
  seed: number,
  dir: string,
  options: CrashOptions = {},
): Promise<CrashSummary> {
  const log = options.log ?? (() => undefined);
  const t0 = Date.now();
  const random = seededRandom(seed);
  const files: Record<CrashKind, string> = {
    edit: path.join(dir, 'edit.wellspring'),
    import: path.join(dir, 'import.wellspring'),
    index: path.join(dir, 'index.wellspring'),
  };
  const docs = path.join(dir, 'documents');
  fs.mkdirSync(docs, { recursive: true });
  const fixtures = path.resolve(__dirname, '../../../../fixtures/documents');
  for (const f of INDEX_FILES) fs.copyFileSync(path.join(fixtures, f), path.join(docs, path.basename(f)));
  const edits = new EditLedger();
  const imports = new ImportLedger();
  const index = new IndexLedger();
  const order: CrashKind[] = [];
  for (const k of ['edit', 'import', 'index'] as const) for (let i = 0; i < rounds[k]; i++) order.push(k);
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  const summary: CrashSummary = {
    seed,
    kills: { edit: 0, import: 0, index: 0 },
    commits: { edit: 0, import: 0, index: 0 },
    snapshotsWritten: 0,
    roundsFromSnapshot: 0,
    seconds: 0,
    workspaces: files,
    ledgers: { edit: edits, import: imports, index },
  };
  for (const [round, kind] of order.entries()) {
    const [lo, hi] = DELAY[kind];
    const delay = Math.round(lo + random() * (hi - lo));
    const args = kind === 'index' ? [files.index, docs] : [files[kind]];
    const t1 = Date.now();
    try {
      const lines = await runAndKill(kind, args, delay);
      summary.kills[kind]++;
      if (kind === 'edit') {
        summary.commits.edit += edits.record(lines);
        edits.verify(files.edit);
      } else if (kind === 'import') {
        summary.commits.import += imports.record(lines);
        imports.verify(files.import);
      } else {
        summary.commits.index += index.record(lines);
        await index.verify(files.index);
      }
      log(
        `round ${round + 1}/${order.length}: ${kind}, killed ${delay} ms after its first commit, ` +
          `${lines.length} lines, ${((Date.now() - t1) / 1000).toFixed(1)} s (checks ${index.verifyMs} ms so far): ok`,
      );
    } catch (e) {
      throw new Error(
        `crash round ${round + 1} (${kind}, kill after ${delay} ms, seed ${seed}): ${(e as Error).message}`,
        { cause: e },
      );
    }
  }
  if (rounds.index > 0 && options.resume !== false) {
    const ws = new WorkspaceService(path.join(dir, 'data'), 'node', { watch: false, threads: 1 });
    ws.open(files.index);
    await ws.whenLibraryIdle();
    const pending = ws.libraryStore.pending().length;
    await ws.shutdown();
    check(pending === 0, `${pending} files still pending after resuming`);
    await index.verify(files.index);
  }
  summary.snapshotsWritten = index.snapshots;
  summary.roundsFromSnapshot = index.fromSnapshot;
  summary.seconds = (Date.now() - t0) / 1000;
  return summary;
}

/** The seed: CRASH_SEED from the environment, else drawn now (printed by the callers, so a failure can be rerun). */
export function crashSeed(): number {
  const env = process.env.CRASH_SEED;
  return env ? Number(env) : Math.floor(Math.random() * 2 ** 31);
}

/** A temporary folder for a run (removed by the caller). */
export function crashDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'wellspring-crash-'));
}
