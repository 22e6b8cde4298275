import os from 'node:os';
import path from 'node:path';

/** The product name; Electron derives its user-data folder from it, and so do we outside Electron. */
export const APP_NAME = 'Wellspring';
/** File extension of a workspace (an SQLite database). */
export const WORKSPACE_EXT = '.wellspring';

/**
 * The per-user data folder, the same one Electron's `app.getPath('userData')` gives for this product:
 * `%APPDATA%\Wellspring` on Windows, `~/Library/Application Support/Wellspring` on macOS, and
 * `$XDG_CONFIG_HOME/Wellspring` (default `~/.config/Wellspring`) elsewhere. `WELLSPRING_USER_DATA` overrides it
 * (tests and portable installs).
 */
export function userDataDir(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
): string {
  if (env.WELLSPRING_USER_DATA) return path.resolve(env.WELLSPRING_USER_DATA);
  const home = os.homedir();
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), APP_NAME);
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', APP_NAME);
  return path.join(env.XDG_CONFIG_HOME ?? path.join(home, '.config'), APP_NAME);
}

/** Where the sample workspace is created on first run: `<userData>/workspaces/sample.wellspring`. */
export function defaultWorkspacePath(dataDir: string = userDataDir()): string {
  return path.join(dataDir, 'workspaces', `sample${WORKSPACE_EXT}`);
}
