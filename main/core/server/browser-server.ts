import { randomBytes, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { EVENT_NAMES } from '../../../preload/contract';
import type { Handlers } from '../api/handlers';
import { dispatch } from '../api/dispatch';
import type { WorkspaceService } from '../workspace/workspace-service';

/** The Content-Security-Policy of the app, the same in Electron and browser mode. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const MAX_BODY = 64 * 1024 * 1024;
const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.ico': 'image/x-icon',
  '.bcmap': 'application/octet-stream',
  '.pfb': 'application/octet-stream',
};

export interface BrowserServerOptions {
  /** Folder with the built renderer (`out/renderer`). */
  rendererDir: string;
  handlers: Handlers;
  workspace: WorkspaceService;
  /** TCP port on 127.0.0.1; 0 picks a free one. */
  port?: number;
}

export interface BrowserServer {
  url: string;
  port: number;
  /** The per-launch secret every API call must carry (`X-Wellspring-Token`). */
  token: string;
  close(): Promise<void>;
}

/**
 * Browser mode: serves the built renderer and the same API handlers as Electron IPC on 127.0.0.1 only.
 *
 * Security: binds the loopback address only; every API request must carry the per-launch token (injected into
 * index.html as a meta tag, which other origins cannot read) and a Host header naming this loopback server,
 * which defeats DNS rebinding; API calls are POST with a JSON body of at most 64 MiB. Events reach the page as
 * server-sent events on `/api/events?token=…`.
 */
export async function startBrowserServer(options: BrowserServerOptions): Promise<BrowserServer> {
  const token = randomBytes(24).toString('hex');
  const clients = new Set<http.ServerResponse>();
  let port = options.port ?? 0;
  const unsubscribe = options.workspace.onEvent((event, payload) => {
    const frame = `event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`;
    for (const c of clients) c.write(frame);
  });

  const server = http.createServer((req, res) => {
    void handle(req, res).catch((e: unknown) => {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
      res.end(e instanceof Error ? e.message : 'internal error');
    });
  });

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const host = req.headers.host ?? '';
    if (host !== `127.0.0.1:${port}` && host !== `localhost:${port}`) {
      res.writeHead(421, { 'content-type': 'text/plain' }).end('Misdirected request: wrong Host header');
      return;
    }
    const url = new URL(req.url ?? '/', `http://${host}`);
    if (url.pathname === '/api/events') {
      if (!tokenMatches(url.searchParams.get('token'))) return forbid(res);
      res.writeHead(200, {
        'content-type': 'text/event-stream',
        'cache-control': 'no-store',
        connection: 'keep-alive',
      });
      res.write(`: connected ${EVENT_NAMES.join(' ')}\n\n`);
      clients.add(res);
      req.on('close', () => clients.delete(res));
      return;
    }
    if (url.pathname.startsWith('/api/')) {
      if (req.method !== 'POST') {
        res.writeHead(405, { allow: 'POST' }).end();
        return;
      }
      if (!tokenMatches(req.headers['x-wellspring-token'])) return forbid(res);
      const body = await readBody(req);
      let raw: unknown;
      try {
        raw = body.length ? JSON.parse(body.toString('utf8')) : {};
      } catch {
        return json(res, {
          ok: false,
          code: 'invalid_input',
          message: 'Request body is not valid JSON',
          path: [],
        });
      }
      const channel = decodeURIComponent(url.pathname.slice('/api/'.length));
      return json(res, await dispatch(options.handlers, channel, raw));
    }
    serveStatic(url.pathname, res);
  }

  function tokenMatches(given: string | string[] | undefined | null): boolean {
    if (typeof given !== 'string' || given.length !== token.length) return false;
    return timingSafeEqual(Buffer.from(given), Buffer.from(token));
  }

  function serveStatic(pathname: string, res: http.ServerResponse): void {
    const root = path.resolve(options.rendererDir);
    const rel = pathname === '/' ? 'index.html' : decodeURIComponent(pathname).replace(/^\/+/, '');
    const file = path.resolve(root, rel);
    if (!file.startsWith(root + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
      return;
    }
    const headers = {
      'content-type': MIME[path.extname(file)] ?? 'application/octet-stream',
      'content-security-policy': CONTENT_SECURITY_POLICY,
      'x-content-type-options': 'nosniff',
      'cache-control': 'no-store',
    };
    if (rel === 'index.html') {
      const html = fs
        .readFileSync(file, 'utf8')
        .replace('<head>', `<head>\n    <meta name="wellspring-token" content="${token}" />`);
      res.writeHead(200, headers).end(html);
      return;
    }
    res.writeHead(200, headers);
    fs.createReadStream(file).pipe(res);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  port = (server.address() as { port: number }).port;
  return {
    url: `http://127.0.0.1:${port}/`,
    port,
    token,
    close: () =>
      new Promise<void>((resolve) => {
        unsubscribe();
        for (const c of clients) c.end();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/**
 * A missing or wrong token: 403 with the result envelope `{ok:false, code:'unauthorized'}`, which the page's HTTP
 * bridge recognises. A page keeps the token of the launch that served it, so after a restart (a new token) this is
 * what it gets, and it offers to reload (issue #6).
 */
function forbid(res: http.ServerResponse): void {
  res.writeHead(403, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(
    JSON.stringify({
      ok: false,
      code: 'unauthorized',
      message: 'Missing or wrong token: the app was restarted, reload the page',
      path: [],
    }),
  );
}

function json(res: http.ServerResponse, value: unknown): void {
  res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify(value));
}

async function readBody(req: http.IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) throw new Error(`Request body over ${MAX_BODY} bytes`);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}
