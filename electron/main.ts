import { existsSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { homedir, userInfo } from 'node:os';
import { join } from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, Menu, nativeTheme, protocol, safeStorage, screen, session, shell, type WebContents } from 'electron';
import { createClient, type Transport } from '../shared/api/client';
import { toErrorData, type AppErrorData } from '../shared/api/errors';
import { backupDirectoryFor, defaultDataDirectory, defaultDatabasePath } from './core/paths';
import { startWorkerHost, type WorkerHost } from './core/worker-host';
import type { ServerPoolOptions } from '../db/postgres/pool';
import { changedEvent } from './core/changes';
import { ConnectionController } from './connection-controller';
import { registerConnectionIpc } from './connection-ipc';
import { SwitchableHost } from './host-switch';
import { osKeychain } from './server-keychain';
import { APP_ENTRY_URL, APP_SCHEME, APP_SCHEME_PRIVILEGES, contentTypeFor, resolveAppAsset } from './app-protocol';
import { EXTERNAL_URL_ALLOWLIST } from './external-links';
import { createPrivateFile, makePrivate } from '../db/private-files';
import { registerIpc, sendEvent } from './ipc';
import { pdfOptions } from './pdf';
import { PathGrants } from './path-policy';
import { buildMenuTemplate, type MenuActions } from './menu';
import { createMenuActions, databaseFilters } from './menu-actions';
import { electronNativeBinding } from './native-binding';
import {
  isAllowedExternalUrl,
  isPermissionGranted,
  responseSecurityHeaders,
  secureWebPreferences,
  shouldAllowNavigation,
} from './security';
import { localeFrom, mainStrings, type MainStrings } from './strings';
import { clampWindowState, loadWindowState, MIN_SIZE, saveWindowState, windowStatePath, type WindowState } from './window-state';

/**
 * The Electron main process: lifecycle, one window, the menu, and a relay to the database worker.
 * Bundled to dist/node/main.cjs; its siblings there are preload.cjs and worker.cjs, and the
 * renderer is dist/renderer. Every security decision is a function of security.ts.
 */

const log = (message: string, detail?: unknown) => console.error(`[cohort] ${message}`, detail ?? '');

const isDevelopment = !app.isPackaged;
const dataDirectory = defaultDataDirectory(process.platform, process.env, homedir());
const rendererDirectory = join(__dirname, '..', 'renderer');

let mainWindow: BrowserWindow | null = null;
let host: SwitchableHost | null = null;

// ---- Before ready ---------------------------------------------------------------------------

// Only privileged before `ready`: the app's own origin, app://cohort (see app-protocol.ts).
protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);
// Every renderer sandboxed, whatever a future window forgets to say.
app.enableSandbox();
// Chromium's caches and storage beside our data, in the local (never roaming) profile.
app.setPath('sessionData', join(dataDirectory, 'chromium'));

// Any web contents, present or future: no <webview>, no navigation away from the app, no new
// windows; an allowed https link (one the app built) opens in the user's browser instead.
app.on('web-contents-created', (_event, contents) => {
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    log('refused to attach a webview');
  });
  contents.on('will-frame-navigate', (event) => {
    if (!shouldAllowNavigation(event.url)) {
      event.preventDefault();
      log('refused navigation', event.url);
    }
  });
  contents.on('will-redirect', (event) => {
    if (!shouldAllowNavigation(event.url)) {
      event.preventDefault();
      log('refused redirect', event.url);
    }
  });
  contents.setWindowOpenHandler(({ url }) => {
    if (isAllowedExternalUrl(url, EXTERNAL_URL_ALLOWLIST)) {
      shell.openExternal(url).catch((error: unknown) => log('could not open a link', error));
    } else {
      log('refused to open a window', url);
    }
    return { action: 'deny' };
  });
});

// ---- After ready ----------------------------------------------------------------------------

function serveRenderer(): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const headers = responseSecurityHeaders();
    const file = resolveAppAsset(request.url, rendererDirectory);
    if (file !== null) {
      try {
        const body = await readFile(file);
        return new Response(new Uint8Array(body), { headers: { ...headers, 'Content-Type': contentTypeFor(file) } });
      } catch {
        // fall through: a missing file is a 404 like a refused one
      }
    }
    return new Response('Not found', { status: 404, headers: { ...headers, 'Content-Type': 'text/plain; charset=utf-8' } });
  });
}

function denyPermissions(): void {
  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((_contents, permission, callback) => callback(isPermissionGranted(permission)));
  ses.setPermissionCheckHandler((_contents, permission) => isPermissionGranted(permission));
  ses.setDevicePermissionHandler(() => false);
}

