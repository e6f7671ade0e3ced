import { parentPort, workerData } from 'node:worker_threads';
import { toErrorData } from '../../shared/api/errors';
import { openCore, type Core } from './runtime';
import type { FromWorker, ToWorker, WorkerData } from './worker-protocol';

/**
 * The database worker: owns the SQLite connection and runs every service, so that a long job
 * (an import, a 50,000-row demo) never blocks the main process's event loop or the UI.
 */
const port = parentPort;
if (!port) throw new Error('worker.ts must run as a worker thread');

const post = (message: FromWorker) => port.postMessage(message);
const options = workerData as WorkerData;

const ready: Promise<Core | null> = openCore({
  ...options,
  log: (message, error) => console.error(`[cohort worker] ${message}`, error ?? ''),
}).then(
  (core) => {
    core.subscribe((event) => post({ type: 'event', event }));
    post({ type: 'ready' });
    return core;
  },
  (error: unknown) => {
    post({ type: 'fatal', error: toErrorData(error) });
    return null;
  },
);

port.on('message', (message: ToWorker) => {
  void (async () => {
    const core = await ready;
    if (message.type === 'close') {
      await core?.close();
      post({ type: 'closed' });
      port.close();
      return;
    }
    if (!core) {
      post({ type: 'result', id: message.id, result: { ok: false, error: { code: 'Conflict', message: 'The database could not be opened.', kind: 'NoDatabase' } } });
      return;
    }
    post({ type: 'result', id: message.id, result: await core.dispatch(message.method, message.input) });
  })();
});
