import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { runCli } from '../../../main/cli/index';
import { tempDir } from '../helpers';

describe('cli', () => {
  it('init --sample then stats --json counts nodes and edges by kind', async () => {
    const file = path.join(tempDir(), '样例 工作区.wellspring');
    const out: string[] = [];
    expect(await runCli(['init', '--workspace', file, '--sample'], (s) => out.push(s))).toBe(0);
    expect(out[0]).toMatch(
      /with the sample workspace \(\d+ nodes · \d+ edges; 7 documents indexed, [1-9]\d* evidence proposals\)/,
    );
    out.length = 0;
    expect(await runCli(['stats', '--workspace', file, '--json'], (s) => out.push(s))).toBe(0);
    const stats = JSON.parse(out[0]!) as {
      nodes: Record<string, number>;
      nodeTotal: number;
      edgeTotal: number;
    };
    expect(stats.nodeTotal).toBe(Object.values(stats.nodes).reduce((a, b) => a + b, 0));
    expect(stats.nodes.knowledge).toBeGreaterThan(100);
    out.length = 0;
    expect(await runCli(['stats', '--workspace', file], (s) => out.push(s))).toBe(0);
    expect(out[0]).toBe(`${stats.nodeTotal} nodes · ${stats.edgeTotal} edges`);
  });

  it('fails clearly on a file that is not a workspace and on bad usage', async () => {
    const file = path.join(tempDir(), 'x.wellspring');
    fs.writeFileSync(file, 'hello');
    const err = vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(await runCli(['stats', '--workspace', file])).toBe(1);
    expect(err.mock.calls[0]![0]).toMatch(/is not a Wellspring workspace.*\[not_a_workspace\]/);
    expect(await runCli(['frobnicate'])).toBe(2);
    expect(await runCli(['stats', '--bogus'])).toBe(2);
    err.mockRestore();
    expect(fs.readFileSync(file, 'utf8')).toBe('hello');
  });
});
