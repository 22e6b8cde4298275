/**
 * A stand-in for the `electron` module, just large enough for out/main/index.js to boot against it in plain Node
 * (the Electron binary cannot be downloaded here). It records what the shell asks of Electron — window options,
 * IPC handlers, session hooks, menu templates, dialogs — and lets a test play Electron's side: emit app and
 * window events, call registered handlers, answer dialogs.
 */

type Listener = (...args: unknown[]) => unknown;

/** A screen rectangle in DIP. */
export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Minimal EventEmitter with Electron's method names. */
export class Emitter {
  readonly listeners = new Map<string, Listener[]>();
  on(event: string, fn: Listener): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), fn]);
    return this;
  }
  once(event: string, fn: Listener): this {
    const wrapped: Listener = (...args) => {
      this.removeListener(event, wrapped);
      return fn(...args);
    };
    return this.on(event, wrapped);
  }
  removeListener(event: string, fn: Listener): this {
    this.listeners.set(
      event,
      (this.listeners.get(event) ?? []).filter((l) => l !== fn),
    );
    return this;
  }
  off(event: string, fn: Listener): this {
    return this.removeListener(event, fn);
  }
  /** Calls every listener of `event` in order (test side). */
  emit(event: string, ...args: unknown[]): boolean {
    const list = this.listeners.get(event) ?? [];
    for (const l of list) l(...args);
    return list.length > 0;
  }
  listenerCount(event: string): number {
    return this.listeners.get(event)?.length ?? 0;
  }
}

/** The result of `setWindowOpenHandler`'s handler. */
export type WindowOpenResponse = { action: 'deny' | 'allow' };

export class FakeWebContents extends Emitter {
  readonly sent: Array<{ channel: string; payload: unknown }> = [];
  windowOpenHandler: ((details: { url: string }) => WindowOpenResponse) | null = null;
  setWindowOpenHandler(handler: (details: { url: string }) => WindowOpenResponse): void {
    this.windowOpenHandler = handler;
  }
  send(channel: string, payload: unknown): void {
    this.sent.push({ channel, payload });
  }
  /** Options of every printToPDF call; the bytes answered name the page size and orientation asked for. */
  readonly printed: Array<Record<string, unknown>> = [];
  printToPDF(options: Record<string, unknown>): Promise<Buffer> {
    this.printed.push(options);
    return Promise.resolve(
      Buffer.from(`%PDF-1.7 ${String(options.pageSize)} ${String(options.landscape)}\n`),
    );
  }
}

/** A navigation or close event as Electron passes it: `preventDefault` is recorded. */
export function fakeEvent<T extends object = object>(
  extra: T = {} as T,
): T & { defaultPrevented: boolean; preventDefault(): void } {
  const e = {
    ...extra,
    defaultPrevented: false,
    preventDefault() {
      e.defaultPrevented = true;
    },
  };
  return e;
}

export interface FakeElectronOptions {
  /** What `app.getPath('userData')` answers unless the shell calls `setPath`. */
  userData: string;
  /** What `app.getPath('documents')` answers. */
  documents: string;
  locale?: string;
  /** What `requestSingleInstanceLock()` answers (default true). */
  lock?: boolean;
  /** Work areas of the displays (default one 1920 × 1080 display). */
  displays?: Rect[];
}

