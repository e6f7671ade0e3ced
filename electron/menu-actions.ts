import { extname, join } from 'node:path';
import type {
  FileFilter,
  MessageBoxOptions,
  OpenDialogOptions,
  OpenDialogReturnValue,
  SaveDialogOptions,
  SaveDialogReturnValue,
} from 'electron';
import type { Client } from '../shared/api/client';
import type { CommandEvent } from '../shared/api/contract';
import type { AppErrorData } from '../shared/api/errors';
import { EXTERNAL_LINKS, EXTERNAL_URL_ALLOWLIST } from './external-links';
import type { MenuActions } from './menu';
import { isAllowedExternalUrl } from './security';
import { format, type MainStrings } from './strings';

/**
 * What the native menu's commands do. Electron's dialogs, shell and window are injected, so the
 * flows (cancel does nothing; New creates, Open opens; errors are shown, never thrown) are tested
 * in plain Node. main.ts passes the real `dialog`, `shell` and the window's webContents.
 */

export const DATABASE_EXTENSIONS = ['sqlite', 'cohort'] as const;

export interface MenuActionDeps {
  strings: MainStrings;
  /** Where File > New proposes to create the file. */
  dataDirectory: string;
  appVersion: string;
  electronVersion: string;
  client: Pick<Client, 'tryCall'>;
  /** Asks the renderer to carry out a command it owns (its dialogs for Import and Restore). */
  sendCommand(command: CommandEvent['command']): void;
  showSaveDialog(options: SaveDialogOptions): Promise<SaveDialogReturnValue>;
  showOpenDialog(options: OpenDialogOptions): Promise<OpenDialogReturnValue>;
  showMessageBox(options: MessageBoxOptions): Promise<unknown>;
  openExternal(url: string): Promise<void>;
  log(message: string, error?: unknown): void;
}

export function databaseFilters(strings: MainStrings): FileFilter[] {
  return [{ name: strings.dialogs.databaseFilter, extensions: [...DATABASE_EXTENSIONS] }];
}

/** Save dialogs on Linux do not add the extension of the chosen filter: add `.sqlite` ourselves. */
export function withDatabaseExtension(filePath: string): string {
  const extension = extname(filePath).slice(1).toLowerCase();
  return (DATABASE_EXTENSIONS as readonly string[]).includes(extension) ? filePath : `${filePath}.sqlite`;
}

export function createMenuActions(deps: MenuActionDeps): MenuActions {
  const d = deps.strings.dialogs;

  const showError = (message: string, error: AppErrorData) =>
    deps.showMessageBox({ type: 'error', title: 'Cohort', message, detail: error.message, buttons: [d.ok] });

  // A menu click must never leave a rejected promise behind: log it instead.
  const run = (name: string, action: () => Promise<unknown>) => () => {
    action().catch((error: unknown) => deps.log(`menu command ${name} failed`, error));
  };

  async function openDatabase(path: string, create: boolean): Promise<void> {
    const result = await deps.client.tryCall('database.open', { path, create });
    if (!result.ok) await showError(create ? d.createFailed : d.openFailed, result.error);
  }

  return {
    newDatabase: run('newDatabase', async () => {
      const choice = await deps.showSaveDialog({
        title: d.newTitle,
        buttonLabel: d.newButton,
        defaultPath: join(deps.dataDirectory, 'cohort.sqlite'),
        filters: databaseFilters(deps.strings),
        properties: ['createDirectory', 'showOverwriteConfirmation'],
      });
      if (choice.canceled || !choice.filePath) return;
      await openDatabase(withDatabaseExtension(choice.filePath), true);
    }),

    openDatabase: run('openDatabase', async () => {
      const choice = await deps.showOpenDialog({
        title: d.openTitle,
        buttonLabel: d.openButton,
        defaultPath: deps.dataDirectory,
        filters: databaseFilters(deps.strings),
        properties: ['openFile'],
      });
      const path = choice.filePaths[0];
      if (choice.canceled || path === undefined) return;
      await openDatabase(path, false);
    }),

    importApplications: () => deps.sendCommand('import'),

    backupNow: run('backupNow', async () => {
      const result = await deps.client.tryCall('database.backupNow', {});
      if (!result.ok) {
        await showError(d.backupFailed, result.error);
        return;
      }
      await deps.showMessageBox({
        type: 'info',
        title: 'Cohort',
        message: d.backupDone,
        detail: result.value.path,
        buttons: [d.ok],
      });
    }),

    restoreBackup: () => deps.sendCommand('restore'),

    showAbout: run('showAbout', () =>
      deps.showMessageBox({
        type: 'info',
        title: d.aboutTitle,
        message: `Cohort ${deps.appVersion}`,
        detail: format(d.aboutDetail, { version: deps.appVersion, electron: deps.electronVersion }),
        buttons: [d.ok],
      }),
    ),

    openProgrammeWebsite: run('openProgrammeWebsite', async () => {
      const url = EXTERNAL_LINKS.programme;
      if (isAllowedExternalUrl(url, EXTERNAL_URL_ALLOWLIST)) await deps.openExternal(url);
    }),
  };
}
