import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { builtRendererDir } from '../core/host/app-export';
import { WellspringError } from '../core/util/errors';

/**
 * The built renderer the CLI draws views with (export-view, snapshot of a pipeline or competency view): built
 * once with electron-vite when the checkout has none yet, saying so on stderr (a few seconds).
 * @throws WellspringError `internal` when the build fails (its last output lines are the reason)
 */
export function ensureRenderer(): string {
  const found = builtRendererDir();
  if (found) return found;
  console.error('wellspring: building the app once to draw views with (npm run build)…');
  const root = path.resolve(__dirname, '../..');
  const r = spawnSync(process.execPath, [require.resolve('electron-vite/bin/electron-vite.js'), 'build'], {
    cwd: root,
    encoding: 'utf8',
  });
  const built = builtRendererDir();
  if (r.status !== 0 || !built) {
    const reason = `${r.stderr || r.stdout || ''}`.trim().split('\n').slice(-5).join(' ');
    throw new WellspringError('internal', `The app could not be built to draw the view: ${reason}`);
  }
  return built;
}