/** Builds a fresh stand-in; every launch of the bundle gets its own. */
export function createFakeElectron(options: FakeElectronOptions) {
  const paths = new Map<string, string>([
    ['userData', options.userData],
    ['documents', options.documents],
  ]);
  const displays = options.displays ?? [{ x: 0, y: 0, width: 1920, height: 1080 }];
  const record = {
    quitCalls: 0,
    exitCode: null as number | null,
    whenReadyCalls: 0,
    windows: [] as FakeBrowserWindow[],
    ipcHandlers: new Map<string, Listener>(),
    ipcOnChannels: [] as string[],
    headersListener: null as Listener | null,
    permissionHandler: null as Listener | null,
    templates: [] as MenuTemplate[],
    applicationMenu: null as { template: MenuTemplate } | null,
    errorBoxes: [] as Array<{ title: string; content: string }>,
    messageBoxes: [] as Array<Record<string, unknown>>,
    saveDialogs: [] as Array<Record<string, unknown>>,
    openDialogs: [] as Array<Record<string, unknown>>,
    openedExternally: [] as string[],
    /** Next answers of the save/open dialogs (default: cancelled). */
    nextSave: [] as Array<{ canceled: boolean; filePath?: string }>,
    nextOpen: [] as Array<{ canceled: boolean; filePaths: string[] }>,
    focusedWindow: null as FakeBrowserWindow | null,
  };
  const lastArg = (args: unknown[]) => args[args.length - 1] as Record<string, unknown>;

  class FakeApp extends Emitter {
    isPackaged = false;
    whenReady(): Promise<void> {
      record.whenReadyCalls++;
      return Promise.resolve();
    }
    requestSingleInstanceLock(): boolean {
      return options.lock ?? true;
    }
    getPath(name: string): string {
      const p = paths.get(name);
      if (!p) throw new Error(`fake electron: no path ${name}`);
      return p;
    }
    setPath(name: string, value: string): void {
      paths.set(name, value);
    }
    getLocale(): string {
      return options.locale ?? 'en-US';
    }
    getName(): string {
      return 'Wellspring';
    }
    getVersion(): string {
      return '0.1.0';
    }
    quit(): void {
      record.quitCalls++;
    }
    exit(code = 0): void {
      record.exitCode = code;
    }
  }

  class FakeBrowserWindow extends Emitter {
    readonly webContents = new FakeWebContents();
    bounds: Rect;
    maximized = false;
    minimized = false;
    visible = false;
    destroyed = false;
    focusCalls = 0;
    restoreCalls = 0;
    loaded: { file?: string; url?: string } | null = null;
    constructor(readonly options: Record<string, unknown>) {
      super();
      const n = (k: string, d: number) => (typeof options[k] === 'number' ? (options[k] as number) : d);
      this.bounds = { x: n('x', 100), y: n('y', 100), width: n('width', 800), height: n('height', 600) };
      record.windows.push(this);
    }
    static getAllWindows(): FakeBrowserWindow[] {
      return record.windows.filter((w) => !w.destroyed);
    }
    static getFocusedWindow(): FakeBrowserWindow | null {
      return record.focusedWindow;
    }
    loadFile(file: string): Promise<void> {
      this.loaded = { file };
      return Promise.resolve();
    }
    loadURL(url: string): Promise<void> {
      this.loaded = { url };
      return Promise.resolve();
    }
    getBounds(): Rect {
      return { ...this.bounds };
    }
    getNormalBounds(): Rect {
      return { ...this.bounds };
    }
    /** Test side: moves/resizes the window and emits what Electron would. */
    setBounds(b: Rect): void {
      this.bounds = { ...b };
      this.emit('move');
      this.emit('resize');
    }
    isMaximized(): boolean {
      return this.maximized;
    }
    maximize(): void {
      this.maximized = true;
      this.emit('maximize');
    }
    isMinimized(): boolean {
      return this.minimized;
    }
    minimize(): void {
      this.minimized = true;
    }
    restore(): void {
      this.restoreCalls++;
      this.minimized = false;
    }
    isVisible(): boolean {
      return this.visible;
    }
    show(): void {
      this.visible = true;
    }
    focus(): void {
      this.focusCalls++;
    }
    isDestroyed(): boolean {
      return this.destroyed;
    }
    /** Test side: closes the window the way Electron does ('close', then 'closed'). */
    close(): void {
      if (this.destroyed) return;
      const e = fakeEvent();
      this.emit('close', e);
      if (e.defaultPrevented) return;
      this.destroyed = true;
      this.emit('closed');
    }
  }

  const app = new FakeApp();
  // The OS keychain's encryption, played with a fixed XOR key: what is stored is not the plain text, and only
  // this "machine" (the stand-in) can read it back.
  const KEY = 0x5a;
  const xor = (b: Buffer) => Buffer.from(b.map((c) => c ^ KEY));
  const electron = {
    app,
    safeStorage: {
      isEncryptionAvailable: () => true,
      encryptString: (plain: string) =>
        Buffer.concat([Buffer.from('fake-os:'), xor(Buffer.from(plain, 'utf8'))]),
      decryptString: (cipher: Buffer) => {
        if (!cipher.subarray(0, 8).equals(Buffer.from('fake-os:'))) throw new Error('not ours');
        return xor(cipher.subarray(8)).toString('utf8');
      },
    },
    BrowserWindow: FakeBrowserWindow,
    ipcMain: {
      handle(channel: string, fn: Listener) {
        // Electron throws on a second handler for one channel.
        if (record.ipcHandlers.has(channel))
          throw new Error(`Attempted to register a second handler for '${channel}'`);
        record.ipcHandlers.set(channel, fn);
      },
      removeHandler(channel: string) {
        record.ipcHandlers.delete(channel);
      },
      on(channel: string) {
        record.ipcOnChannels.push(channel);
      },
      once(channel: string) {
        record.ipcOnChannels.push(channel);
      },
    },
    session: {
      defaultSession: {
        webRequest: {
          onHeadersReceived(...args: unknown[]) {
            record.headersListener = args[args.length - 1] as Listener;
          },
        },
        setPermissionRequestHandler(handler: Listener) {
          record.permissionHandler = handler;
        },
      },
    },
    Menu: {
      buildFromTemplate(template: MenuTemplate) {
        record.templates.push(template);
        return { template };
      },
      setApplicationMenu(menu: { template: MenuTemplate } | null) {
        record.applicationMenu = menu;
      },
    },
    dialog: {
      showSaveDialog(...args: unknown[]) {
        record.saveDialogs.push(lastArg(args));
        return Promise.resolve(record.nextSave.shift() ?? { canceled: true });
      },
      showOpenDialog(...args: unknown[]) {
        record.openDialogs.push(lastArg(args));
        return Promise.resolve(record.nextOpen.shift() ?? { canceled: true, filePaths: [] });
      },
      showMessageBox(...args: unknown[]) {
        record.messageBoxes.push(lastArg(args));
        return Promise.resolve({ response: 0, checkboxChecked: false });
      },
      showErrorBox(title: string, content: string) {
        record.errorBoxes.push({ title, content });
      },
    },
    shell: {
      openExternal(url: string) {
        record.openedExternally.push(url);
        return Promise.resolve();
      },
    },
    screen: {
      getAllDisplays: () => displays.map((workArea, id) => ({ id, bounds: workArea, workArea })),
      getPrimaryDisplay: () => ({ id: 0, bounds: displays[0], workArea: displays[0] }),
      getDisplayMatching: () => ({ id: 0, bounds: displays[0], workArea: displays[0] }),
    },
  };
  return { electron, app, record, BrowserWindow: FakeBrowserWindow };
}

/** A menu item as the shell builds it (the subset the tests read). */
export interface MenuItem {
  id?: string;
  label?: string;
  role?: string;
  type?: string;
  accelerator?: string;
  registerAccelerator?: boolean;
  enabled?: boolean;
  click?: () => void;
  submenu?: MenuItem[];
}
export type MenuTemplate = MenuItem[];

export type FakeElectron = ReturnType<typeof createFakeElectron>;
export type FakeWindow = InstanceType<FakeElectron['BrowserWindow']>;
