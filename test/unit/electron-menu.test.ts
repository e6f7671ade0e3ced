import type {
  MenuItemConstructorOptions,
  MessageBoxOptions,
  OpenDialogOptions,
  OpenDialogReturnValue,
  SaveDialogOptions,
  SaveDialogReturnValue,
} from 'electron';
import { describe, expect, it } from 'vitest';
import type { Client } from '../../shared/api/client';
import type { CommandEvent } from '../../shared/api/contract';
import type { ApiResult } from '../../shared/api/errors';
import { buildMenuTemplate, type MenuActions } from '../../electron/menu';
import { createMenuActions, withDatabaseExtension } from '../../electron/menu-actions';
import { format, localeFrom, MAIN_STRINGS, mainStrings, menuLabel, type MainStrings } from '../../electron/strings';

function recordingActions() {
  const called: string[] = [];
  const record = (name: string) => () => void called.push(name);
  const actions: MenuActions = {
    newDatabase: record('newDatabase'),
    openDatabase: record('openDatabase'),
    importApplications: record('importApplications'),
    backupNow: record('backupNow'),
    restoreBackup: record('restoreBackup'),
    showAbout: record('showAbout'),
    openProgrammeWebsite: record('openProgrammeWebsite'),
  };
  return { actions, called };
}

function submenuOf(item: MenuItemConstructorOptions | undefined): MenuItemConstructorOptions[] {
  const submenu = item?.submenu;
  return Array.isArray(submenu) ? (submenu as MenuItemConstructorOptions[]) : [];
}

function all(template: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return template.flatMap((item) => [item, ...all(submenuOf(item))]);
}

const build = (locale: 'en' | 'fr', platform: NodeJS.Platform, isDevelopment = false) => {
  const { actions, called } = recordingActions();
  const template = buildMenuTemplate({ strings: mainStrings(locale), platform, isDevelopment, actions });
  return { template, called };
};

describe('the native menu', () => {
  it('has File with New, Open, Import, Backup now, Restore and Quit (Windows)', () => {
    const { template } = build('en', 'win32');
    const file = template[0];
    expect(file?.label).toBe('&File');
    const labels = submenuOf(file)
      .filter((i) => i.type !== 'separator')
      .map((i) => i.label);
    expect(labels).toEqual([
      '&New database…',
      '&Open database…',
      '&Import applications…',
      '&Backup now',
      '&Restore from backup…',
      '&Quit',
    ]);
    expect(template.map((m) => m.label)).toEqual(['&File', '&Edit', '&View', '&Help']);
  });

  it('is in French when asked, with the same items', () => {
    const { template } = build('fr', 'win32');
    expect(template.map((m) => m.label)).toEqual(['&Fichier', '&Édition', '&Affichage', 'Ai&de']);
    const labels = submenuOf(template[0]).map((i) => i.label);
    expect(labels).toContain('&Nouvelle base de données…');
    expect(labels).toContain('&Ouvrir une base de données…');
    expect(labels).toContain('&Sauvegarder maintenant');
    expect(labels).toContain('&Restaurer une sauvegarde…');
  });

  it('calls the injected action of each command', () => {
    const { template, called } = build('en', 'linux');
    for (const id of ['newDatabase', 'openDatabase', 'import', 'backupNow', 'restore', 'about', 'programmeWebsite']) {
      const item = all(template).find((i) => i.id === id);
      expect(item, id).toBeDefined();
      (item?.click as (() => void) | undefined)?.();
    }
    expect(called).toEqual([
      'newDatabase',
      'openDatabase',
      'importApplications',
      'backupNow',
      'restoreBackup',
      'showAbout',
      'openProgrammeWebsite',
    ]);
  });

  it('offers reload and developer tools in development only', () => {
    const roles = (dev: boolean) => all(build('en', 'win32', dev).template).map((i) => i.role);
    expect(roles(false)).not.toContain('reload');
    expect(roles(false)).not.toContain('toggleDevTools');
    expect(roles(true)).toContain('reload');
    expect(roles(true)).toContain('toggleDevTools');
    expect(roles(false)).toEqual(expect.arrayContaining(['togglefullscreen', 'zoomIn', 'zoomOut', 'resetZoom']));
  });

  it('gives keyboard shortcuts to New, Open, Import and Backup now', () => {
    const items = all(build('en', 'win32').template);
    const accelerator = (id: string) => items.find((i) => i.id === id)?.accelerator;
    expect(accelerator('newDatabase')).toBe('CmdOrCtrl+N');
    expect(accelerator('openDatabase')).toBe('CmdOrCtrl+O');
    expect(accelerator('import')).toBe('CmdOrCtrl+I');
    expect(accelerator('backupNow')).toBeDefined();
  });

  it('follows macOS conventions: app menu first, no & in labels, Quit out of File', () => {
    const { template } = build('en', 'darwin');
    expect(template[0]?.label).toBe('Cohort');
    expect(all(template).some((i) => i.label?.includes('&'))).toBe(false);
    expect(submenuOf(template[1]).some((i) => i.role === 'quit')).toBe(false);
    expect(submenuOf(template[0]).some((i) => i.role === 'quit')).toBe(true);
  });

  it('has no two top-level mnemonics alike (Alt+letter must be unambiguous)', () => {
    for (const locale of ['en', 'fr'] as const) {
      const letters = build(locale, 'win32').template.map((m) => /&(.)/.exec(m.label ?? '')?.[1]?.toLowerCase());
      expect(new Set(letters).size, locale).toBe(letters.length);
    }
  });
});

