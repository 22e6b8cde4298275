import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const LAUNCHER = path.resolve(__dirname, '../../out/main/launcher.js');

describe('npm start launcher', () => {
  it('says the Electron runtime is unavailable and serves browser mode on 127.0.0.1', async () => {
    expect(fs.existsSync(LAUNCHER), 'run `npm run build` first').toBe(true);
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'wellspring-launcher-'));
    const child = spawn(process.execPath, [LAUNCHER, '--port', '0'], {
      env: { ...process.env, WELLSPRING_USER_DATA: dataDir },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      let out = '';
      const url = await new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no URL printed: ${out}`)), 30_000);
        child.stdout.on('data', (d: Buffer) => {
          out += d.toString();
          const m = /Open (http:\/\/127\.0\.0\.1:\d+\/)/.exec(out);
          if (m) {
            clearTimeout(timer);
            resolve(m[1]!);
          }
        });
        child.on('exit', (code) => reject(new Error(`launcher exited with ${code}: ${out}`)));
      });
      expect(out.split('\n')[0]).toMatch(
        /^Electron runtime unavailable \(.+\) — starting browser mode instead\.$/,
      );
      const page = await fetch(url);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('<meta name="wellspring-token"');
      expect(fs.existsSync(path.join(dataDir, 'workspaces', 'sample.wellspring'))).toBe(true);
    } finally {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
