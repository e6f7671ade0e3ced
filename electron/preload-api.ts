import type { IpcRenderer, IpcRendererEvent } from 'electron';
import type { CohortBridge } from '../renderer/transport/bridge';
import { CHANNELS, CONNECTION_CHANNELS, type PageCommand } from '../shared/api/channels';
import type { ConnectAnswer, ConnectionState, ConnectRequest } from '../shared/api/connection-bridge';
import type { ApiEvent } from '../shared/api/contract';
import type { ApiResult } from '../shared/api/errors';

/**
 * The whole of what the page may ask of the main process: `invoke` and `on`, each bound to its one
 * fixed channel. The page can name neither a channel nor an IPC method, and a listener receives the
 * event's data only — never the IpcRendererEvent, whose `sender` would be the ipcRenderer itself.
 * Kept apart from preload.ts (which only calls contextBridge) so it is tested without Electron.
 */
export function createBridge(
  ipc: Pick<IpcRenderer, 'invoke' | 'on' | 'removeListener'>,
  getPathForFile: (file: File) => string = () => '',
): CohortBridge {
  return {
    /**
     * A chosen or dropped file's path on disk, so the worker reads it where it is (no copy). The
     * main process hears of it first: it imports only files the user gave it this way.
     */
    async pathForFile(file: File): Promise<string> {
      const path = getPathForFile(file);
      if (path !== '') await ipc.invoke(CHANNELS.grantFile, path);
      return path;
    },
    /** Runs the main process's own Open or New database dialog. */
    async command(name: PageCommand): Promise<void> {
      await ipc.invoke(CHANNELS.command, name);
    },
    /** The main process's native Save dialog: the chosen path, or null when cancelled. */
    async chooseSavePath(suggestedName: string): Promise<string | null> {
      const path: unknown = await ipc.invoke(CHANNELS.chooseSavePath, String(suggestedName));
      return typeof path === 'string' ? path : null;
    },
    /** The main process's native folder dialog (for a batch of files): the folder, or null when cancelled. */
    async chooseFolder(): Promise<string | null> {
      const path: unknown = await ipc.invoke(CHANNELS.chooseFolder);
      return typeof path === 'string' ? path : null;
    },
    async showInFolder(path: string): Promise<void> {
      await ipc.invoke(CHANNELS.showInFolder, String(path));
    },
    /** The page saved as a PDF where the user chooses (the main process's Save dialog): the path, or null if cancelled. */
    async printToPdf(suggestedName: string): Promise<string | null> {
      const path: unknown = await ipc.invoke(CHANNELS.printToPdf, String(suggestedName));
      return typeof path === 'string' ? path : null;
    },
    /** Settings > Database (team mode): each call on its own fixed channel; the main process checks and validates. */
    connection: {
      state: () => ipc.invoke(CONNECTION_CHANNELS.state) as Promise<ConnectionState | null>,
      async chooseCaFile(): Promise<string | null> {
        const path: unknown = await ipc.invoke(CONNECTION_CHANNELS.chooseCaFile);
        return typeof path === 'string' ? path : null;
      },
      connect: (request: ConnectRequest) => ipc.invoke(CONNECTION_CHANNELS.connect, request) as Promise<ConnectAnswer>,
      useThisComputer: () => ipc.invoke(CONNECTION_CHANNELS.useThisComputer) as Promise<ConnectAnswer>,
    },
    invoke(method: string, input: unknown): Promise<ApiResult> {
      return ipc.invoke(CHANNELS.invoke, { method, input }) as Promise<ApiResult>;
    },
    on(listener: (event: ApiEvent) => void): () => void {
      if (typeof listener !== 'function') throw new TypeError('cohort.on expects a function');
      const relay = (_event: IpcRendererEvent, payload: ApiEvent) => listener(payload);
      ipc.on(CHANNELS.event, relay);
      return () => {
        ipc.removeListener(CHANNELS.event, relay);
      };
    },
  };
}
