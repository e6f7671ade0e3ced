import type { IpcMain, IpcMainInvokeEvent, WebContents, WebFrameMain } from 'electron';
import type { Transport } from '../shared/api/client';
import { CHANNELS, PAGE_COMMANDS, type PageCommand } from '../shared/api/channels';
import type { ApiEvent } from '../shared/api/contract';
import { toErrorData, ValidationError, type ApiResult } from '../shared/api/errors';
import { checkRequestPath, PathGrants, type PathPolicy } from './path-policy';
import { pdfFileName } from './pdf';
import { isTrustedSender, type SenderFrame } from './security';

/**
 * The Electron transport, main-process side: one `invoke` channel in, one `event` channel out.
 * The main process only checks who is asking and relays; the worker's dispatcher validates the
 * input against the contract. Electron reaches this module through parameters (`ipcMain`, the
 * window's webContents), so it is imported by tests without Electron.
 */

export type Log = (message: string, detail?: unknown) => void;

/** Generous for any method name the contract will ever have; refuses a megabyte "name". */
const MAX_METHOD_LENGTH = 200;

/** The frame facts the sender check needs. A destroyed or navigated-away frame gives null. */
export function describeSender(frame: Pick<WebFrameMain, 'url' | 'parent'> | null | undefined): SenderFrame | null {
  if (!frame) return null;
  return { url: frame.url, isMainFrame: frame.parent === null };
}

function refuse(message: string, kind: string): ApiResult {
  return { ok: false, error: new ValidationError(message, [], kind).toData() };
}

/**
 * Handles one call from a renderer: refuses an untrusted sender before anything else (the host is
 * never reached), refuses anything but `{ method: string, input }`, refuses a file the user did not
 * give this session (`paths`), relays the rest, and turns a failure of the relay itself into tagged
 * data.
 */
export async function handleInvoke(
  payload: unknown,
  sender: SenderFrame | null,
  host: Pick<Transport, 'invoke'>,
  log: Log = () => {},
  paths: PathPolicy = new PathGrants(),
): Promise<ApiResult> {
  if (!isTrustedSender(sender)) {
    log('refused an API call from an untrusted frame', sender?.url ?? '(no frame)');
    return refuse('This request did not come from the Cohort window and was refused.', 'UntrustedSender');
  }
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) {
    return refuse('A request must be an object { method, input }.', 'MalformedRequest');
  }
  const request = payload as Record<string, unknown>;
  const extra = Object.keys(request).filter((key) => key !== 'method' && key !== 'input');
  if (extra.length > 0) {
    return refuse(`A request carries only "method" and "input", not: ${extra.join(', ')}.`, 'MalformedRequest');
  }
  const { method, input } = request;
  if (typeof method !== 'string' || method.length === 0 || method.length > MAX_METHOD_LENGTH) {
    return refuse('A request must name its method as a string.', 'MalformedRequest');
  }
  const refusedPath = checkRequestPath(paths, method, input);
  if (refusedPath) {
    log(`refused ${method}: a file the user did not choose`);
    return refusedPath;
  }
  try {
    return await host.invoke(method, input);
  } catch (error) {
    log(`relaying ${method} failed`, error);
    return { ok: false, error: toErrorData(error) };
  }
}

/** Sends an event to the window, if it still exists and still shows the app. */
export function sendEvent(contents: WebContents | null | undefined, event: ApiEvent): void {
  if (!contents || contents.isDestroyed()) return;
  // Never hand events (they name campaigns, counts) to a page that is not ours.
  if (!isTrustedSender({ url: contents.getURL(), isMainFrame: true })) return;
  contents.send(CHANNELS.event, event);
}

/**
 * The preload reports the path of a file the user chose or dropped (from a real File object, which
 * a page cannot forge): from then on the page may ask to import it. Only from our own window.
 */
export function handleGrantFile(path: unknown, sender: SenderFrame | null, grants: PathGrants): boolean {
  if (!isTrustedSender(sender) || typeof path !== 'string' || path.length === 0 || path.length > 4096) return false;
  grants.grant(path, 'import');
  return true;
}

/** The page asks for one of the main process's own commands (a native dialog the user answers). */
export function handlePageCommand(name: unknown, sender: SenderFrame | null, commands: Record<PageCommand, () => void>): boolean {
  if (!isTrustedSender(sender) || !(PAGE_COMMANDS as readonly unknown[]).includes(name)) return false;
  commands[name as PageCommand]();
  return true;
}

/** A name to suggest in the Save dialog: a file name only (no folders), of a sane length. */
export function suggestedFileName(name: unknown): string {
  const text = typeof name === 'string' ? name : '';
  // Characters Windows refuses in a file name, and control characters (below a space), become "_".
  const safe = [...(text.split(/[\\/]/).pop() ?? '')].map((c) => (c < ' ' || '<>:"|?*'.includes(c) ? '_' : c)).join('');
  const base = safe.trim().slice(0, 200);
  return base === '' || base === '.' || base === '..' ? 'export' : base;
}

/**
 * The page asks where to save a file: the main process shows its native Save dialog (the user
 * decides), and grants the chosen path for writing, for this session. Null when cancelled.
 */
export async function handleChooseSavePath(
  name: unknown,
  sender: SenderFrame | null,
  grants: PathGrants,
  showSaveDialog: (suggested: string) => Promise<{ canceled: boolean; filePath?: string }>,
): Promise<string | null> {
  if (!isTrustedSender(sender)) return null;
  const { canceled, filePath } = await showSaveDialog(suggestedFileName(name));
  if (canceled || !filePath) return null;
  grants.grant(filePath, 'export');
  return filePath;
}

