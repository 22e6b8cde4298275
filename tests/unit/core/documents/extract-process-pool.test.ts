import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openWorkspaceDb } from '../../../../main/core/db/workspace-db';
import { extractFile } from '../../../../main/core/documents/extract/extract-file';
import {
  childBudgetMb,
  DEFAULT_MEMORY_BUDGET_MB,
  ExtractProcessPool,
} from '../../../../main/core/documents/extract-process-pool';
import { LibraryService } from '../../../../main/core/documents/library-service';
import { LibraryStore } from '../../../../main/core/documents/library-store';
import { reasonOf } from '../../../../main/core/documents/reasons';
import { fixture, tempDir } from '../../helpers';
import { RecordingIndex } from './recording-index';

// The extraction process pool (extract-process-pool.ts, children from extract-child.ts through tsx). The hang and
// the crash are the child's test hooks (WELLSPRING_EXTRACT_TEST_HANG / _CRASH, read by each child at start from the
// environment it inherits): a task on a file whose name holds the text spins forever on the child's event loop, or
// the child SIGKILLs itself after the file's first page. Everything else is real extraction of real PDFs.
process.env.WELLSPRING_EXTRACT_TEST_HANG = 'hangs-pdfjs';
process.env.WELLSPRING_EXTRACT_TEST_CRASH = 'crashes-child';

const pools: ExtractProcessPool[] = [];
const services: LibraryService[] = [];
afterEach(async () => {
  for (const s of services.splice(0)) await s.close();
  for (const p of pools.splice(0)) await p.close();
});

function pool(options: ConstructorParameters<typeof ExtractProcessPool>[0] = {}): ExtractProcessPool {
  // At the app's own priority unless a test asks (the lowered one is tested once): on a machine loaded by other
  // work, niced children would make these tests slow, not different.
  const p = new ExtractProcessPool({ processes: 1, niceness: 0, ...options });
  pools.push(p);
  return p;
}

/** A folder with copies of real PDFs under the given names. */
function folder(files: Record<string, string>): string {
  const dir = tempDir();
  for (const [name, from] of Object.entries(files)) fs.copyFileSync(fixture(from), path.join(dir, name));
  return dir;
}

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

async function until(check: () => boolean, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('condition not reached');
    await new Promise((r) => setTimeout(r, 50));
  }
}

// The time limit of a task counts from its last page (and from the child's 'started' message, after pdf.js has
// loaded): 10 s here, so a hang costs 10 s (5 s timed out the one-page raw_text.pdf read after the hang at load 20 on 2
// cores, 3 s at load 12). The files read within that limit are one-page text PDFs (raw_text.pdf, no OCR; a hung
// file's content is never read, so it is one too). The LibraryService case runs its children at niceness 10, which a
// loaded machine starves: 15 s there.
const TIMEOUT_MS = 10_000;
const SERVICE_TIMEOUT_S = 15;

