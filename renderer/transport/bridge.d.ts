import type { ApiEvent } from '../../shared/api/contract';
import type { PageCommand } from '../../shared/api/channels';
import type { ApiResult } from '../../shared/api/errors';
import type { ConnectAnswer, ConnectionState, ConnectRequest } from '../../shared/api/connection-bridge';

/**
 * What electron/preload.ts exposes through contextBridge as `window.cohort`: functions over fixed
 * channels, nothing else. Absent in a plain browser (the web host).
 */
export interface CohortBridge {
  invoke(method: string, input: unknown): Promise<ApiResult>;
  /** Registers a listener for API events; returns the function that removes it. */
  on(listener: (event: ApiEvent) => void): () => void;
  /**
   * The path on disk of a file the user chose or dropped (Electron's webUtils.getPathForFile);
   * empty for a file that has no path (e.g. dragged from another program's memory). The main
   * process imports only files given this way. Optional while older preloads may be met.
   */
  pathForFile?(file: File): Promise<string>;
  /** Runs the main process's native Open or New database dialog (the page never names a database file). */
  command?(name: PageCommand): Promise<void>;
  /** Runs the main process's native Save dialog; the chosen path (which the worker may then write), or null if cancelled. */
  chooseSavePath?(suggestedName: string): Promise<string | null>;
  /** Runs the main process's native folder dialog, for a batch of files; the folder, or null if cancelled. */
  chooseFolder?(): Promise<string | null>;
  /** Shows a file saved this session in its folder (the main process refuses any other path). */
  showInFolder?(path: string): Promise<void>;
  /** Saves the page as printed to a PDF where the user chooses (Electron's printToPDF); the path, or null if cancelled. */
  printToPdf?(suggestedName: string): Promise<string | null>;
  /** Settings > Database: the office server or this computer (the main process starts the worker and holds the keychain). */
  connection?: ConnectionBridge;
}

/** The main process's side of Settings > Database; the password goes in with connect and never comes back. */
export interface ConnectionBridge {
  state(): Promise<ConnectionState | null>;
  /** The native Open dialog for the office CA file: its path, or null when cancelled. */
  chooseCaFile(): Promise<string | null>;
  connect(request: ConnectRequest): Promise<ConnectAnswer>;
  useThisComputer(): Promise<ConnectAnswer>;
}

declare global {
  interface Window {
    cohort?: CohortBridge;
  }
}