describe('the main-process strings', () => {
  function leaves(value: unknown, path = ''): [string, unknown][] {
    if (typeof value !== 'object' || value === null) return [[path, value]];
    return Object.entries(value).flatMap(([key, child]) => leaves(child, path ? `${path}.${key}` : key));
  }

  it('exist in English and French for every key, none empty', () => {
    const en = leaves(MAIN_STRINGS.en);
    const fr = leaves(MAIN_STRINGS.fr);
    expect(fr.map(([key]) => key)).toEqual(en.map(([key]) => key));
    for (const [key, text] of [...en, ...fr]) {
      expect(typeof text, key).toBe('string');
      expect(String(text).trim(), key).not.toBe('');
    }
  });

  it('picks French for any fr locale, English otherwise', () => {
    expect(localeFrom('fr')).toBe('fr');
    expect(localeFrom('fr-BE')).toBe('fr');
    expect(localeFrom('FR-ca')).toBe('fr');
    expect(localeFrom('en-GB')).toBe('en');
    expect(localeFrom('de')).toBe('en');
    expect(localeFrom('')).toBe('en');
  });

  it('formats placeholders and strips mnemonics on macOS only', () => {
    expect(format('Version {version} · {x}', { version: '1.2.3' })).toBe('Version 1.2.3 · {x}');
    expect(menuLabel('&File', 'darwin')).toBe('File');
    expect(menuLabel('&File', 'win32')).toBe('&File');
  });
});

// ---- What the commands do -----------------------------------------------------------------

type Call = { method: string; input: unknown };

function harness(options: {
  save?: SaveDialogReturnValue;
  open?: OpenDialogReturnValue;
  results?: Record<string, ApiResult>;
}) {
  const calls: Call[] = [];
  const commands: CommandEvent['command'][] = [];
  const messages: MessageBoxOptions[] = [];
  const saveDialogs: SaveDialogOptions[] = [];
  const openDialogs: OpenDialogOptions[] = [];
  const opened: string[] = [];
  const logged: unknown[] = [];
  const client: Pick<Client, 'tryCall'> = {
    tryCall: ((method: string, input: unknown) => {
      calls.push({ method, input });
      return Promise.resolve(options.results?.[method] ?? { ok: true, value: {} });
    }) as Client['tryCall'],
  };
  const strings: MainStrings = mainStrings('en');
  const actions = createMenuActions({
    strings,
    dataDirectory: '/data/cohort',
    appVersion: '0.1.0',
    electronVersion: '45.5.0',
    client,
    sendCommand: (command) => void commands.push(command),
    showSaveDialog: (o) => {
      saveDialogs.push(o);
      return Promise.resolve(options.save ?? { canceled: true, filePath: '' });
    },
    showOpenDialog: (o) => {
      openDialogs.push(o);
      return Promise.resolve(options.open ?? { canceled: true, filePaths: [] });
    },
    showMessageBox: (o) => {
      messages.push(o);
      return Promise.resolve({ response: 0, checkboxChecked: false });
    },
    openExternal: (url) => {
      opened.push(url);
      return Promise.resolve();
    },
    log: (_m, e) => void logged.push(e),
  });
  /** Menu clicks return at once; let the awaited dialog and call settle. */
  const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
  return { actions, calls, commands, messages, saveDialogs, openDialogs, opened, logged, settle };
}

