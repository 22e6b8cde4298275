import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CORE_NODE_FLAGS } from '../../../../main/core/util/node-flags';

// The core's V8 flags are given on the command lines of package.json's scripts (V8 takes heap sizes only at
// start), so the scripts and the constant the benchmark measures with must not drift apart.
describe('the core processes’ Node flags', () => {
  const scripts = (
    JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../../../package.json'), 'utf8')) as {
      scripts: Record<string, string>;
    }
  ).scripts;

  it.each(['start', 'serve', 'cli'])('npm run %s starts the core with every one of them', (name) => {
    const line = scripts[name]!;
    const core = line.split('&&').pop()!.trim().split(/\s+/);
    expect(['node', 'tsx']).toContain(core[0]);
    for (const flag of CORE_NODE_FLAGS) expect(core.slice(1, 1 + CORE_NODE_FLAGS.length)).toContain(flag);
  });
});
