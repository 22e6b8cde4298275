import fs from 'node:fs';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { crashDir, crashSeed, runCrashRounds } from './crash-harness';

// SIGKILLs at random moments (seeded: CRASH_SEED=<n> repeats a run) while a child process edits the graph, imports
// a CSV through the import path, or indexes a folder of real documents through the library service; after each
// kill the workspace must open with integrity_check ok and hold every commit the child reported, with a search
// index that matches the stored pages (crash-harness.ts). The long run (100 kills, and the pending files resumed at
// the end) is tests/soak/crash-safety.soak.ts.
const ROUNDS = { edit: 3, import: 2, index: 1 };

/** Runs `sql` on a workspace file with foreign keys off (a loss that the app's own writes could not make). */
function tamper(file: string, sql: string, ...args: unknown[]): number {
  const db = new Database(file);
  try {
    db.pragma('foreign_keys = OFF');
    return db.prepare(sql).run(...args).changes;
  } finally {
    db.close();
  }
}

describe('crash safety (SIGKILL in the middle of writes)', () => {
  it(`keeps every reported commit over ${ROUNDS.edit + ROUNDS.import + ROUNDS.index} kills during edits, imports and indexing`, async () => {
    const seed = crashSeed();
    console.log(`crash safety: seed ${seed} (CRASH_SEED=${seed} repeats the kill moments)`);
    const dir = crashDir();
    try {
      const s = await runCrashRounds(ROUNDS, seed, dir, { resume: false });
      expect(s.kills).toEqual(ROUNDS);
      // Each child committed before it was killed: the checks had something to check.
      expect(s.commits.edit).toBeGreaterThan(ROUNDS.edit);
      expect(s.commits.import).toBeGreaterThanOrEqual(ROUNDS.import);
      expect(s.commits.index).toBeGreaterThanOrEqual(ROUNDS.index);

      // The checks notice a lost commit: one reported row of each kind removed behind the app's back.
      const { ledgers, workspaces } = s;
      const node = [...ledgers.edit.committedNodes][0]!;
      expect(tamper(workspaces.edit, 'DELETE FROM nodes WHERE id = ?', node)).toBe(1);
      expect(() => ledgers.edit.verify(workspaces.edit)).toThrow();
      const tag = [...ledgers.import.committed][0]!;
      const oneEdgeOf = `DELETE FROM edges WHERE id = (SELECT e.id FROM edges e JOIN nodes n ON n.id = e.source
        WHERE n.label LIKE ? LIMIT 1)`;
      expect(tamper(workspaces.import, oneEdgeOf, `${tag}·%`)).toBe(1);
      expect(() => ledgers.import.verify(workspaces.import)).toThrow(/was reported but has/);
      const pagesOfOneIndexed = `DELETE FROM document_pages WHERE doc_id = (SELECT id FROM documents
        WHERE status = 'indexed' AND id IN (SELECT doc_id FROM document_pages) LIMIT 1)`;
      expect(tamper(workspaces.index, pagesOfOneIndexed)).toBeGreaterThan(0);
      await expect(ledgers.index.verify(workspaces.index)).rejects.toThrow(
        /indexed but has no pages|finds nothing/,
      );
    } finally {
      fs.rmSync(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 50 });
    }
  }, 240_000);
});
