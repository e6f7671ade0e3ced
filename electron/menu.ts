import type { MenuItemConstructorOptions } from 'electron';
import { menuLabel, type MainStrings } from './strings';

/**
 * The native menu as data. What each command does is injected (`MenuActions`, built in
 * menu-actions.ts), so the template — items, labels in both languages, accelerators, what shows in
 * development only — is tested without Electron.
 */

export interface MenuActions {
  newDatabase(): void;
  openDatabase(): void;
  importApplications(): void;
  backupNow(): void;
  restoreBackup(): void;
  showAbout(): void;
  openProgrammeWebsite(): void;
}

export interface MenuOptions {
  strings: MainStrings;
  platform: NodeJS.Platform;
  /** Reload and developer tools exist in development only. */
  isDevelopment: boolean;
  actions: MenuActions;
}

export function buildMenuTemplate(options: MenuOptions): MenuItemConstructorOptions[] {
  const { strings, platform, isDevelopment, actions } = options;
  const m = strings.menu;
  const label = (text: string) => menuLabel(text, platform);
  const isMac = platform === 'darwin';
  const separator = (): MenuItemConstructorOptions => ({ type: 'separator' });

  const appMenu: MenuItemConstructorOptions = {
    label: 'Cohort',
    submenu: [
      { id: 'about', label: label(m.about), click: () => actions.showAbout() },
      separator(),
      { role: 'services', label: label(m.services) },
      separator(),
      { role: 'hide', label: label(m.hide) },
      { role: 'hideOthers', label: label(m.hideOthers) },
      { role: 'unhide', label: label(m.unhide) },
      separator(),
      { role: 'quit', label: label(m.quit) },
    ],
  };

  const fileMenu: MenuItemConstructorOptions = {
    label: label(m.file),
    submenu: [
      { id: 'newDatabase', label: label(m.newDatabase), accelerator: 'CmdOrCtrl+N', click: () => actions.newDatabase() },
      { id: 'openDatabase', label: label(m.openDatabase), accelerator: 'CmdOrCtrl+O', click: () => actions.openDatabase() },
      separator(),
      { id: 'import', label: label(m.import), accelerator: 'CmdOrCtrl+I', click: () => actions.importApplications() },
      separator(),
      { id: 'backupNow', label: label(m.backupNow), accelerator: 'CmdOrCtrl+Shift+B', click: () => actions.backupNow() },
      { id: 'restore', label: label(m.restore), click: () => actions.restoreBackup() },
      separator(),
      // On macOS, Quit lives in the application menu and File ends with Close.
      isMac ? { role: 'close', label: label(m.close) } : { id: 'quit', role: 'quit', label: label(m.quit) },
    ],
  };

  const editMenu: MenuItemConstructorOptions = {
    label: label(m.edit),
    submenu: [
      { role: 'undo', label: label(m.undo) },
      { role: 'redo', label: label(m.redo) },
      separator(),
      { role: 'cut', label: label(m.cut) },
      { role: 'copy', label: label(m.copy) },
      { role: 'paste', label: label(m.paste) },
      { role: 'selectAll', label: label(m.selectAll) },
    ],
  };

  const developerItems: MenuItemConstructorOptions[] = isDevelopment
    ? [
        { id: 'reload', role: 'reload', label: label(m.reload) },
        { id: 'toggleDevTools', role: 'toggleDevTools', label: label(m.toggleDevTools) },
        separator(),
      ]
    : [];

  const viewMenu: MenuItemConstructorOptions = {
    label: label(m.view),
    submenu: [
      ...developerItems,
      { role: 'togglefullscreen', label: label(m.toggleFullScreen) },
      separator(),
      { role: 'resetZoom', label: label(m.resetZoom) },
      { role: 'zoomIn', label: label(m.zoomIn) },
      { role: 'zoomOut', label: label(m.zoomOut) },
    ],
  };

  const windowMenu: MenuItemConstructorOptions = {
    role: 'windowMenu',
    label: label(m.window),
    submenu: [
      { role: 'minimize', label: label(m.minimize) },
      { role: 'zoom', label: label(m.zoom) },
      separator(),
      { role: 'front', label: label(m.front) },
    ],
  };

  const helpMenu: MenuItemConstructorOptions = {
    role: 'help',
    label: label(m.help),
    submenu: [
      ...(isMac ? [] : [{ id: 'about', label: label(m.about), click: () => actions.showAbout() }]),
      { id: 'programmeWebsite', label: label(m.programmeWebsite), click: () => actions.openProgrammeWebsite() },
    ],
  };

  return isMac
    ? [appMenu, fileMenu, editMenu, viewMenu, windowMenu, helpMenu]
    : [fileMenu, editMenu, viewMenu, helpMenu];
}
