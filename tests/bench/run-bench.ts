import { spawn } from 'node:child_process';
import path from 'node:path';

// For the smoke tests: a benchmark runs exactly as `npm run bench:*` runs it (tsx, its own process), so that a
// benchmark that cannot start outside vitest (it once imported vitest through the e2e harness) fails here too.

const REPO = path.resolve(__dirname, '../..');
const TSX = path.join(REPO, 'node_modules/.bin/tsx');
/** Where the smoke runs write their result files (ignored by git, apart from the real benchmarks' results). */
export const SMOKE_RESULTS_DIR = path.join(REPO, 'test-results/bench-smoke');

/** How a benchmark process ended: its exit code (null when killed), the signal, stdout and stderr interleaved. */
export interface BenchRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  output: string;
}

/**
 * Runs `file` (relative to the repository) with tsx on this process's Node, in the repository, with `env` added
 * to this process's environment. After `timeoutMs` its process group gets SIGTERM (Playwright then closes its
 * Chromium), 5 s later SIGKILL; `code` is then null. Rejects only when the process cannot be started: the caller
 * asserts on the result (with `output` as the message).
 */
export function runBench(file: string, env: Record<string, string>, timeoutMs: number): Promise<BenchRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [TSX, path.join(REPO, file)], {
      cwd: REPO,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
      // Its own process group, so a timeout reaches tsx's child (the benchmark itself) too.
      detached: true,
    });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    const signalGroup = (signal: NodeJS.Signals) => {
      try {
        process.kill(-child.pid!, signal);
      } catch {
        // The group is gone already.
      }
    };
    let kill: NodeJS.Timeout | undefined;
    const term = setTimeout(() => {
      output += `\n[smoke] still running after ${timeoutMs} ms: stopped\n`;
      signalGroup('SIGTERM');
      kill = setTimeout(() => signalGroup('SIGKILL'), 5000);
    }, timeoutMs);
    const done = () => {
      clearTimeout(term);
      clearTimeout(kill);
    };
    child.on('error', (e) => {
      done();
      reject(e);
    });
    child.on('close', (code, signal) => {
      done();
      resolve({ code, signal, output });
    });
  });
}

/** What a ratio, a rate or a duration in a result file must be: a finite number above 0. */
export const isPositiveFinite = (n: unknown): boolean => typeof n === 'number' && Number.isFinite(n) && n > 0;
