import type { Transport } from '../../shared/api/client';
import { toErrorData, type ApiResult } from '../../shared/api/errors';
import type { CohortBridge } from './bridge';

/** The transport inside the Electron window: the preload's bridge, nothing more. */
export function createElectronTransport(bridge: CohortBridge): Transport {
  return {
    async invoke(method, input): Promise<ApiResult> {
      try {
        return await bridge.invoke(method, input);
      } catch (error) {
        // IPC itself failed (e.g. the worker died): still answer with tagged data, never a throw.
        return { ok: false, error: toErrorData(error) };
      }
    },
    subscribe: (listener) => bridge.on(listener),
  };
}
