import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { CHANNEL_NAMES, EVENT_NAMES, type WellspringBridge } from './contract';

// The preload runs sandboxed: it may import only 'electron' and bundled code. It exposes named methods over a
// fixed list of channels and never ipcRenderer itself (Electron security checklist, item 20).
const channels = new Set<string>(CHANNEL_NAMES);
const events = new Set<string>(EVENT_NAMES);

const bridge: WellspringBridge = {
  invoke: (channel, input) => {
    if (!channels.has(channel)) return Promise.reject(new Error(`Unknown channel ${String(channel)}`));
    return ipcRenderer.invoke(channel, input);
  },
  on: (event, listener) => {
    if (!events.has(event)) throw new Error(`Unknown event ${String(event)}`);
    const wrapped = (_e: IpcRendererEvent, payload: unknown) => listener(payload as never);
    ipcRenderer.on(event, wrapped);
    return () => {
      ipcRenderer.removeListener(event, wrapped);
    };
  },
  platform: process.platform,
};

contextBridge.exposeInMainWorld('wellspring', bridge);