describe('the menu commands', () => {
  it('File > New asks where, then creates the database there', async () => {
    const h = harness({ save: { canceled: false, filePath: '/home/me/campaign-2027' } });
    h.actions.newDatabase();
    await h.settle();
    expect(h.saveDialogs[0]?.filters).toEqual([{ name: 'Cohort database', extensions: ['sqlite', 'cohort'] }]);
    expect(h.calls).toEqual([{ method: 'database.open', input: { path: '/home/me/campaign-2027.sqlite', create: true } }]);
    expect(h.messages).toEqual([]);
  });

  it('File > Open opens the chosen file without creating it', async () => {
    const h = harness({ open: { canceled: false, filePaths: ['/home/me/old.cohort'] } });
    h.actions.openDatabase();
    await h.settle();
    expect(h.openDialogs[0]?.properties).toEqual(['openFile']);
    expect(h.calls).toEqual([{ method: 'database.open', input: { path: '/home/me/old.cohort', create: false } }]);
  });

  it('does nothing when a dialog is cancelled', async () => {
    const h = harness({});
    h.actions.newDatabase();
    h.actions.openDatabase();
    await h.settle();
    expect(h.calls).toEqual([]);
    expect(h.messages).toEqual([]);
  });

  it('shows the reason when the database cannot be opened (e.g. from a newer Cohort)', async () => {
    const h = harness({
      open: { canceled: false, filePaths: ['/home/me/future.sqlite'] },
      results: {
        'database.open': { ok: false, error: { code: 'Conflict', kind: 'DatabaseFromFuture', message: 'Newer Cohort.' } },
      },
    });
    h.actions.openDatabase();
    await h.settle();
    expect(h.messages).toHaveLength(1);
    expect(h.messages[0]).toMatchObject({ type: 'error', detail: 'Newer Cohort.' });
  });

  it('Backup now backs up and says where the copy is', async () => {
    const h = harness({
      results: {
        'database.backupNow': {
          ok: true,
          value: { file: 'b.sqlite', path: '/data/cohort/backups/b.sqlite', createdAt: '', reason: 'manual', sizeBytes: 1 },
        },
      },
    });
    h.actions.backupNow();
    await h.settle();
    expect(h.calls).toEqual([{ method: 'database.backupNow', input: {} }]);
    expect(h.messages[0]).toMatchObject({ type: 'info', detail: '/data/cohort/backups/b.sqlite' });
  });

  it('Import… and Restore… hand the command to the renderer', () => {
    const h = harness({});
    h.actions.importApplications();
    h.actions.restoreBackup();
    expect(h.commands).toEqual(['import', 'restore']);
    expect(h.calls).toEqual([]);
  });

  it('opens only the allowlisted programme website', async () => {
    const h = harness({});
    h.actions.openProgrammeWebsite();
    await h.settle();
    expect(h.opened).toEqual(['https://www.nato.int/cps/en/natolive/72038.htm']);
  });

  it('adds .sqlite to a chosen name without a database extension', () => {
    expect(withDatabaseExtension('/x/a')).toBe('/x/a.sqlite');
    expect(withDatabaseExtension('/x/a.txt')).toBe('/x/a.txt.sqlite');
    expect(withDatabaseExtension('/x/a.SQLITE')).toBe('/x/a.SQLITE');
    expect(withDatabaseExtension('/x/a.cohort')).toBe('/x/a.cohort');
  });
});
