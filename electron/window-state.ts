import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * The window's size and place, remembered between runs in `window-state.json` in the data
 * directory. Reading never fails (a missing or damaged file means "defaults"), and a saved place
 * that no longer fits any screen (a monitor unplugged, a resolution changed) is brought back.
 */

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface WindowState {
  /** Absent: let the OS centre the window. */
  x?: number;
  y?: number;
  width: number;
  height: number;
  maximized: boolean;
  fullScreen: boolean;
}

export const WINDOW_STATE_FILE = 'window-state.json';
export const DEFAULT_SIZE = { width: 1280, height: 820 } as const;
export const MIN_SIZE = { width: 800, height: 560 } as const;
/** How much of the window must show on a screen for its saved place to be kept. */
const MIN_VISIBLE = { width: 200, height: 100 } as const;

export function windowStatePath(dataDirectory: string): string {
  return join(dataDirectory, WINDOW_STATE_FILE);
}

const isFiniteNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);

/** Accepts only a well-formed state; anything else is null. */
export function parseWindowState(value: unknown): WindowState | null {
  if (typeof value !== 'object' || value === null) return null;
  const v = value as Record<string, unknown>;
  if (!isFiniteNumber(v.width) || !isFiniteNumber(v.height) || v.width <= 0 || v.height <= 0) return null;
  const state: WindowState = {
    width: Math.round(v.width),
    height: Math.round(v.height),
    maximized: v.maximized === true,
    fullScreen: v.fullScreen === true,
  };
  if (isFiniteNumber(v.x) && isFiniteNumber(v.y)) {
    state.x = Math.round(v.x);
    state.y = Math.round(v.y);
  }
  return state;
}

function overlap(a: Rect, b: Rect): { width: number; height: number } {
  return {
    width: Math.max(0, Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x)),
    height: Math.max(0, Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y)),
  };
}

const clamp = (value: number, min: number, max: number) => Math.min(Math.max(value, min), max);

/**
 * The state to open the window with, given the screens' work areas now. Sizes are kept between the
 * minimum and the screen; a place on no current screen (or barely on one) is dropped so the window
 * opens centred; a kept place is pulled fully onto its screen.
 */
export function clampWindowState(saved: WindowState | null, workAreas: readonly Rect[], primary: Rect): WindowState {
  const base: WindowState = saved ?? { ...DEFAULT_SIZE, maximized: false, fullScreen: false };

  let screen = primary;
  let keepPlace = false;
  if (base.x !== undefined && base.y !== undefined) {
    const rect = { x: base.x, y: base.y, width: base.width, height: base.height };
    let best = 0;
    for (const area of workAreas) {
      const o = overlap(rect, area);
      const visible = o.width * o.height;
      if (o.width >= Math.min(MIN_VISIBLE.width, rect.width) && o.height >= Math.min(MIN_VISIBLE.height, rect.height) && visible > best) {
        best = visible;
        screen = area;
        keepPlace = true;
      }
    }
  }

  const width = clamp(base.width, Math.min(MIN_SIZE.width, screen.width), screen.width);
  const height = clamp(base.height, Math.min(MIN_SIZE.height, screen.height), screen.height);
  const state: WindowState = { width, height, maximized: base.maximized, fullScreen: base.fullScreen };
  if (keepPlace && base.x !== undefined && base.y !== undefined) {
    state.x = clamp(base.x, screen.x, screen.x + screen.width - width);
    state.y = clamp(base.y, screen.y, screen.y + screen.height - height);
  }
  return state;
}

export function loadWindowState(file: string): WindowState | null {
  try {
    return parseWindowState(JSON.parse(readFileSync(file, 'utf8')));
  } catch {
    return null;
  }
}

/** Written beside and renamed over, so a crash mid-write leaves the previous state, not half a file. */
export function saveWindowState(file: string, state: WindowState): void {
  mkdirSync(dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, `${JSON.stringify(state, null, 2)}\n`, 'utf8');
  renameSync(temporary, file);
}
