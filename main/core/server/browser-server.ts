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
 * Security: binds the loopback address only; every request must carry a Host header naming this loopback server,
 * which defeats DNS rebinding (421 otherwise); every API request and the event stream must carry the per-launch
 * token (injected into index.html as a meta tag, which other origins cannot read) and, when the browser says where
 * it comes from, come from this server's own origin (an `Origin` header other than `http://127.0.0.1:<port>` or
 * `http://localhost:<port>`, `Origin: null`, or `Sec-Fetch-Site: cross-site`/`same-site` is refused with 403, so a
 * page elsewhere cannot even start a state-changing call); API calls are POST with a JSON body of at most 64 MiB
 * (413 beyond); the static files are GET/HEAD only. Every refusal of an API request is the result envelope. Events
 * reach the page as server-sent events on `/api/events?token=…`.
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
    // Nothing in handle() should throw (dispatch never does); if something does, the answer is still an envelope.
    void handle(req, res).catch((e: unknown) => {
      const message = e instanceof Error ? e.message : 'internal error';
      if (!res.headersSent) json(res, { ok: false, code: 'internal', message, path: [] }, 500);
      else res.end();
    });
  });

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const host = req.headers.host ?? '';
    if (host !== `127.0.0.1:${port}` && host !== `localhost:${port}`) {
      res.writeHead(421, { 'content-type': 'text/plain' }).end('Misdirected request: wrong Host header');
      return;
    }
    const url = new URL(req.url ?? '/', `http://${host}`);
    const isApi = url.pathname === '/api/events' || url.pathname.startsWith('/api/');
    if (isApi && !sameOrigin(req)) return forbid(res, FOREIGN_ORIGIN);
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
      if (body === null) {
        return json(
          res,
          { ok: false, code: 'invalid_input', message: `Request body over ${MAX_BODY} bytes`, path: [] },
          413,
        );
      }
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
      const channel = safeDecode(url.pathname.slice('/api/'.length));
      if (channel === null) {
        return json(
          res,
          { ok: false, code: 'invalid_input', message: 'Malformed channel name in the URL', path: [] },
          400,
        );
      }
      return json(res, await dispatch(options.handlers, channel, raw));
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD' }).end();
      return;
    }
    serveStatic(url.pathname, res);
  }

  /**
   * False when the browser says the request comes from another site: an `Origin` header that is not this server's
   * (`null` included: sandboxed frames, file: pages), or `Sec-Fetch-Site` other than `same-origin`/`none`. Clients
   * that send neither (Node, curl, the tests) pass here and still need the token.
   */
  function sameOrigin(req: http.IncomingMessage): boolean {
    const origin = req.headers.origin;
    if (
      origin !== undefined &&
      origin !== `http://127.0.0.1:${port}` &&
      origin !== `http://localhost:${port}`
    )
      return false;
    const site = req.headers['sec-fetch-site'];
    return site === undefined || site === 'same-origin' || site === 'none';
  }

  function tokenMatches(given: string | string[] | undefined | null): boolean {
    if (typeof given !== 'string' || given.length !== token.length) return false;
    return timingSafeEqual(Buffer.from(given), Buffer.from(token));
  }

  function serveStatic(pathname: string, res: http.ServerResponse): void {
    const root = path.resolve(options.rendererDir);
    const decoded = pathname === '/' ? 'index.html' : safeDecode(pathname);
    const rel = decoded?.replace(/^\/+/, '') ?? '';
    const file = path.resolve(root, rel);
    // NUL, backslashes and a malformed %-escape are never part of the renderer's file names: refused before the
    // file system sees them (fs throws on a NUL; a backslash is a separator on Windows).
    if (decoded === null || /[\0\\]/.test(rel) || !insideRoot(root, file)) {
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

  /**
   * True when `file` is a regular file below `root`, both compared by their real paths: a link inside the renderer
   * folder that leads out of it is not served.
   */
  function insideRoot(root: string, file: string): boolean {
    if (!file.startsWith(root + path.sep)) return false;
    try {
      const real = fs.realpathSync(file);
      return real.startsWith(fs.realpathSync(root) + path.sep) && fs.statSync(real).isFile();
    } catch {
      return false;
    }
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

const WRONG_TOKEN = 'Missing or wrong token: the app was restarted, reload the page';
const FOREIGN_ORIGIN = 'Refused: the request comes from another site, not from the Wellspring page';

/**
 * A missing or wrong token (or a foreign origin): 403 with the result envelope `{ok:false, code:'unauthorized'}`,
 * which the page's HTTP bridge recognises. A page keeps the token of the launch that served it, so after a restart
 * (a new token) this is what it gets, and it offers to reload (issue #6).
 */
function forbid(res: http.ServerResponse, message = WRONG_TOKEN): void {
  json(res, { ok: false, code: 'unauthorized', message, path: [] }, 403);
}

function json(res: http.ServerResponse, value: unknown, status = 200): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify(value));
}

/** `decodeURIComponent`, or null for a malformed escape (`%E0`, `%`), which would throw URIError. */
function safeDecode(s: string): string | null {
  try {
    return decodeURIComponent(s);
  } catch {
    return null;
  }
}

/**
 * The request body, or null when it passes MAX_BODY; the rest is read and dropped (not kept) so that the answer
 * reaches the client instead of a reset connection.
 */
function readBody(req: http.IncomingMessage): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) chunks.length = 0;
      else chunks.push(chunk);
    });
    req.on('end', () => resolve(size > MAX_BODY ? null : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}
