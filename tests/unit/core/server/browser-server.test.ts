import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createHandlers } from '../../../../main/core/api/handlers';
import { startBrowserServer } from '../../../../main/core/server/browser-server';
import { WorkspaceService } from '../../../../main/core/workspace/workspace-service';
import { tempDir } from '../../helpers';

async function setup() {
  const dir = tempDir();
  const rendererDir = path.join(dir, 'renderer');
  fs.mkdirSync(rendererDir);
  fs.writeFileSync(
    path.join(rendererDir, 'index.html'),
    '<!doctype html><html><head><title>t</title></head></html>',
  );
  const ws = new WorkspaceService(dir, 'browser');
  ws.open(path.join(dir, 'w.wellspring'), { create: true });
  const server = await startBrowserServer({ rendererDir, handlers: createHandlers(ws), workspace: ws });
  return { ws, server, dir };
}

function request(
  port: number,
  pathname: string,
  options: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<{ status: number; body: string; headers: http.IncomingHttpHeaders }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port, path: pathname, method: options.method ?? 'GET', headers: options.headers },
      (res) => {
        let body = '';
        res.on('data', (d: Buffer) => (body += d.toString()));
        res.on('end', () => resolve({ status: res.statusCode!, body, headers: res.headers }));
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

describe('browser mode server', () => {
  it('binds 127.0.0.1, injects the token into the page and serves the CSP', async () => {
    const { ws, server } = await setup();
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/`);
    const page = await request(server.port, '/');
    expect(page.status).toBe(200);
    expect(page.body).toContain(`<meta name="wellspring-token" content="${server.token}" />`);
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect((await request(server.port, '/../../etc/passwd')).status).toBe(404);
    await server.close();
    ws.close();
  });

  it('answers API calls that carry the token and refuses the rest', async () => {
    const { ws, server } = await setup();
    const call = (channel: string, body: unknown, headers: Record<string, string> = {}) =>
      request(server.port, `/api/${channel}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-wellspring-token': server.token, ...headers },
        body: JSON.stringify(body),
      });
    const ok = await call('graph:add-node', { kind: 'category', label: '销售' });
    expect(JSON.parse(ok.body)).toMatchObject({ ok: true, value: { label: '销售', kind: 'category' } });
    const invalid = await call('graph:add-node', { kind: 'category' });
    expect(JSON.parse(invalid.body)).toMatchObject({ ok: false, code: 'invalid_input', path: ['label'] });
    const wrong = await call('graph:get', {}, { 'x-wellspring-token': 'wrong' });
    expect(wrong.status).toBe(403);
    expect(JSON.parse(wrong.body)).toMatchObject({ ok: false, code: 'unauthorized', path: [] });
    const events = await request(server.port, '/api/events?token=old');
    expect(events.status).toBe(403);
    expect(JSON.parse(events.body)).toMatchObject({ ok: false, code: 'unauthorized' });
    // DNS rebinding: a foreign Host header is refused even with the token.
    expect((await call('graph:get', {}, { host: 'evil.example:80' })).status).toBe(421);
    expect((await request(server.port, '/api/graph:get')).status).toBe(405);
    expect(ws.store.stats().nodeTotal).toBe(1);
    await server.close();
    ws.close();
  });

  it('pushes change events over server-sent events', async () => {
    const { ws, server } = await setup();
    const received = await new Promise<string>((resolve, reject) => {
      const req = http.get(
        { host: '127.0.0.1', port: server.port, path: `/api/events?token=${server.token}` },
        (res) => {
          let buf = '';
          res.on('data', (d: Buffer) => {
            buf += d.toString();
            if (buf.includes('event: graph:did-change')) {
              req.destroy();
              resolve(buf);
            }
          });
          setTimeout(() => {
            const body = JSON.stringify({ kind: 'unit', label: '门店' });
            void request(server.port, '/api/graph:add-node', {
              method: 'POST',
              headers: { 'x-wellspring-token': server.token },
              body,
            });
          }, 50);
        },
      );
      req.on('error', reject);
    });
    expect(received).toMatch(/event: graph:did-change\ndata: \{"seq":\d+,"reason":"add-node"/);
    await server.close();
    ws.close();
  });
});
