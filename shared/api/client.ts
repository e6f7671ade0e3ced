import { ApiCallError, type ApiResult } from './errors';
import type { ApiEvent, MethodInput, MethodName, MethodOutput } from './contract';

/** Anything that can carry a request to the dispatcher and events back: IPC, HTTP, in-process. */
export interface Transport {
  invoke(method: string, input: unknown): Promise<ApiResult>;
  subscribe(listener: (event: ApiEvent) => void): () => void;
}

export interface Client {
  /** Calls a method; resolves with its output or rejects with an `ApiCallError` (tagged data). */
  call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>>;
  /** The same, without throwing: for callers that branch on the error code. */
  tryCall<M extends MethodName>(method: M, input: MethodInput<M>): Promise<ApiResult<MethodOutput<M>>>;
  subscribe(listener: (event: ApiEvent) => void): () => void;
}

export function createClient(transport: Transport): Client {
  async function tryCall<M extends MethodName>(
    method: M,
    input: MethodInput<M>,
  ): Promise<ApiResult<MethodOutput<M>>> {
    // The dispatcher validated the output's producer; the cast names the contract's type.
    return (await transport.invoke(method, input)) as ApiResult<MethodOutput<M>>;
  }
  return {
    tryCall,
    async call(method, input) {
      const result = await tryCall(method, input);
      if (!result.ok) throw new ApiCallError(result.error);
      return result.value;
    },
    subscribe: (listener) => transport.subscribe(listener),
  };
}
