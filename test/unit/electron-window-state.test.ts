import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { electronNativeBinding } from '../../electron/native-binding';
import {
  clampWindowState,
  DEFAULT_SIZE,
  loadWindowState,
  MIN_SIZE,
  parseWindowState,
  saveWindowState,
  windowStatePath,
  type Rect,
} from '../../electron/window-state';

const laptop: Rect = { x: 0, y: 0, width: 1920, height: 1040 };
/** A second monitor to the right of the laptop. */
const monitor: Rect = { x: 1920, y: 0, width: 2560, height: 1400 };

describe('window state: clamping to the screens there are now', () => {
  it('opens at the default size, centred, the first time', () => {
    expect(clampWindowState(null, [laptop], laptop)).toEqual({ ...DEFAULT_SIZE, maximized: false, fullScreen: false });
  });

  it('keeps a place that is on a screen', () => {
    const saved = { x: 2100, y: 100, width: 1400, height: 900, maximized: false, fullScreen: false };
    expect(clampWindowState(saved, [laptop, monitor], laptop)).toEqual(saved);
  });

  it('drops the place when its monitor is gone, and fits the size to the screen left', () => {
    const saved = { x: 2100, y: 100, width: 2400, height: 1300, maximized: true, fullScreen: false };
    const state = clampWindowState(saved, [laptop], laptop);
    expect(state.x).toBeUndefined();
    expect(state.y).toBeUndefined();
    expect(state.width).toBe(laptop.width);
    expect(state.height).toBe(laptop.height);
    expect(state.maximized).toBe(true);
  });

  it('pulls a window hanging off the edge fully onto its screen', () => {
    const saved = { x: 1500, y: 700, width: 1000, height: 600, maximized: false, fullScreen: false };
    const state = clampWindowState(saved, [laptop], laptop);
    expect(state).toMatchObject({ x: laptop.width - 1000, y: laptop.height - 600, width: 1000, height: 600 });
  });

  it('forgets a place barely on screen (only a sliver visible)', () => {
    const saved = { x: 1900, y: 100, width: 1000, height: 700, maximized: false, fullScreen: false };
    expect(clampWindowState(saved, [laptop], laptop).x).toBeUndefined();
  });

  it('never opens smaller than the minimum', () => {
    const saved = { x: 10, y: 10, width: 100, height: 50, maximized: false, fullScreen: false };
    const state = clampWindowState(saved, [laptop], laptop);
    expect(state.width).toBe(MIN_SIZE.width);
    expect(state.height).toBe(MIN_SIZE.height);
  });
});

describe('window state: the file', () => {
  const made: string[] = [];
  const directory = () => {
    const dir = mkdtempSync(join(tmpdir(), 'cohort-window-'));
    made.push(dir);
    return dir;
  };
  afterAll(() => made.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  it('round-trips through window-state.json in the data directory', () => {
    const dir = directory();
    const file = windowStatePath(dir);
    expect(file).toBe(join(dir, 'window-state.json'));
    const state = { x: 5, y: 6, width: 1000, height: 700, maximized: true, fullScreen: false };
    saveWindowState(file, state);
    expect(loadWindowState(file)).toEqual(state);
    expect(readdirSync(dir)).toEqual(['window-state.json']);
  });

  it('creates the data directory if needed', () => {
    const file = join(directory(), 'nested', 'window-state.json');
    saveWindowState(file, { width: 900, height: 600, maximized: false, fullScreen: false });
    expect(loadWindowState(file)).toEqual({ width: 900, height: 600, maximized: false, fullScreen: false });
  });

  it('reads a missing, damaged or wrong-shaped file as "no state"', () => {
    const dir = directory();
    expect(loadWindowState(join(dir, 'absent.json'))).toBeNull();
    const damaged = join(dir, 'damaged.json');
    writeFileSync(damaged, '{"width": 12');
    expect(loadWindowState(damaged)).toBeNull();
    expect(parseWindowState({ width: 'wide', height: 600 })).toBeNull();
    expect(parseWindowState({ width: -5, height: 600 })).toBeNull();
    expect(parseWindowState([])).toBeNull();
  });

  it('ignores a half-given place and non-boolean flags', () => {
    expect(parseWindowState({ x: 10, width: 900, height: 600, maximized: 'yes' })).toEqual({
      width: 900,
      height: 600,
      maximized: false,
      fullScreen: false,
    });
  });
});

describe('the Electron build of better-sqlite3', () => {
  const base = { env: {}, appPath: '/repo', electronVersion: '45.5.0' };

  it('is .native/electron-<version>/better_sqlite3.node in development', () => {
    expect(electronNativeBinding({ ...base, isPackaged: false })).toBe(
      join('/repo', '.native', 'electron-45.5.0', 'better_sqlite3.node'),
    );
  });

  it('is the packaged module (undefined) in a packaged app', () => {
    expect(electronNativeBinding({ ...base, isPackaged: true })).toBeUndefined();
  });

  it('can be overridden with COHORT_NATIVE_BINDING', () => {
    const env = { COHORT_NATIVE_BINDING: '/opt/b.node' };
    expect(electronNativeBinding({ ...base, env, isPackaged: true })).toBe('/opt/b.node');
  });
});
