import type { ApiEvent } from '../../shared/api/contract';
import type { ApiResult } from '../../shared/api/errors';

/**
 * What electron/preload.ts exposes through contextBridge as `window.cohort`: two functions over
 * fixed channels, nothing else. Absent in a plain browser (the web host).
 */
export interface CohortBridge {
  invoke(method: string, input: unknown): Promise<ApiResult>;
  /** Registers a listener for API events; returns the function that removes it. */
  on(listener: (event: ApiEvent) => void): () => void;
}

declare global {
  interface Window {
    cohort?: CohortBridge;
  }
}
