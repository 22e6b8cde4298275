import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { serveMain } from './serve';

/**
 * `npm start`: runs the Electron app; where the Electron runtime cannot be found (its binary is downloaded by the
 * `electron` package's install script, which cannot run on offline machines) it says so in one line and serves
 * browser mode instead.
 */
function electronBinary(): { path: string | null; reason: string } {
  try {
    // In plain Node, the electron package exports the path of its binary, or throws when it was not downloaded.
    const bin = require('electron') as unknown;
    if (typeof bin === 'string' && fs.existsSync(bin)) return { path: bin, reason: '' };
    return { path: null, reason: 'the electron package has no runtime binary' };
  } catch (e) {
    return { path: null, reason: e instanceof Error ? e.message.split('\n')[0]! : String(e) };
  }
}

const { path: bin, reason } = electronBinary();
if (bin) {
  const child = spawn(bin, [path.resolve(__dirname, '../..'), ...process.argv.slice(2)], {
    stdio: 'inherit',
  });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  console.log(`Electron runtime unavailable (${reason}) — starting browser mode instead.`);
  serveMain(process.argv.slice(2)).catch((e: unknown) => {
    console.error(`wellspring: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  });
}
