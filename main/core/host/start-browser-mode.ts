import fs from 'node:fs';
import path from 'node:path';
import { createHandlers } from '../api/handlers';
import { startBrowserServer, type BrowserServer } from '../server/browser-server';
import { WorkspaceService } from '../workspace/workspace-service';
import { defaultWorkspacePath, userDataDir } from '../workspace/paths';
import { isTeamAddress } from '../team/team-url';

export interface BrowserModeOptions {
  /**
   * Workspace file or team workspace address (postgres://…; it must exist: nothing is created on a server);
   * default: the sample workspace in the user-data folder, created with the sample on first run. */
  workspace?: string;
  port?: number;
  /** Folder with the built renderer. */
  rendererDir: string;
  dataDir?: string;
}

/**
 * Opens the workspace and serves the app on 127.0.0.1 (browser mode). A missing default workspace is created and
 * seeded with the sample; a missing file named by the user is created empty. A team workspace is followed live.
 * @throws WellspringError when the workspace cannot be opened; Error when the renderer has not been built.
 */
export async function startBrowserMode(
  options: BrowserModeOptions,
): Promise<{ server: BrowserServer; workspace: WorkspaceService }> {
  if (!fs.existsSync(path.join(options.rendererDir, 'index.html'))) {
    throw new Error(`The renderer is not built (${options.rendererDir}); run \`npm run build\` first.`);
  }
  const dataDir = options.dataDir ?? userDataDir();
  const workspace = new WorkspaceService(dataDir, 'browser');
  const file = options.workspace ?? defaultWorkspacePath(dataDir);
  workspace.open(file, { create: !isTeamAddress(file), sample: options.workspace === undefined });
  const server = await startBrowserServer({
    rendererDir: options.rendererDir,
    handlers: createHandlers(workspace),
    workspace,
    port: options.port,
  });
  return { server, workspace };
}
