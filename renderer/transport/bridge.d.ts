import type { ApiEvent } from '../../shared/api/contract';
import type { ApiResult } from '../../shared/api/errors';

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
   * empty for a file that has no path (e.g. dragged from another program's memory). Optional
   * while older preloads may be met.
   */
  pathForFile?(file: File): string;
}

declare global {
  interface Window {
    cohort?: CohortBridge;
  }
}
