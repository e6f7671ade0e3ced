/**
 * Work a request leaves for after its answer: re-screening a campaign after an import, say. The
 * request answers at once; the work runs on the worker's next turn, once per key however often it
 * was asked for before it started; readers that need its result wait for it (`settled`).
 */
export class BackgroundTasks {
  private readonly pending = new Map<string, Promise<void>>();

  constructor(private readonly log?: (message: string, error?: unknown) => void) {}

  schedule(key: string, task: () => unknown): void {
    if (this.pending.has(key)) return;
    const run = new Promise<void>((resolve) => setImmediate(resolve))
      .then(task)
      .then(
        () => undefined,
        (error: unknown) => this.log?.(`background task ${key} failed`, error),
      )
      .finally(() => this.pending.delete(key));
    this.pending.set(key, run);
  }

  /** Resolves once the task for `key` (or every task) has run. */
  async settled(key?: string): Promise<void> {
    if (key !== undefined) return this.pending.get(key);
    await Promise.all(this.pending.values());
  }
}
