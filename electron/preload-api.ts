import type { IpcRenderer, IpcRendererEvent } from 'electron';
import type { CohortBridge } from '../renderer/transport/bridge';
import { CHANNELS } from '../shared/api/channels';
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
    /** A chosen or dropped file's path on disk, so the worker reads it where it is (no copy). */
    pathForFile(file: File): string {
      return getPathForFile(file);
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