function currentUserName(): string {
  try {
    return userInfo().username;
  } catch {
    return process.env.USERNAME ?? process.env.USER ?? '';
  }
}

/**
 * Starts the worker on a database (a file, or the office server's URL with its password and CA
 * file); resolves with the host once open, or with why it could not.
 */
async function openHost(databasePath: string, nativeBinding: string | undefined, server?: ServerPoolOptions): Promise<WorkerHost | AppErrorData> {
  const started = startWorkerHost({
    workerScript: join(__dirname, 'worker.cjs'),
    databasePath,
    ...(server !== undefined ? { server } : {}),
    dataDirectory,
    backupDirectory: backupDirectoryFor(dataDirectory),
    nativeBinding,
    userName: currentUserName(),
    appVersion: app.getVersion(),
  });
  try {
    await started.ready;
    return started;
  } catch (error) {
    await started.close();
    return toErrorData(error);
  }
}

/**
 * Opens the default database; when it cannot be (e.g. written by a newer Cohort, which is left
 * untouched) says why and offers another file, or quitting.
 */
async function openFirstDatabase(strings: MainStrings, nativeBinding: string | undefined): Promise<WorkerHost | null> {
  let databasePath = defaultDatabasePath(dataDirectory);
  for (;;) {
    const opened = await openHost(databasePath, nativeBinding);
    if (!('code' in opened)) return opened;
    log(`could not open ${databasePath}`, opened.message);
    const { response } = await dialog.showMessageBox({
      type: 'error',
      title: 'Cohort',
      message: strings.dialogs.startFailed,
      detail: `${databasePath}\n\n${opened.message}`,
      buttons: [strings.dialogs.startChooseOther, strings.dialogs.startQuit],
      defaultId: 0,
      cancelId: 1,
    });
    if (response !== 0) return null;
    const choice = await dialog.showOpenDialog({
      title: strings.dialogs.openTitle,
      filters: databaseFilters(strings),
      properties: ['openFile'],
    });
    const chosen = choice.filePaths[0];
    if (choice.canceled || chosen === undefined) return null;
    databasePath = chosen;
  }
}

function createWindow(): BrowserWindow {
  const stateFile = windowStatePath(dataDirectory);
  const state = clampWindowState(
    loadWindowState(stateFile),
    screen.getAllDisplays().map((display) => display.workArea),
    screen.getPrimaryDisplay().workArea,
  );
  const place = state.x !== undefined && state.y !== undefined ? { x: state.x, y: state.y } : { center: true };
  const window = new BrowserWindow({
    ...place,
    width: state.width,
    height: state.height,
    minWidth: MIN_SIZE.width,
    minHeight: MIN_SIZE.height,
    title: 'Cohort',
    show: false,
    backgroundColor: nativeTheme.shouldUseDarkColors ? '#1f1f1f' : '#ffffff',
    webPreferences: secureWebPreferences(join(__dirname, 'preload.cjs'), { devTools: isDevelopment }),
  });
  if (state.maximized) window.maximize();
  if (state.fullScreen) window.setFullScreen(true);
  window.once('ready-to-show', () => window.show());
  window.on('close', () => {
    const bounds = window.getNormalBounds();
    const current: WindowState = { ...bounds, maximized: window.isMaximized(), fullScreen: window.isFullScreen() };
    try {
      saveWindowState(stateFile, current);
    } catch (error) {
      log('could not remember the window state', error);
    }
  });
  window.on('closed', () => {
    if (mainWindow === window) mainWindow = null;
  });
  window.webContents.on('render-process-gone', (_event, details) => log('the window stopped', details));
  window.loadURL(APP_ENTRY_URL).catch((error: unknown) => log('could not load the app', error));
  return window;
}

function installMenu(strings: MainStrings, worker: Transport): MenuActions {
  const parent = () => mainWindow ?? undefined;
  const actions = createMenuActions({
    strings,
    dataDirectory,
    appVersion: app.getVersion(),
    electronVersion: process.versions.electron,
    client: createClient(worker),
    sendCommand: (command) => sendEvent(mainWindow?.webContents, { type: 'command', command }),
    showSaveDialog: (options) => {
      const window = parent();
      return window ? dialog.showSaveDialog(window, options) : dialog.showSaveDialog(options);
    },
    showOpenDialog: (options) => {
      const window = parent();
      return window ? dialog.showOpenDialog(window, options) : dialog.showOpenDialog(options);
    },
    showMessageBox: (options) => {
      const window = parent();
      return window ? dialog.showMessageBox(window, options) : dialog.showMessageBox(options);
    },
    openExternal: (url) => shell.openExternal(url),
    log,
  });
  const template = buildMenuTemplate({ strings, platform: process.platform, isDevelopment, actions });
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
  return actions;
}

