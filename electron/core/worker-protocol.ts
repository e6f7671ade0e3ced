import type { ApiEvent } from '../../shared/api/contract';
import type { ApiResult, AppErrorData } from '../../shared/api/errors';
import type { CoreOptions } from './runtime';

/** Messages between the main process (or web host) and the database worker. */
export type WorkerData = Omit<CoreOptions, 'log'>;

export type ToWorker = { type: 'invoke'; id: number; method: string; input: unknown } | { type: 'close' };

export type FromWorker =
  | { type: 'ready' }
  | { type: 'fatal'; error: AppErrorData }
  | { type: 'result'; id: number; result: ApiResult }
  | { type: 'event'; event: ApiEvent }
  | { type: 'closed' };
