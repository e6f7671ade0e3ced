import { Worker } from 'node:worker_threads';
import type { Transport } from '../../shared/api/client';
import type { ApiEvent } from '../../shared/api/contract';
import type { ApiResult, AppErrorData } from '../../shared/api/errors';
import type { FromWorker, ToWorker, WorkerData } from './worker-protocol';

export interface WorkerHostOptions extends WorkerData {
  /** The bundled worker (dist/node/worker.cjs). */
  workerScript: string;
}

export interface WorkerHost extends Transport {
  /** Resolves once the database is open; rejects with tagged data when it cannot be (e.g. from a newer Cohort). */
  ready: Promise<void>;
  close(): Promise<void>;
}

/**
 * Starts the database worker and relays requests to it. This is all the main process (or the web
 * host) does with the database: it stays free to paint and answer while the worker works.
 */
export function startWorkerHost(options: WorkerHostOptions): WorkerHost {
  const { workerScript, ...data } = options;
  const worker = new Worker(workerScript, { workerData: data satisfies WorkerData });
  const pending = new Map<number, (result: ApiResult) => void>();
  const listeners = new Set<(event: ApiEvent) => void>();
  let nextId = 1;
  let exited: AppErrorData | null = null;
  let onClosed: (() => void) | null = null;

  let markReady: () => void = () => {};
  let markFailed: (error: AppErrorData) => void = () => {};
  const ready = new Promise<void>((resolve, reject) => {
    markReady = resolve;
    markFailed = reject;
  });
  ready.catch(() => {}); // observed by callers who care; never an unhandled rejection

  worker.on('message', (message: FromWorker) => {
    switch (message.type) {
      case 'ready':
        markReady();
        break;
      case 'fatal':
        markFailed(message.error);
        break;
      case 'result':
        pending.get(message.id)?.(message.result);
        pending.delete(message.id);
        break;
      case 'event':
        listeners.forEach((l) => l(message.event));
        break;
      case 'closed':
        exited = { code: 'Internal', message: 'The database worker has been closed.' };
        onClosed?.();
        break;
    }
  });
  const fail = (message: string) => {
    exited = { code: 'Internal', message };
    markFailed(exited);
    for (const resolve of pending.values()) resolve({ ok: false, error: exited });
    pending.clear();
  };
  worker.on('error', (error) => fail(`The database worker stopped: ${error.message}`));
  worker.on('exit', (code) => {
    if (!exited) fail(`The database worker exited (code ${code}).`);
    onClosed?.();
  });

  return {
    ready,
    invoke(method, input) {
      if (exited) return Promise.resolve({ ok: false, error: exited });
      const id = nextId++;
      return new Promise<ApiResult>((resolve) => {
        pending.set(id, resolve);
        worker.postMessage({ type: 'invoke', id, method, input } satisfies ToWorker);
      });
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close() {
      if (exited) return Promise.resolve();
      return new Promise<void>((resolve) => {
        const timeout = setTimeout(() => void worker.terminate().then(() => resolve()), 10_000);
        onClosed = () => {
          clearTimeout(timeout);
          resolve();
        };
        worker.postMessage({ type: 'close' } satisfies ToWorker);
      });
    },
  };
}
