import { threadChannel } from './thread-channel';

/**
 * Writes a batch of files (thousands of e-mail drafts) on a thread of its own, so the system calls
 * of each file (create, write, close, rename) run beside the making of the next drafts instead of
 * between them. Each file is written whole or not at all, as files/output.ts writes one: a
 * temporary name beside it, readable by the user alone, then renamed. The thread's code is the
 * string below (Node's fs only, nothing from the page or the batch), so it needs no file of its
 * own in the app or in the tests.
 */

const THREAD_CODE = `
const { parentPort } = require('node:worker_threads');
const { renameSync, rmSync, writeFileSync } = require('node:fs');
parentPort.on('message', ({ id, files }) => {
  let done = 0;
  for (const { path, temporary, bytes } of files) {
    try {
      writeFileSync(temporary, new Uint8Array(bytes), { mode: 0o600, flag: 'wx' });
      renameSync(temporary, path);
      done++;
    } catch (error) {
      try { rmSync(temporary, { force: true }); } catch {}
      parentPort.postMessage({ id, done, failed: { path, code: error && error.code ? String(error.code) : null } });
      return;
    }
  }
  parentPort.postMessage({ id, done, failed: null });
});
`;

export interface WriteFailure {
  path: string;
  code: string | null;
}

interface Reply {
  done: number;
  failed: WriteFailure | null;
}

/** Files handed to the thread at once: few messages, little waiting. */
const CHUNK = 128;
/** Chunks on their way at once: the thread never idles, memory stays bounded. */
const CHUNKS_IN_FLIGHT = 3;

type FileToWrite = { path: string; temporary: string; bytes: ArrayBuffer };

export class FolderWriter {
  private readonly thread = threadChannel<{ files: FileToWrite[] }, Reply>(THREAD_CODE);
  private chunk: FileToWrite[] = [];
  private readonly inFlight = new Set<Promise<Reply>>();
  /** Paths written, in order, as the thread confirmed them. */
  readonly written: string[] = [];
  failure: WriteFailure | null = null;

  /** Queues a file; waits only when enough are on their way. A failure so far is thrown by `finish`. */
  async add(path: string, temporary: string, bytes: Uint8Array): Promise<void> {
    // Its own copy (a Buffer may share its memory with others), handed to the thread without another.
    const own = new Uint8Array(bytes).buffer;
    this.chunk.push({ path, temporary, bytes: own });
    if (this.chunk.length >= CHUNK) await this.flush();
  }

  private async flush(): Promise<void> {
    if (this.chunk.length === 0) return;
    while (this.inFlight.size >= CHUNKS_IN_FLIGHT) await Promise.race(this.inFlight);
    const files = this.chunk;
    this.chunk = [];
    const paths = files.map((f) => f.path);
    // The thread itself failing is a failure of the batch, not knowing which file.
    const reply = this.thread
      .request({ files }, files.map((f) => f.bytes))
      .catch((error: NodeJS.ErrnoException): Reply => ({ done: 0, failed: { path: '', code: error.code ?? null } }));
    const settled = reply.then((r) => {
      this.inFlight.delete(settled);
      this.written.push(...paths.slice(0, r.done));
      if (r.failed) this.failure ??= r.failed;
      return r;
    });
    this.inFlight.add(settled);
  }

  /** Waits for every file; the first failure, if any (the files written are in `written`). */
  async finish(): Promise<WriteFailure | null> {
    await this.flush();
    await Promise.all(this.inFlight);
    return this.failure;
  }

  async close(): Promise<void> {
    await this.thread.close();
  }
}
