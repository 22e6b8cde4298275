import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { startBrowserMode } from './core/host/start-browser-mode';

/** The built renderer: beside this bundle in `out/`, or `out/renderer` when run from source. */
export function rendererDir(): string {
  const candidates = [path.join(__dirname, '../renderer'), path.resolve(__dirname, '../out/renderer')];
  return candidates.find((d) => fs.existsSync(path.join(d, 'index.html'))) ?? candidates[0]!;
}

/** `npm run serve -- [--port N] [--workspace FILE]`: browser mode on 127.0.0.1. */
export async function serveMain(argv: string[] = process.argv.slice(2)): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: { port: { type: 'string' }, workspace: { type: 'string' } },
    allowPositionals: false,
  });
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`--port must be 0–65535, got ${values.port}`);
  const { server, workspace } = await startBrowserMode({
    rendererDir: rendererDir(),
    port,
    workspace: values.workspace,
  });
  const info = workspace.info();
  console.log(
    `Wellspring (browser mode) — workspace ${info.path} (${info.nodeCount} nodes · ${info.edgeCount} edges)`,
  );
  console.log(`Open ${server.url} in a browser. Press Ctrl+C to stop.`);
  const stop = () => {
    void server.close().then(() => {
      workspace.close();
      process.exit(0);
    });
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

if (require.main === module) {
  serveMain().catch((e: unknown) => {
    console.error(`wellspring: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  });
}