async function start(): Promise<void> {
  const strings = mainStrings(localeFrom(app.getLocale()));
  denyPermissions();
  serveRenderer();

  const binding = electronNativeBinding({
    env: process.env,
    isPackaged: app.isPackaged,
    appPath: app.getAppPath(),
    electronVersion: process.versions.electron,
  });
  if (binding !== undefined && !existsSync(binding)) {
    dialog.showErrorBox('Cohort', `${strings.dialogs.nativeMissing}\n\n${binding}`);
    app.quit();
    return;
  }

  const target = (): WebContents | null => mainWindow?.webContents ?? null;
  // Settings > Database: the office server when it is remembered and its password is in the
  // keychain, else this computer's file (Settings then says why the server was not opened).
  const connections = new ConnectionController({
    dataDirectory,
    box: osKeychain(safeStorage, process.platform),
    open: (databasePath, server) => openHost(databasePath, binding, server),
    announce: () => sendEvent(target(), changedEvent('database')),
    log,
  });
  const first = (await connections.openAtStart()) ?? (await openFirstDatabase(strings, binding));
  if (!first) {
    app.quit();
    return;
  }
  host = new SwitchableHost(first);
  connections.attach(host);
  host.onFileOpened(() => connections.fileOpened());
  const actions = installMenu(strings, host);
  // The page names no file by itself: databases come from the native dialogs below, imports from
  // files the user chose or dropped (electron/path-policy.ts).
  registerIpc({
    ipcMain,
    host,
    target,
    log,
    grants: new PathGrants(),
    commands: { openDatabase: () => actions.openDatabase(), newDatabase: () => actions.newDatabase() },
    showSaveDialog: (suggested) => {
      const options = { title: strings.dialogs.saveTitle, defaultPath: join(app.getPath('documents'), suggested) };
      return mainWindow ? dialog.showSaveDialog(mainWindow, options) : dialog.showSaveDialog(options);
    },
    showFolderDialog: () => {
      const options = { title: strings.dialogs.folderTitle, defaultPath: app.getPath('documents'), properties: ['openDirectory' as const, 'createDirectory' as const] };
      return mainWindow ? dialog.showOpenDialog(mainWindow, options) : dialog.showOpenDialog(options);
    },
    showItemInFolder: (path) => shell.showItemInFolder(path),
    printToPdf: (contents) => contents.printToPDF(pdfOptions()),
    writePrivateFile: (path, bytes) => {
      // Readable by the user alone: the PDF may hold personal data.
      createPrivateFile(path);
      makePrivate(path);
      writeFileSync(path, bytes);
    },
  });
  registerConnectionIpc({
    ipcMain,
    service: connections,
    showCaFileDialog: () => {
      const options = {
        title: strings.dialogs.caFileTitle,
        filters: [{ name: strings.dialogs.caFileFilter, extensions: ['pem', 'crt', 'cer'] }],
        properties: ['openFile' as const],
      };
      return mainWindow ? dialog.showOpenDialog(mainWindow, options) : dialog.showOpenDialog(options);
    },
    log,
  });
  mainWindow = createWindow();
  const startProblem = connections.state().startProblem;
  if (startProblem) {
    // Said once, at start: the officer must not believe they work on the office server.
    const options = { type: 'warning' as const, title: 'Cohort', message: strings.dialogs.serverNotOpened, detail: startProblem.detail, buttons: [strings.dialogs.ok] };
    void dialog.showMessageBox(mainWindow, options).catch((error: unknown) => log('could not show a message', error));
  }

  app.on('activate', () => {
    // macOS: clicking the Dock icon with no window open opens one again.
    if (!mainWindow) mainWindow = createWindow();
  });
}

// ---- Lifecycle ------------------------------------------------------------------------------

if (!app.requestSingleInstanceLock()) {
  // Another Cohort has the database open: it gets the focus (below), this one leaves.
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.show();
    mainWindow.focus();
  });

  app.on('window-all-closed', () => {
    // macOS apps stay open without windows; elsewhere closing the window quits.
    if (process.platform !== 'darwin') app.quit();
  });

  // Close the database cleanly (last backup, WAL checkpoint) before the process goes.
  app.on('will-quit', (event) => {
    if (!host) return;
    event.preventDefault();
    const worker = host;
    host = null;
    worker
      .close()
      .catch((error: unknown) => log('the database did not close cleanly', error))
      .finally(() => app.quit());
  });

  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => {
      log('Cohort could not start', error);
      dialog.showErrorBox('Cohort', error instanceof Error ? error.message : String(error));
      app.quit();
    });
}
