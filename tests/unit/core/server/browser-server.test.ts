import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
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

describe('browser mode refusals', () => {
  const post = (port: number, channel: string, token: string, headers: Record<string, string> = {}) =>
    request(port, `/api/${channel}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-wellspring-token': token, ...headers },
      body: JSON.stringify({ kind: 'category', label: '外来' }),
    });

  it('refuses a foreign Host (DNS rebinding) on the page, the API and the events', async () => {
    const { ws, server } = await setup();
    const hosts = [
      'evil.example',
      `evil.example:${server.port}`,
      `127.0.0.1.evil.example:${server.port}`,
      `localhost:${server.port}.evil.example`,
      `127.0.0.1:${server.port + 1}`,
      `[::1]:${server.port}`,
    ];
    for (const host of hosts) {
      expect((await request(server.port, '/', { headers: { host } })).status, host).toBe(421);
      expect((await post(server.port, 'graph:add-node', server.token, { host })).status, host).toBe(421);
      const events = await request(server.port, `/api/events?token=${server.token}`, { headers: { host } });
      expect(events.status, host).toBe(421);
    }
    // No Host header at all (HTTP/1.0), written on a bare socket: Node's client always adds one.
    const raw = await new Promise<string>((resolve, reject) => {
      let got = '';
      const socket = net.connect(server.port, '127.0.0.1', () => socket.end('GET / HTTP/1.0\r\n\r\n'));
      socket.on('data', (d: Buffer) => (got += d.toString()));
      socket.on('end', () => resolve(got));
      socket.on('error', reject);
    });
    expect(raw).toMatch(/^HTTP\/1\.[01] 421/);
    expect(ws.store.stats().nodeTotal).toBe(0);
    await server.close();
    ws.close();
  });

  it('refuses a foreign Origin on API calls and the event stream, with the token', async () => {
    const { ws, server } = await setup();
    const foreign: Array<Record<string, string>> = [
      { origin: 'http://evil.example' },
      { origin: `http://127.0.0.1:${server.port + 1}` },
      { origin: `https://127.0.0.1:${server.port}` },
      { origin: 'null' },
      { 'sec-fetch-site': 'cross-site' },
      { 'sec-fetch-site': 'same-site' },
      { origin: `http://127.0.0.1:${server.port}`, 'sec-fetch-site': 'cross-site' },
    ];
    for (const headers of foreign) {
      const r = await post(server.port, 'graph:add-node', server.token, headers);
      expect(r.status, JSON.stringify(headers)).toBe(403);
      expect(JSON.parse(r.body)).toMatchObject({ ok: false, code: 'unauthorized', path: [] });
      const events = await request(server.port, `/api/events?token=${server.token}`, { headers });
      expect(events.status, JSON.stringify(headers)).toBe(403);
    }
    expect(ws.store.stats().nodeTotal).toBe(0);
    // The page's own origin (either loopback name) and a client that sends no Origin are served.
    for (const origin of [`http://127.0.0.1:${server.port}`, `http://localhost:${server.port}`]) {
      const r = await post(server.port, 'graph:add-node', server.token, {
        origin,
        'sec-fetch-site': 'same-origin',
      });
      expect(JSON.parse(r.body)).toMatchObject({ ok: true });
    }
    expect((await post(server.port, 'graph:add-node', server.token)).status).toBe(200);
    expect(ws.store.stats().nodeTotal).toBe(3);
    await server.close();
    ws.close();
  });

  it('refuses a missing or wrong token on every API channel and writes nothing', async () => {
    const { ws, server } = await setup();
    const wrong = [undefined, '', 'x', server.token.slice(1), `${server.token}0`, server.token.toUpperCase()];
    for (const token of wrong) {
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (token !== undefined) headers['x-wellspring-token'] = token;
      const r = await request(server.port, '/api/graph:add-node', {
        method: 'POST',
        headers,
        body: JSON.stringify({ kind: 'category', label: 'x' }),
      });
      expect(r.status, String(token)).toBe(403);
      expect(JSON.parse(r.body)).toMatchObject({ ok: false, code: 'unauthorized' });
      const events = await request(server.port, `/api/events?token=${encodeURIComponent(token ?? '')}`);
      expect(events.status).toBe(403);
    }
    // The token in the query string does not stand in for the header on API calls.
    const inQuery = await request(server.port, `/api/graph:add-node?token=${server.token}`, {
      method: 'POST',
      body: JSON.stringify({ kind: 'category', label: 'x' }),
    });
    expect(inQuery.status).toBe(403);
    expect(ws.store.stats().nodeTotal).toBe(0);
    await server.close();
    ws.close();
  });

  it('serves no file outside the renderer folder and answers malformed requests with an envelope', async () => {
    const { ws, server, dir } = await setup();
    fs.writeFileSync(path.join(dir, 'secret.txt'), 'secret');
    fs.symlinkSync(path.join(dir, 'secret.txt'), path.join(dir, 'renderer', 'link.txt'));
    const tries = [
      '/../secret.txt',
      '/%2e%2e/secret.txt',
      '/%2E%2E%2Fsecret.txt',
      '/..%2fsecret.txt',
      '/..%5csecret.txt',
      '/%5c..%5csecret.txt',
      '/index.html%00.png',
      '/%00',
      `/${encodeURIComponent(path.join(dir, 'secret.txt'))}`,
      '//etc/passwd',
      '/%E0%A4%A',
      '/%',
    ];
    for (const p of tries) {
      const r = await request(server.port, p);
      expect(r.status, p).toBe(404);
      expect(r.body).not.toContain('secret');
    }
    // A link inside the renderer folder to a file outside: the resolved path is checked, not the link's.
    expect((await request(server.port, '/link.txt')).status).toBe(404);
    // Static files are GET/HEAD only; a malformed channel name and an unknown one are envelopes.
    expect((await request(server.port, '/index.html', { method: 'POST', body: 'x' })).status).toBe(405);
    const malformed = await request(server.port, '/api/%E0', {
      method: 'POST',
      headers: { 'x-wellspring-token': server.token },
      body: '{}',
    });
    expect(malformed.status).toBe(400);
    expect(JSON.parse(malformed.body)).toMatchObject({ ok: false, code: 'invalid_input', path: [] });
    const notJson = await request(server.port, '/api/graph:add-node', {
      method: 'POST',
      headers: { 'x-wellspring-token': server.token },
      body: '{"kind":',
    });
    expect(JSON.parse(notJson.body)).toMatchObject({ ok: false, code: 'invalid_input' });
    expect(ws.store.stats().nodeTotal).toBe(0);
    await server.close();
    ws.close();
  });
});
