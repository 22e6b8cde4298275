import fs from 'node:fs';
import path from 'node:path';
import type { BrowserWindow, Rectangle } from 'electron';
import { z } from 'zod';

/** A window's remembered geometry in screen DIP; x/y absent means "let the OS centre it". */
export interface WindowState {
  x?: number;
  y?: number;
  width: number;
  height: number;
  maximized: boolean;
}

/** Size of a first window, and of one whose saved state is unreadable. */
export const DEFAULT_WINDOW_STATE: WindowState = { width: 1280, height: 800, maximized: false };
/** The smallest window the layout supports (px); also the BrowserWindow's minWidth/minHeight. */
export const MIN_WINDOW_SIZE = { width: 800, height: 560 } as const;
/** How long resize/move events must pause before the state is written (ms). */
export const SAVE_DEBOUNCE_MS = 400;
/** How much of a window (px, both axes) must stay on a display for its saved position to be kept. */
const MIN_VISIBLE = 64;

const StoredState = z.object({
  x: z.number().int().optional(),
  y: z.number().int().optional(),
  width: z.number().int().min(1).max(100_000),
  height: z.number().int().min(1).max(100_000),
  maximized: z.boolean().default(false),
});

/**
 * Reads `file` (`<userData>/window-state.json`). A missing, unparsable or malformed file gives
 * DEFAULT_WINDOW_STATE — losing a window size is never worth a failed start. Never throws.
 */
export function readWindowState(file: string): WindowState {
  try {
    const parsed = StoredState.safeParse(JSON.parse(fs.readFileSync(file, 'utf8')));
    return parsed.success ? parsed.data : { ...DEFAULT_WINDOW_STATE };
  } catch {
    return { ...DEFAULT_WINDOW_STATE };
  }
}

/**
 * Fits `state` onto the displays' work areas (screen DIP, as from `screen.getAllDisplays()[i].workArea`): the
 * display sharing the largest area with the saved rectangle is chosen, the size shrunk to fit it and the position
 * moved inside it. When no display shows at least 64 × 64 px of it (a monitor was unplugged), the position is
 * dropped so the window opens centred on the primary display. Sizes never go below MIN_WINDOW_SIZE. Pure.
 */
export function clampToDisplays(state: WindowState, workAreas: readonly Rectangle[]): WindowState {
  const width = Math.max(state.width, MIN_WINDOW_SIZE.width);
  const height = Math.max(state.height, MIN_WINDOW_SIZE.height);
  const sized: WindowState = { width, height, maximized: state.maximized };
  if (state.x === undefined || state.y === undefined) return sized;
  const rect = { x: state.x, y: state.y, width, height };
  let best: { area: Rectangle; overlap: number } | null = null;
  for (const area of workAreas) {
    const w = Math.min(rect.x + rect.width, area.x + area.width) - Math.max(rect.x, area.x);
    const h = Math.min(rect.y + rect.height, area.y + area.height) - Math.max(rect.y, area.y);
    if (w >= MIN_VISIBLE && h >= MIN_VISIBLE && (!best || w * h > best.overlap))
      best = { area, overlap: w * h };
  }
  if (!best) return sized;
  const { area } = best;
  const fitW = Math.min(width, area.width);
  const fitH = Math.min(height, area.height);
  return {
    x: Math.min(Math.max(rect.x, area.x), area.x + area.width - fitW),
    y: Math.min(Math.max(rect.y, area.y), area.y + area.height - fitH),
    width: fitW,
    height: fitH,
    maximized: state.maximized,
  };
}

/**
 * Writes the window's state to `file` on close, and `SAVE_DEBOUNCE_MS` after the last resize/move/maximise.
 * The normal (un-maximised) bounds are stored, so a maximised window restores to its previous size when
 * un-maximised. Writes go to a temporary file renamed over the old one, so a crash never leaves half a file;
 * a failed write is logged and otherwise ignored. Returns a function that stops tracking.
 */
export function trackWindowState(win: BrowserWindow, file: string): () => void {
  let timer: NodeJS.Timeout | null = null;
  const save = () => {
    if (timer) clearTimeout(timer);
    timer = null;
    if (win.isDestroyed()) return;
    const b = win.getNormalBounds();
    const state: WindowState = {
      x: b.x,
      y: b.y,
      width: b.width,
      height: b.height,
      maximized: win.isMaximized(),
    };
    try {
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(`${file}.tmp`, JSON.stringify(state, null, 2));
      fs.renameSync(`${file}.tmp`, file);
    } catch (e) {
      console.warn('wellspring: could not save the window state:', e);
    }
  };
  const later = () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(save, SAVE_DEBOUNCE_MS);
  };
  const events = ['resize', 'move', 'maximize', 'unmaximize'] as const;
  for (const e of events) win.on(e as 'resize', later);
  // 'close' fires while the window still has its bounds ('closed' is too late).
  win.on('close', save);
  return () => {
    if (timer) clearTimeout(timer);
    for (const e of events) win.removeListener(e as 'resize', later);
    win.removeListener('close', save);
  };
}
