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
  // Read what the electron package's own index.js reads, without requiring it: requiring it starts a download
  // when the binary is missing, which hangs or fails on offline machines.
  let dir: string;
  try {
    dir = path.dirname(require.resolve('electron/package.json'));
  } catch {
    return { path: null, reason: 'the electron package is not installed' };
  }
  const pathFile = path.join(dir, 'path.txt');
  const exe = fs.existsSync(pathFile) ? fs.readFileSync(pathFile, 'utf8').trim() : null;
  const distDir = process.env.ELECTRON_OVERRIDE_DIST_PATH ?? path.join(dir, 'dist');
  const bin = exe ? path.join(distDir, exe) : null;
  if (bin && fs.existsSync(bin)) return { path: bin, reason: '' };
  return {
    path: null,
    reason: 'its binary was never downloaded; `npx install-electron` fetches it where there is internet',
  };
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
