import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { z } from 'zod';
import { CONNECTION_CHANNELS } from '../shared/api/channels';
import type { ConnectAnswer, ConnectionState } from '../shared/api/connection-bridge';
import { serverConnectionSchema, type ServerConnection } from '../shared/domain/server-connection';
import { describeSender } from './ipc';
import { isTrustedSender, type SenderFrame } from './security';

/**
 * Settings > Database's channels (CONNECTION_CHANNELS), main-process side. Like electron/ipc.ts:
 * a sender that is not the app's own window is refused before anything runs, and every input is
 * validated here (the page is not trusted). The password arrives inside a connect request and is
 * handed to the controller; it is never logged and never answered back.
 */

/** The controller's part the channels use (connection-controller.ts). */
export interface ConnectionService {
  state(): ConnectionState;
  grantCaFile(path: string): void;
  connect(connection: ServerConnection, password: string): Promise<ConnectAnswer>;
  useThisComputer(): Promise<ConnectAnswer>;
}

/** Longer than any password IT will hand out; refuses a megabyte "password". */
export const MAX_PASSWORD_LENGTH = 1024;

const connectRequestSchema = z
  .object({
    connection: serverConnectionSchema,
    password: z.string().max(MAX_PASSWORD_LENGTH),
  })
  .strict();

const UNTRUSTED = 'This request did not come from the Cohort window and was refused.';

export function handleConnectionState(sender: SenderFrame | null, service: ConnectionService): ConnectionState | null {
  return isTrustedSender(sender) ? service.state() : null;
}

/** The native Open dialog for a PEM file; the path chosen (now usable by connect), or null. */
export async function handleChooseCaFile(
  sender: SenderFrame | null,
  service: ConnectionService,
  showOpenDialog: () => Promise<{ canceled: boolean; filePaths: string[] }>,
): Promise<string | null> {
  if (!isTrustedSender(sender)) return null;
  const { canceled, filePaths } = await showOpenDialog();
  const path = filePaths[0];
  if (canceled || path === undefined) return null;
  service.grantCaFile(path);
  return path;
}

export async function handleConnect(request: unknown, sender: SenderFrame | null, service: ConnectionService, log: (message: string) => void): Promise<ConnectAnswer> {
  if (!isTrustedSender(sender)) {
    log('refused a connection request from an untrusted frame');
    return { ok: false, refused: UNTRUSTED };
  }
  const parsed = connectRequestSchema.safeParse(request);
  // Which fields were wrong, never their values: the request holds a password.
  if (!parsed.success) return { ok: false, refused: `The connection request is not valid (${[...new Set(parsed.error.issues.map((i) => i.path.join('.') || 'request'))].join(', ')}).` };
  return service.connect(parsed.data.connection, parsed.data.password);
}

export async function handleUseThisComputer(sender: SenderFrame | null, service: ConnectionService): Promise<ConnectAnswer> {
  if (!isTrustedSender(sender)) return { ok: false, refused: UNTRUSTED };
  return service.useThisComputer();
}

export interface ConnectionIpcOptions {
  ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>;
  service: ConnectionService;
  /** The native Open dialog, filtered to certificate files. */
  showCaFileDialog: () => Promise<{ canceled: boolean; filePaths: string[] }>;
  log: (message: string) => void;
}

/** Wires the channels; returns the function that unwires them. */
export function registerConnectionIpc({ ipcMain, service, showCaFileDialog, log }: ConnectionIpcOptions): () => void {
  const from = (event: IpcMainInvokeEvent) => describeSender(event.senderFrame);
  ipcMain.handle(CONNECTION_CHANNELS.state, (event: IpcMainInvokeEvent) => handleConnectionState(from(event), service));
  ipcMain.handle(CONNECTION_CHANNELS.chooseCaFile, (event: IpcMainInvokeEvent) => handleChooseCaFile(from(event), service, showCaFileDialog));
  ipcMain.handle(CONNECTION_CHANNELS.connect, (event: IpcMainInvokeEvent, request: unknown) => handleConnect(request, from(event), service, log));
  ipcMain.handle(CONNECTION_CHANNELS.useThisComputer, (event: IpcMainInvokeEvent) => handleUseThisComputer(from(event), service));
  return () => {
    for (const channel of Object.values(CONNECTION_CHANNELS)) ipcMain.removeHandler(channel);
  };
}