describe('ExtractProcessPool', { timeout: 120_000 }, () => {
  it('kills a file that hangs after the timeout ("timed out after N s") and reads the next files in a new process', async () => {
    const dir = folder({
      'a hangs-pdfjs.pdf': 'documents/textract/raw_text.pdf',
      'b.pdf': 'documents/textract/raw_text.pdf',
    });
    const p = pool({ timeoutMs: TIMEOUT_MS });
    const hung = await p.run({ path: path.join(dir, 'a hangs-pdfjs.pdf') });
    expect(hung.status).toBe('failed');
    expect(hung.error).toBe('a hangs-pdfjs.pdf: timed out after 10 s');
    expect(reasonOf(hung.error)).toEqual({
      key: 'library:reasons.timedOut',
      params: { name: 'a hangs-pdfjs.pdf', seconds: '10' },
    });
    const next = await p.run({ path: path.join(dir, 'b.pdf') });
    expect(next.status, next.error).toBe('indexed');
    expect(next.pages[0]!.text).toContain('I love word documents');
    expect(p.spawned).toBe(2);
  });

  it('gives a file whose process dies mid-file a failed status, and the other files go on', async () => {
    const dir = folder({
      'zhs-man crashes-child.pdf': 'documents/bench-pdf/zhs-man.pdf',
      'b.pdf': 'documents/textract/raw_text.pdf',
    });
    const p = pool({ processes: 2 });
    const [crashed, next] = await Promise.all([
      p.run({ path: path.join(dir, 'zhs-man crashes-child.pdf') }),
      p.run({ path: path.join(dir, 'b.pdf') }),
    ]);
    expect(crashed.status).toBe('failed');
    expect(crashed.error).toBe(
      'zhs-man crashes-child.pdf: the extraction process ended unexpectedly (SIGKILL)',
    );
    expect(reasonOf(crashed.error)?.key).toBe('library:reasons.extractionCrashed');
    expect(next.status).toBe('indexed');
    const after = await p.run({ path: path.join(dir, 'b.pdf') });
    expect(after.status).toBe('indexed');
  });

  it('reads a multi-page PDF in page ranges with the same result as the whole file', async () => {
    const file = fixture('documents/bench-pdf/zhs-man.pdf');
    const whole = await extractFile(file);
    expect(whole.pageCount).toBe(15);
    // A budget that no range passes, so that the two processes stay for the whole file.
    const p = pool({ processes: 2, rangePages: 4, rssBudgetMb: 4096 });
    const progress: Array<[number, number]> = [];
    const split = await p.run({ path: file }, undefined, (done, total) => progress.push([done, total]));
    const { sha256, ...result } = split;
    expect(result).toEqual(whole);
    expect(sha256).toMatch(/^[0-9a-f]{64}$/);
    // Every page reported once, counted over the ranges: 1…15 of 15.
    expect(progress.map(([d]) => d)).toEqual(Array.from({ length: 15 }, (_, i) => i + 1));
    expect(new Set(progress.map(([, t]) => t))).toEqual(new Set([15]));
    // Both processes took ranges of it.
    expect(p.spawned).toBe(2);
  });

  it('runs its processes at lower priority, and cancel kills them', async () => {
    const dir = folder({
      'x hangs-pdfjs.pdf': 'documents/textract/raw_text.pdf',
      'y hangs-pdfjs.pdf': 'documents/textract/raw_text.pdf',
    });
    const p = pool({ processes: 2, timeoutMs: 60_000, niceness: 10 });
    const abort = new AbortController();
    const runs = ['x', 'y'].map((n) =>
      p.run({ path: path.join(dir, `${n} hangs-pdfjs.pdf`) }, abort.signal).catch((e: Error) => e),
    );
    await until(() => p.pids().length === 2);
    const pids = p.pids();
    for (const pid of pids) expect(os.getPriority(pid)).toBe(Math.max(os.getPriority(), 10));
    abort.abort();
    for (const r of await Promise.all(runs)) expect((r as Error).name).toBe('AbortError');
    await until(() => pids.every((pid) => !alive(pid)));
    expect(p.pids()).toEqual([]);
  });

  it('replaces a process whose RSS passed its budget after a task', async () => {
    const dir = folder({
      'a.pdf': 'documents/textract/raw_text.pdf',
      'b.pdf': 'documents/pdfjs/issue12823.pdf',
    });
    // A budget no Node process fits in: every task's process is ended after it.
    const p = pool({ rssBudgetMb: 1 });
    for (const f of ['a.pdf', 'b.pdf', 'a.pdf'])
      expect((await p.run({ path: path.join(dir, f) })).status).toBe('indexed');
    expect(p.spawned).toBe(3);
  });
});

describe('childBudgetMb', () => {
  it('splits the memory budget over the processes, within 128…320 MB each', () => {
    expect(childBudgetMb(DEFAULT_MEMORY_BUDGET_MB, 2)).toBe(180);
    expect(childBudgetMb(DEFAULT_MEMORY_BUDGET_MB, 1)).toBe(320);
    expect(childBudgetMb(400, 3)).toBe(133);
    expect(childBudgetMb(360, 16)).toBe(128);
    expect(childBudgetMb(360, 0)).toBe(320);
  });
});

describe('LibraryService with the process pool', { timeout: 120_000 }, () => {
  it('stores "timed out" for a hanging file and indexes the rest of the folder', async () => {
    const dir = folder({
      'm hangs-pdfjs.pdf': 'documents/textract/raw_text.pdf',
      'n.pdf': 'documents/textract/raw_text.pdf',
      'o.pdf': 'documents/textract/raw_text.pdf',
    });
    const { db } = openWorkspaceDb(path.join(tempDir(), 'lib.wellspring'), { create: true });
    const store = new LibraryStore(db);
    const service = new LibraryService(store, new RecordingIndex(), () => undefined, {
      threads: 1,
      watch: false,
      extractTimeoutS: SERVICE_TIMEOUT_S,
    });
    services.push(service);
    await service.addFolder(dir);
    await service.whenIdle();
    const byName = Object.fromEntries(store.documents({ limit: 10 }).docs.map((d) => [d.name, d]));
    expect(byName['m hangs-pdfjs.pdf']).toMatchObject({
      status: 'failed',
      error: 'm hangs-pdfjs.pdf: timed out after 15 s',
    });
    expect(byName['n.pdf']!.status, byName['n.pdf']!.error ?? '').toBe('indexed');
    expect(byName['o.pdf']!.status, byName['o.pdf']!.error ?? '').toBe('indexed');
  });
});
