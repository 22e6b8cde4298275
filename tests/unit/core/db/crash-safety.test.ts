import { spawn } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openWorkspaceDb } from '../../../../main/core/db/workspace-db';
import { tempDir } from '../../helpers';

const ROUNDS = 12;

/** Runs the writer until it has committed at least one write, then SIGKILLs it after a random delay. */
function runAndKill(file: string, delayMs: number): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', path.join(__dirname, 'crash-writer.ts'), file],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
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
      if (signal !== 'SIGKILL') reject(new Error(`writer exited on its own: ${err}`));
      // Only whole lines were reported after their transaction committed.
      else resolve(out.split('\n').slice(0, -1));
    });
  });
}

describe('crash safety (SIGKILL in the middle of writes)', () => {
  it(`keeps every committed change and stays consistent over ${ROUNDS} kills`, async () => {
    const file = path.join(tempDir(), 'crash.wellspring');
    const committedNodes = new Set<string>();
    const doomedNodes = new Set<string>();
    const committedEdges = new Map<string, string>(); // edge id → its target node
    for (let round = 0; round < ROUNDS; round++) {
      const lines = await runAndKill(file, 20 + Math.floor(Math.random() * 300));
      for (const line of lines) {
        const [what, id, extra] = line.split(' ') as [string, string, string?];
        if (what === 'node') (extra === 'doomed' ? doomedNodes : committedNodes).add(id);
        else if (what === 'edge') committedEdges.set(id, extra!);
      }
      const { db } = openWorkspaceDb(file);
      try {
        expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
        expect(db.pragma('foreign_key_check')).toEqual([]);
        const nodeIds = new Set(db.prepare('SELECT id FROM nodes').pluck().all() as string[]);
        const edgeIds = new Set(db.prepare('SELECT id FROM edges').pluck().all() as string[]);
        for (const id of committedNodes) expect(nodeIds.has(id)).toBe(true);
        // A node about to be deleted (and the edge to it) may be gone: its delete may have committed unreported.
        for (const [id, target] of committedEdges)
          expect(edgeIds.has(id) || doomedNodes.has(target)).toBe(true);
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
            expect(nodeIds.has(ops[ops.length - 1]!.id!)).toBe(false);
          } else if (action === 'add') {
            const id = ops[0]!.row!.id;
            expect(nodeIds.has(id) || laterDeleted.has(id)).toBe(true);
          } else {
            const id = ops[0]!.row!.id;
            expect(edgeIds.has(id) || laterDeleted.has(id)).toBe(true);
          }
        }
        const newest = db.prepare('SELECT id FROM nodes ORDER BY rowid DESC LIMIT 1').pluck().get() as string;
        expect(entries.some((e) => e.forward.includes(newest))).toBe(true);
      } finally {
        db.close();
      }
    }
    expect(committedNodes.size).toBeGreaterThan(ROUNDS);
  });
});