/** The native folder dialog, for a batch of files; the folder chosen may then be written into by the worker. */
export async function handleChooseFolder(
  sender: SenderFrame | null,
  grants: PathGrants,
  showFolderDialog: () => Promise<{ canceled: boolean; filePaths: string[] }>,
): Promise<string | null> {
  if (!isTrustedSender(sender)) return null;
  const { canceled, filePaths } = await showFolderDialog();
  const folder = filePaths[0];
  if (canceled || !folder) return null;
  grants.grant(folder, 'export');
  return folder;
}

/**
 * Saves the asking page as a PDF: the Save dialog first (the user decides where), then the page
 * printed (print styles) and written, readable by the user alone (it may hold personal data). The
 * path written, or null when cancelled or refused.
 */
export async function handlePrintToPdf(
  name: unknown,
  sender: SenderFrame | null,
  grants: PathGrants,
  showSaveDialog: (suggested: string) => Promise<{ canceled: boolean; filePath?: string }>,
  print: () => Promise<Uint8Array>,
  write: (path: string, bytes: Uint8Array) => void,
): Promise<string | null> {
  if (!isTrustedSender(sender)) return null;
  const { canceled, filePath } = await showSaveDialog(pdfFileName(suggestedFileName(name)));
  if (canceled || !filePath) return null;
  write(filePath, await print());
  grants.grant(filePath, 'export');
  return filePath;
}

/** Shows a saved file in its folder: only one this session's Save dialog chose. */
export function handleShowInFolder(path: unknown, sender: SenderFrame | null, grants: PathGrants, show: (path: string) => void): boolean {
  if (!isTrustedSender(sender) || typeof path !== 'string' || !grants.allows(path, 'export')) return false;
  show(path);
  return true;
}

export interface IpcOptions {
  ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>;
  host: Transport;
  /** Files the user gave this session; a request naming any other is refused. */
  grants: PathGrants;
  /** The native Open and New database dialogs, for the page's buttons. */
  commands: Record<PageCommand, () => void>;
  /** The native Save dialog, with a suggested file name. */
  showSaveDialog: (suggested: string) => Promise<{ canceled: boolean; filePath?: string }>;
  /** The native dialog choosing a folder (that may be made there). */
  showFolderDialog: () => Promise<{ canceled: boolean; filePaths: string[] }>;
  /** The system's file manager, showing one file. */
  showItemInFolder: (path: string) => void;
  /** Prints a page to PDF (webContents.printToPDF with pdfOptions()). */
  printToPdf: (contents: WebContents) => Promise<Uint8Array>;
  /** Writes a file readable by the user alone. */
  writePrivateFile: (path: string, bytes: Uint8Array) => void;
  /** The window to send events to (null while there is none, e.g. on macOS with all windows closed). */
  target(): WebContents | null;
  log: Log;
}

/** Wires the channels; returns the function that unwires them. */
export function registerIpc(options: IpcOptions): () => void {
  const { ipcMain, host, target, log, grants, commands, showSaveDialog, showFolderDialog, showItemInFolder, printToPdf, writePrivateFile } = options;
  ipcMain.handle(CHANNELS.invoke, (event: IpcMainInvokeEvent, payload: unknown) =>
    handleInvoke(payload, describeSender(event.senderFrame), host, log, grants),
  );
  ipcMain.handle(CHANNELS.grantFile, (event: IpcMainInvokeEvent, path: unknown) =>
    handleGrantFile(path, describeSender(event.senderFrame), grants),
  );
  ipcMain.handle(CHANNELS.command, (event: IpcMainInvokeEvent, name: unknown) =>
    handlePageCommand(name, describeSender(event.senderFrame), commands),
  );
  ipcMain.handle(CHANNELS.chooseSavePath, (event: IpcMainInvokeEvent, name: unknown) =>
    handleChooseSavePath(name, describeSender(event.senderFrame), grants, showSaveDialog),
  );
  ipcMain.handle(CHANNELS.chooseFolder, (event: IpcMainInvokeEvent) => handleChooseFolder(describeSender(event.senderFrame), grants, showFolderDialog));
  ipcMain.handle(CHANNELS.showInFolder, (event: IpcMainInvokeEvent, path: unknown) =>
    handleShowInFolder(path, describeSender(event.senderFrame), grants, showItemInFolder),
  );
  ipcMain.handle(CHANNELS.printToPdf, (event: IpcMainInvokeEvent, name: unknown) =>
    handlePrintToPdf(name, describeSender(event.senderFrame), grants, showSaveDialog, () => printToPdf(event.sender), writePrivateFile),
  );
  const unsubscribe = host.subscribe((event) => sendEvent(target(), event));
  return () => {
    ipcMain.removeHandler(CHANNELS.invoke);
    ipcMain.removeHandler(CHANNELS.grantFile);
    ipcMain.removeHandler(CHANNELS.command);
    ipcMain.removeHandler(CHANNELS.chooseSavePath);
    ipcMain.removeHandler(CHANNELS.chooseFolder);
    ipcMain.removeHandler(CHANNELS.showInFolder);
    ipcMain.removeHandler(CHANNELS.printToPdf);
    unsubscribe();
  };
}
