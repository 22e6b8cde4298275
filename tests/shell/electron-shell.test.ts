/**
 * The Electron shell, proven without the Electron binary: each test boots the BUILT main bundle
 * (out/main/index.js — run `npx electron-vite build` first) against the stand-in in fake-electron.ts, in its own
 * temp folder, and plays Electron's side (events, IPC calls, dialog answers).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CHANNEL_NAMES } from '../../preload/contract';
import { COMMANDS } from '../../preload/commands';
import { CONTENT_SECURITY_POLICY } from '../../main/core/server/browser-server';
import { defaultWorkspacePath } from '../../main/core/workspace/paths';
import { hasMenuLabel } from '../../main/shell/menu-labels';
import enCommands from '../../renderer/src/i18n/locales/en/commands.json';
import enCommon from '../../renderer/src/i18n/locales/en/common.json';
import zhCommands from '../../renderer/src/i18n/locales/zh-CN/commands.json';
import zhCommon from '../../renderer/src/i18n/locales/zh-CN/common.json';
import { fakeEvent, type MenuItem } from './fake-electron';
import { APP_URL, OUT_DIR, launch, type LaunchOptions, type LaunchedApp } from './launch';
import { freshRole, freshSchema, teamUrl } from '../unit/team-helpers';
import { TeamSession } from '../../main/core/team/pg-session';
import { parseTeamAddress } from '../../main/core/team/team-url';
import { openTeamWorkspace } from '../../main/core/team/team-workspace';

const launched: LaunchedApp[] = [];
const dirs = new Set<string>();

/** Boots the bundle and registers it for cleanup. */
async function start(options: LaunchOptions = {}): Promise<LaunchedApp> {
  const app = await launch(options);
  launched.push(app);
  dirs.add(app.dir);
  return app;
}

afterEach(() => {
  for (const app of launched.splice(0)) app.quit();
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
  dirs.clear();
});

type Envelope = { ok: boolean; code?: string; message?: string; path?: unknown[]; value?: unknown };
const envelope = (v: unknown) => v as Envelope;
const flush = () => new Promise((resolve) => setImmediate(resolve));

/** The application menu the shell installed last, by top-level label. */
function menu(app: LaunchedApp): Map<string, MenuItem[]> {
  const template = app.fake.record.applicationMenu?.template;
  if (!template) throw new Error('no application menu was set');
  return new Map(template.filter((m) => m.label).map((m) => [m.label!, m.submenu ?? []]));
}

