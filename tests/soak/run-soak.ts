// `npm run soak [-- NAME…]`: runs every tests/soak/*.soak.ts (or those whose name contains one of the NAMEs), one
// after the other, each in its own process (tsx, this Node), its output passed through; then prints a summary
// (each file's result and time). Exit code 1 when any failed. See README.md in this folder.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const TSX = path.resolve(__dirname, '../../node_modules/.bin/tsx');

function run(file: string): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [TSX, file], {
      stdio: 'inherit',
      cwd: path.resolve(__dirname, '../..'),
    });
    child.on('close', (code, signal) => resolve(code ?? (signal ? 128 : 1)));
  });
}

async function main(): Promise<number> {
  const filters = process.argv.slice(2);
  const files = fs
    .readdirSync(__dirname)
    .filter((f) => f.endsWith('.soak.ts'))
    .filter((f) => filters.length === 0 || filters.some((n) => f.includes(n)))
    .sort();
  if (files.length === 0) {
    console.log(`no soak file matches ${filters.join(', ')}`);
    return 1;
  }
  const results: Array<{ file: string; code: number; seconds: number }> = [];
  for (const f of files) {
    console.log(`\n=== ${f} (${new Date().toISOString()}) ===`);
    const t0 = Date.now();
    const code = await run(path.join(__dirname, f));
    results.push({ file: f, code, seconds: (Date.now() - t0) / 1000 });
  }
  console.log('\n=== soak summary ===');
  for (const r of results)
    console.log(
      `${r.code === 0 ? 'ok    ' : 'FAILED'} ${r.file.padEnd(32)} ${r.seconds.toFixed(0).padStart(6)} s`,
    );
  return results.some((r) => r.code !== 0) ? 1 : 0;
}

main().then((code) => process.exit(code));
