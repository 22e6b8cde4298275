import path from 'node:path';
import { expect } from 'vitest';
import { runCli } from '../../../main/cli/index';
import { WorkspaceService } from '../../../main/core/workspace/workspace-service';
import { tempDir } from '../helpers';

/** A new sample workspace made by `init --sample` (its documents indexed); returns its path. */
export async function sample(): Promise<string> {
  const file = path.join(tempDir(), 'w.wellspring');
  expect(await runCli(['init', '--workspace', file, '--sample'], () => {})).toBe(0);
  return file;
}

/** Runs the CLI with `args`; its exit code and what it printed to stdout (lines joined by \n). */
export async function run(args: string[]): Promise<{ code: number; out: string }> {
  const lines: string[] = [];
  const code = await runCli(args, (s) => lines.push(s));
  return { code, out: lines.join('\n') };
}

/** What the app's services say about the same file: `f` over a WorkspaceService opened on it, then shut down. */
export async function withApp<T>(file: string, f: (ws: WorkspaceService) => T | Promise<T>): Promise<T> {
  const ws = new WorkspaceService(tempDir(), 'node', { watch: false });
  ws.open(file);
  try {
    return await f(ws);
  } finally {
    await ws.shutdown();
  }
}
