import { Worker } from 'node:worker_threads';

/**
 * A thread running `code` (a CommonJS script given as a string, so it needs no file of its own in
 * the app or in the tests) that answers each message `{ id, ... }` with one `{ id, ... }`. Several
 * requests may be on their way at once. If the thread fails or stops, every request waiting is
 * refused with that error, and so is any later one.
 */
export function threadChannel<Request extends object, Reply extends object>(code: string, workerData?: unknown) {
  const worker = new Worker(code, { eval: true, workerData });
  const pending = new Map<number, { resolve: (reply: Reply) => void; reject: (error: Error) => void }>();
  let failure: Error | null = null;
  let closing = false;
  const refuseAll = (error: Error) => {
    failure ??= error;
    for (const { reject } of pending.values()) reject(failure);
    pending.clear();
  };
  worker.on('message', (reply: Reply & { id: number }) => {
    pending.get(reply.id)?.resolve(reply);
    pending.delete(reply.id);
  });
  worker.on('error', refuseAll);
  worker.on('exit', (code) => closing || refuseAll(new Error(`The thread stopped (exit code ${code}).`)));
  let nextId = 1;
  return {
    request(message: Request, transfer: readonly ArrayBuffer[] = []): Promise<Reply> {
      if (failure) return Promise.reject(failure);
      const id = nextId++;
      return new Promise<Reply>((resolve, reject) => {
        pending.set(id, { resolve, reject });
        worker.postMessage({ ...message, id }, [...transfer]);
      });
    },
    async close(): Promise<void> {
      closing = true;
      await worker.terminate();
    },
  };
}