describe('window security', () => {
  it('creates one sandboxed, context-isolated window without Node, using the built preload', async () => {
    const app = await start();
    expect(app.fake.record.windows).toHaveLength(1);
    const prefs = app.window().options.webPreferences as Record<string, unknown>;
    expect(prefs.contextIsolation).toBe(true);
    expect(prefs.sandbox).toBe(true);
    expect(prefs.nodeIntegration).toBe(false);
    expect(prefs.webSecurity).toBe(true);
    expect(prefs.disableBlinkFeatures).toBe('Auxclick');
    expect(String(prefs.preload)).toMatch(/[\\/]preload[\\/]index\.js$/);
    // The preload path is the real built file, not one that only looks right.
    expect(prefs.preload).toBe(path.join(OUT_DIR, 'preload', 'index.js'));
    expect(fs.existsSync(prefs.preload as string)).toBe(true);
  });

  it('loads the built index.html from disk when no dev server is set', async () => {
    const app = await start();
    expect(app.window().loaded).toEqual({ file: path.join(OUT_DIR, 'renderer', 'index.html') });
  });

  it('prevents navigation away from the app but allows its own pages', async () => {
    const contents = (await start()).window().webContents;
    const away = fakeEvent({ url: 'https://example.com/' });
    contents.emit('will-navigate', away, 'https://example.com/');
    expect(away.defaultPrevented).toBe(true);

    const outside = fakeEvent({ url: 'file:///etc/passwd' });
    contents.emit('will-navigate', outside, 'file:///etc/passwd');
    expect(outside.defaultPrevented).toBe(true);

    const own = fakeEvent({ url: `${APP_URL}#/map` });
    contents.emit('will-navigate', own, own.url);
    expect(own.defaultPrevented).toBe(false);
  });

  it('denies every new window and sends only http(s) links to the system browser', async () => {
    const app = await start();
    const handler = app.window().webContents.windowOpenHandler;
    expect(handler).not.toBeNull();
    expect(handler!({ url: 'https://example.com/docs' })).toEqual({ action: 'deny' });
    expect(handler!({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' });
    expect(handler!({ url: 'javascript:alert(1)' })).toEqual({ action: 'deny' });
    await flush();
    expect(app.fake.record.openedExternally).toEqual(['https://example.com/docs']);
  });

  it('adds the CSP header to every response, replacing any other, and denies permission requests', async () => {
    const { record } = (await start()).fake;
    expect(record.headersListener).not.toBeNull();
    const callback = vi.fn();
    record.headersListener!(
      {
        url: APP_URL,
        responseHeaders: { 'content-type': ['text/html'], 'content-security-policy': ['default-src *'] },
      },
      callback,
    );
    expect(callback).toHaveBeenCalledTimes(1);
    expect(callback.mock.calls[0]![0]).toEqual({
      responseHeaders: {
        'content-type': ['text/html'],
        'Content-Security-Policy': [CONTENT_SECURITY_POLICY],
      },
    });

    const decide = vi.fn();
    record.permissionHandler!({}, 'media', decide, {});
    expect(decide).toHaveBeenCalledWith(false);
  });
});

describe('IPC', () => {
  it('registers exactly the contract channels with ipcMain.handle', async () => {
    const { record } = (await start()).fake;
    expect([...record.ipcHandlers.keys()].sort()).toEqual([...CHANNEL_NAMES].sort());
    expect(record.ipcOnChannels).toEqual([]);
  });

  it('serves the sample workspace created in the WELLSPRING_USER_DATA folder', async () => {
    const app = await start();
    const info = envelope(await app.invoke('workspace:info', {}));
    expect(info.ok).toBe(true);
    const value = info.value as { path: string; mode: string; nodeCount: number };
    expect(value.path).toBe(defaultWorkspacePath(app.userData));
    expect(value.mode).toBe('electron');
    expect(value.nodeCount).toBeGreaterThan(0);
    expect(fs.existsSync(defaultWorkspacePath(app.userData))).toBe(true);
  });

  it('answers invalid input with an invalid_input envelope naming the field, and runs nothing', async () => {
    const app = await start();
    const before = envelope(await app.invoke('workspace:stats', {})).value as { nodeTotal: number };
    const result = envelope(await app.invoke('graph:add-node', { kind: 'knowledge', label: '   ' }));
    expect(result).toMatchObject({ ok: false, code: 'invalid_input', path: ['label'] });
    expect(result.message).toContain('label');
    const bad = envelope(await app.invoke('graph:ego', { nodeId: 'x', depth: 99 }));
    expect(bad).toMatchObject({ ok: false, code: 'invalid_input', path: ['depth'] });
    const after = envelope(await app.invoke('workspace:stats', {})).value as { nodeTotal: number };
    expect(after.nodeTotal).toBe(before.nodeTotal);
  });

  it('refuses calls from a foreign origin, a file outside the renderer or a vanished frame', async () => {
    const app = await start();
    const input = { kind: 'knowledge', label: 'Smuggled' };
    const senders = [
      'https://evil.example/',
      'file:///etc/passwd',
      pathToFileURL(path.join(OUT_DIR, 'renderer-evil', 'index.html')).href,
      null,
    ];
    for (const sender of senders) {
      const result = envelope(await app.invoke('graph:add-node', input, sender));
      expect(result, String(sender)).toMatchObject({ ok: false, code: 'invalid_input' });
      expect(result.message).toMatch(/^Refused graph:add-node/);
    }
    const graph = envelope(await app.invoke('graph:get', { filter: { text: 'Smuggled' } }));
    expect(graph.ok).toBe(true);
    expect((graph.value as { nodes: unknown[] }).nodes).toEqual([]);
  });

  it('runs valid calls from the app and forwards the resulting events to the window', async () => {
    const app = await start();
    const added = envelope(await app.invoke('graph:add-node', { kind: 'expert', label: 'Ada' }));
    expect(added.ok).toBe(true);
    const id = (added.value as { id: string }).id;
    const sent = app.window().webContents.sent;
    expect(sent).toContainEqual({
      channel: 'graph:did-change',
      payload: { seq: 1, reason: 'add-node', nodeIds: [id], edgeIds: [], positions: [] },
    });
    expect(sent.map((s) => s.channel)).toContain('history:did-change');
  });

  it('saves exports where the native save dialog points, and reports a cancelled dialog', async () => {
    const app = await start();
    const target = path.join(app.dir, 'map.svg');
    app.fake.record.nextSave.push({ canceled: false, filePath: target });
    const input = { suggestedName: 'map.svg', content: '<svg/>', encoding: 'utf8' };
    expect(envelope(await app.invoke('export:save-file', input))).toEqual({
      ok: true,
      value: { saved: true, path: target },
    });
    expect(fs.readFileSync(target, 'utf8')).toBe('<svg/>');
    expect(app.fake.record.saveDialogs[0]).toMatchObject({
      defaultPath: path.join(app.dir, 'documents', 'map.svg'),
    });

    expect(envelope(await app.invoke('export:save-file', input))).toEqual({
      ok: true,
      value: { saved: false, path: null },
    });
  });

  it('prints the window to PDF with print media and saves it where the save dialog points', async () => {
    const app = await start();
    const target = path.join(app.dir, '核心能力.pdf');
    app.fake.record.nextSave.push({ canceled: false, filePath: target });
    const input = { suggestedName: '核心能力.pdf', landscape: true, pageSize: 'A3' };
    expect(envelope(await app.invoke('export:print-pdf', input))).toEqual({
      ok: true,
      value: { saved: true, path: target },
    });
    expect(app.window().webContents.printed).toEqual([
      { landscape: true, pageSize: 'A3', printBackground: true },
    ]);
    expect(fs.readFileSync(target, 'utf8')).toBe('%PDF-1.7 A3 true\n');
    expect(app.fake.record.saveDialogs[0]).toMatchObject({
      defaultPath: path.join(app.dir, 'documents', '核心能力.pdf'),
      filters: [{ name: 'PDF', extensions: ['pdf'] }],
    });
    // Only .pdf names and the page sizes of the contract get through.
    const bad = envelope(await app.invoke('export:print-pdf', { ...input, suggestedName: 'x.exe' }));
    expect(bad).toMatchObject({ ok: false, code: 'invalid_input', path: ['suggestedName'] });
    expect(app.window().webContents.printed).toHaveLength(1);
  });

  it('opens https links externally and rejects other schemes', async () => {
    const app = await start();
    expect(envelope(await app.invoke('shell:open-external', { url: 'https://example.com/a' })).ok).toBe(true);
    const refused = envelope(await app.invoke('shell:open-external', { url: 'file:///etc/passwd' }));
    expect(refused).toMatchObject({ ok: false, code: 'invalid_input', path: ['url'] });
    expect(app.fake.record.openedExternally).toEqual(['https://example.com/a']);
  });

  it('trusts only the dev server origin when ELECTRON_RENDERER_URL is set', async () => {
    const app = await start({ env: { ELECTRON_RENDERER_URL: 'http://localhost:5173/' } });
    expect(app.window().loaded).toEqual({ url: 'http://localhost:5173/' });
    expect(envelope(await app.invoke('history:state', {}, 'http://localhost:5173/#/map')).ok).toBe(true);
    expect(envelope(await app.invoke('history:state', {}, 'http://localhost:5174/')).ok).toBe(false);
    expect(envelope(await app.invoke('history:state', {}, APP_URL)).ok).toBe(false);
  });
});

describe('menu', () => {
  it('has File, Edit, View and Help built from COMMANDS, with accelerators and roles', async () => {
    const app = await start();
    const m = menu(app);
    expect([...m.keys()]).toEqual(['File', 'Edit', 'View', 'Help']);
    const edit = m.get('Edit')!;
    const undo = edit.find((i) => i.id === 'history.undo');
    expect(undo).toMatchObject({ label: 'Undo', accelerator: 'CmdOrCtrl+Z' });
    expect(edit.find((i) => i.id === 'history.redo')?.accelerator).toBe('CmdOrCtrl+Shift+Z');
    expect(edit.map((i) => i.role).filter(Boolean)).toEqual(['cut', 'copy', 'paste', 'selectAll']);
    const view = m.get('View')!;
    expect(view.find((i) => i.id === 'view.zoomIn')).toMatchObject({
      role: 'zoomIn',
      accelerator: 'CmdOrCtrl+=',
    });
    expect(m.get('File')!.find((i) => i.id === 'app.quit')?.role).toBe('quit');
    // Renderer commands only display their keys (the renderer's keymap owns them); main-run ones register theirs.
    expect(edit.find((i) => i.id === 'map.addNode')).toMatchObject({
      accelerator: 'N',
      registerAccelerator: false,
    });
    const open = m.get('File')!.find((i) => i.id === 'workspace.open');
    expect(open).toMatchObject({ accelerator: 'CmdOrCtrl+O' });
    expect(open?.registerAccelerator).toBeUndefined();
    // Every command with a menu section appears once, and nothing from section 'none'.
    const ids = [...m.values()].flat().map((i) => i.id);
    for (const c of COMMANDS)
      expect(
        ids.filter((id) => id === c.id),
        c.id,
      ).toHaveLength(c.menu === 'none' ? 0 : 1);
  });

  it('sends renderer commands to the focused window as app:did-run-command', async () => {
    const app = await start();
    const fit = menu(app)
      .get('View')!
      .find((i) => i.id === 'map.fit')!;
    fit.click!();
    expect(app.window().webContents.sent).toContainEqual({
      channel: 'app:did-run-command',
      payload: { id: 'map.fit' },
    });
  });

  it('labels the menu in Chinese for a zh locale, and has a label for every menu command', async () => {
    const app = await start({ locale: 'zh-CN' });
    expect([...menu(app).keys()]).toEqual(['文件', '编辑', '视图', '帮助']);
    expect(
      menu(app)
        .get('编辑')!
        .find((i) => i.id === 'history.undo')?.label,
    ).toBe('撤销');
    const missing = COMMANDS.filter((c) => c.menu !== 'none' && !hasMenuLabel(c.titleKey)).map(
      (c) => c.titleKey,
    );
    expect(missing).toEqual([]);
  });

  it('labels every menu command with the renderer’s own title from commands.json, in both languages', async () => {
    const titles = { en: enCommands, 'zh-CN': zhCommands } as Record<string, Record<string, string>>;
    const shell = { en: enCommon.menu, 'zh-CN': zhCommon.menu } as Record<string, Record<string, string>>;
    for (const locale of ['en', 'zh-CN'] as const) {
      const app = await start({ locale });
      const items = new Map([...menu(app).values()].flat().map((i) => [i.id, i.label]));
      const inMenu = COMMANDS.filter((c) => c.menu !== 'none');
      expect(inMenu.length).toBeGreaterThan(10);
      for (const c of inMenu) expect(items.get(c.id), `${locale} ${c.id}`).toBe(titles[locale]![c.titleKey]);
      // The shell's own entries come from common.json's menu section, not a second translation.
      expect([...menu(app).keys()]).toEqual(['file', 'edit', 'view', 'help'].map((k) => shell[locale]![k]));
      expect(items.get('workspace.openRecent')).toBe(shell[locale]!.openRecent);
      app.quit();
    }
  });

  it('lists recent workspaces and creates a new one through the save dialog', async () => {
    const app = await start();
    const recent = () =>
      menu(app)
        .get('File')!
        .find((i) => i.id === 'workspace.openRecent')!.submenu!;
    expect(recent().map((i) => i.label)).toEqual([defaultWorkspacePath(app.userData)]);

    app.fake.record.nextSave.push({ canceled: false, filePath: path.join(app.dir, 'team') });
    menu(app)
      .get('File')!
      .find((i) => i.id === 'workspace.new')!.click!();
    await flush();
    const created = path.join(app.dir, 'team.wellspring');
    expect(fs.existsSync(created)).toBe(true);
    expect((envelope(await app.invoke('workspace:info', {})).value as { path: string }).path).toBe(created);
    expect(app.window().webContents.sent.some((s) => s.channel === 'workspace:did-open')).toBe(true);
    expect(recent().map((i) => i.label)).toEqual([created, defaultWorkspacePath(app.userData)]);
  });

  it('opens a workspace through the open dialog and reports a file it cannot open', async () => {
    const app = await start();
    const junk = path.join(app.dir, 'junk.wellspring');
    fs.writeFileSync(junk, 'not a database');
    app.fake.record.nextOpen.push({ canceled: false, filePaths: [junk] });
    menu(app)
      .get('File')!
      .find((i) => i.id === 'workspace.open')!.click!();
    await flush();
    expect(app.fake.record.openDialogs[0]).toMatchObject({ filters: [{ extensions: ['wellspring'] }] });
    expect(app.fake.record.errorBoxes).toHaveLength(1);
    expect(app.fake.record.errorBoxes[0]!.content).toContain(junk);
    // The previous workspace stays open.
    const info = envelope(await app.invoke('workspace:info', {})).value as { path: string };
    expect(info.path).toBe(defaultWorkspacePath(app.userData));
  });

  it('says in Chinese why a file cannot be opened, for a zh locale', async () => {
    const app = await start({ locale: 'zh-CN' });
    const junk = path.join(app.dir, 'junk.wellspring');
    fs.writeFileSync(junk, 'not a database');
    app.fake.record.nextOpen.push({ canceled: false, filePaths: [junk] });
    menu(app)
      .get(zhCommon.menu.file)!
      .find((i) => i.id === 'workspace.open')!.click!();
    await flush();
    expect(app.fake.record.errorBoxes).toEqual([
      {
        title: zhCommon.menu.openFailed,
        content: `${junk}\n\n${zhCommon.errors.notAWorkspace.replace('{{file}}', junk)}`,
      },
    ]);
  });

  it('shows name and version in Help → About', async () => {
    const app = await start();
    menu(app)
      .get('Help')!
      .find((i) => i.id === 'help.about')!.click!();
    await flush();
    expect(app.fake.record.messageBoxes[0]).toMatchObject({
      message: 'Wellspring 0.1.0',
      detail: enCommon.about.body.replace('{{version}}', '0.1.0'),
      buttons: [enCommon.menu.ok],
    });
  });
});

describe('window state', () => {
  it('is written on close and restored on the next launch', async () => {
    const first = await start();
    const stateFile = path.join(first.userData, 'window-state.json');
    expect(first.window().options).toMatchObject({ width: 1280, height: 800 });
    expect(first.window().options.x).toBeUndefined();
    first.window().setBounds({ x: 150, y: 90, width: 1000, height: 700 });
    first.quit();
    expect(JSON.parse(fs.readFileSync(stateFile, 'utf8'))).toEqual({
      x: 150,
      y: 90,
      width: 1000,
      height: 700,
      maximized: false,
    });

    const second = await start({ dir: first.dir });
    expect(second.window().options).toMatchObject({ x: 150, y: 90, width: 1000, height: 700 });
  });

  it('is saved shortly after a move, without waiting for close', async () => {
    const app = await start();
    const stateFile = path.join(app.userData, 'window-state.json');
    app.window().setBounds({ x: 10, y: 20, width: 900, height: 600 });
    expect(fs.existsSync(stateFile)).toBe(false); // debounced, not written at once
    // The debounce is 400 ms; the margin is for a loaded CI machine (the test thread itself may wait seconds).
    await vi.waitFor(() => expect(fs.existsSync(stateFile)).toBe(true), { timeout: 15_000 });
    expect(JSON.parse(fs.readFileSync(stateFile, 'utf8'))).toMatchObject({
      x: 10,
      y: 20,
      width: 900,
      height: 600,
    });
  });

  it('is fitted onto the current displays and restores a maximised window', async () => {
    const first = await start();
    first.quit(); // saves its own window state; replaced below
    fs.writeFileSync(
      path.join(first.userData, 'window-state.json'),
      JSON.stringify({ x: 5000, y: 3000, width: 1000, height: 700, maximized: true }),
    );
    const offScreen = await start({ dir: first.dir });
    expect(offScreen.window().options).toMatchObject({ width: 1000, height: 700 });
    expect(offScreen.window().options.x).toBeUndefined(); // centred instead of lost on an unplugged monitor
    offScreen.window().emit('ready-to-show');
    expect(offScreen.window().maximized).toBe(true);
    expect(offScreen.window().visible).toBe(true);

    offScreen.quit();
    fs.writeFileSync(
      path.join(first.userData, 'window-state.json'),
      JSON.stringify({ x: 1500, y: 900, width: 3000, height: 700, maximized: false }),
    );
    const tooBig = await start({ dir: first.dir, displays: [{ x: 0, y: 0, width: 1920, height: 1080 }] });
    expect(tooBig.window().options).toMatchObject({ x: 0, y: 380, width: 1920, height: 700 });
  });
});

describe('lifecycle', () => {
  it('quits at once when another instance holds the lock', async () => {
    const app = await start({ lock: false });
    expect(app.fake.record.quitCalls).toBe(1);
    expect(app.fake.record.whenReadyCalls).toBe(0);
    expect(app.fake.record.windows).toHaveLength(0);
  });

  it('quits when the last window closes (not on macOS)', async () => {
    const app = await start();
    app.window().close();
    app.fake.app.emit('window-all-closed');
    expect(app.fake.record.quitCalls).toBe(1);
  });

  it('restores and focuses the window when a second instance starts', async () => {
    const app = await start();
    app.window().minimize();
    app.fake.app.emit('second-instance', fakeEvent(), ['wellspring'], process.cwd());
    expect(app.window().restoreCalls).toBe(1);
    expect(app.window().isMinimized()).toBe(false);
    expect(app.window().focusCalls).toBe(1);
  });

  it('falls back to the sample with an error box when the last workspace cannot be opened', async () => {
    const first = await start();
    first.quit();
    const broken = path.join(first.dir, 'broken.wellspring');
    fs.writeFileSync(broken, 'garbage');
    fs.writeFileSync(path.join(first.userData, 'recent.json'), JSON.stringify([broken]));

    const second = await start({ dir: first.dir });
    expect(second.fake.record.errorBoxes).toHaveLength(1);
    expect(second.fake.record.errorBoxes[0]!.content).toContain(broken);
    const info = envelope(await second.invoke('workspace:info', {})).value as { path: string };
    expect(info.path).toBe(defaultWorkspacePath(second.userData));
  });

  it('reopens the most recent workspace on the next launch', async () => {
    const first = await start();
    const other = path.join(first.dir, 'other.wellspring');
    expect(envelope(await first.invoke('workspace:create', { path: other })).ok).toBe(true);
    first.quit();
    const second = await start({ dir: first.dir });
    expect((envelope(await second.invoke('workspace:info', {})).value as { path: string }).path).toBe(other);
    expect(second.fake.record.errorBoxes).toEqual([]);
  });

  it('removes the IPC handlers and closes the workspace on will-quit', async () => {
    const app = await start();
    const wal = `${defaultWorkspacePath(app.userData)}-wal`;
    expect(fs.existsSync(wal)).toBe(true); // open in WAL mode
    app.quit();
    expect(app.fake.record.ipcHandlers.size).toBe(0);
    expect(fs.existsSync(wal)).toBe(false); // the last connection closed and checkpointed
  });
});

describe('macOS', () => {
  const platform = Object.getOwnPropertyDescriptor(process, 'platform')!;
  afterEach(() => {
    Object.defineProperty(process, 'platform', platform);
  });

  it('keeps running without windows, reopens one on activate, and has the app and Window menus', async () => {
    Object.defineProperty(process, 'platform', { ...platform, value: 'darwin' });
    const app = await start();
    const template = app.fake.record.applicationMenu!.template;
    expect(template.map((m) => m.label ?? m.role)).toEqual([
      'appMenu',
      'File',
      'Edit',
      'View',
      'windowMenu',
      'Help',
    ]);
    expect(
      menu(app)
        .get('File')!
        .find((i) => i.id === 'app.quit'),
    ).toBeUndefined(); // Quit is in the app menu
    // Bare keys would fire while typing: left off the macOS menu; modified ones stay.
    const edit = menu(app).get('Edit')!;
    expect(edit.find((i) => i.id === 'map.addNode')?.accelerator).toBeUndefined();
    expect(edit.find((i) => i.id === 'history.undo')?.accelerator).toBe('CmdOrCtrl+Z');

    app.window().close();
    app.fake.app.emit('window-all-closed');
    expect(app.fake.record.quitCalls).toBe(0);
    app.fake.app.emit('activate');
    expect(app.fake.record.windows).toHaveLength(2);
    expect(app.fake.record.windows[1]!.isDestroyed()).toBe(false);
  });
});

describe('team workspaces', () => {
  it('keeps the password in the OS keychain (safeStorage), never in plain text, and reconnects with it at start', async () => {
    const url = teamUrl(freshSchema('shell'));
    const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'wellspring-shell-team-'));
    dirs.add(scratch);
    const made = openTeamWorkspace(url, scratch, { create: true, live: false });
    await made.close();
    made.db.close();
    // A member of its own, with a password unlike any other string here.
    const user = freshRole('shell');
    const password = 'S3cret-口令-7d1';
    const admin = await TeamSession.open(parseTeamAddress(url));
    await admin.setMember(user, 'editor', ['hq'], { password });
    await admin.close();
    const address = new URL(url);
    address.username = user;
    address.password = '';

    const app = await start();
    const r = envelope(
      await app.invoke('team:connect', { url: address.toString(), password, remember: true }),
    );
    expect(r.ok, r.message).toBe(true);
    expect((r.value as { team?: { role: string } }).team?.role).toBe('editor');
    const onDisk = fs
      .readdirSync(app.userData, { recursive: true })
      .map((f) => path.join(app.userData, String(f)))
      .filter((f) => fs.statSync(f).isFile());
    // The secret file holds ciphertext; no file of the user folder holds the password.
    const secrets = JSON.parse(
      fs.readFileSync(path.join(app.userData, 'team-secrets.json'), 'utf8'),
    ) as Record<string, string>;
    expect(Object.keys(secrets)).toEqual([address.toString()]);
    expect(onDisk.length).toBeGreaterThan(1);
    for (const f of onDisk) expect(fs.readFileSync(f).includes(Buffer.from(password)), f).toBe(false);
    // Nor the replica (a workspace file, SQLite pages).
    for (const f of fs.readdirSync(path.join(app.userData, 'team')))
      expect(fs.readFileSync(path.join(app.userData, 'team', f)).includes(Buffer.from(password)), f).toBe(
        false,
      );
    app.quit();

    // Next start: the recent team workspace reconnects with the kept password, no dialog.
    const again = await start({ dir: app.dir });
    const info = envelope(await again.invoke('workspace:info', {}));
    expect((info.value as { path: string; team?: { status: string } }).path).toBe(address.toString());
    expect((info.value as { team?: { status: string } }).team?.status).toBe('connected');
    expect(again.fake.record.errorBoxes).toEqual([]);
  });
});
