/**
 * Work a request leaves for after its answer: re-screening a campaign after an import, say. The
 * request answers at once; the work runs on the worker's next turn, once per key however often it
 * was asked for before it started; readers that need its result wait for it (`settled`).
 */
export class BackgroundTasks {
  private readonly pending = new Map<string, { started: boolean; run: Promise<void> }>();

  constructor(private readonly log?: (message: string, error?: unknown) => void) {}

  /**
   * Asked again while the task runs, it runs once more afterwards: the running one may have read
   * the data before the change that asks again.
   */
  schedule(key: string, task: () => unknown): void {
    const current = this.pending.get(key);
    if (current && !current.started) return;
    const entry = { started: false, run: Promise.resolve() };
    entry.run = (current?.run ?? Promise.resolve())
      .then(() => new Promise<void>((resolve) => setImmediate(resolve)))
      .then(() => {
        entry.started = true;
        return task();
      })
      .then(
        () => undefined,
        (error: unknown) => this.log?.(`background task ${key} failed`, error),
      )
      .finally(() => {
        if (this.pending.get(key) === entry) this.pending.delete(key);
      });
    this.pending.set(key, entry);
  }

  /** Resolves once the task for `key` (or every task, including those the tasks scheduled meanwhile) has run. */
  async settled(key?: string): Promise<void> {
    if (key !== undefined) return this.pending.get(key)?.run;
    while (this.pending.size > 0) await Promise.all([...this.pending.values()].map((p) => p.run));
  }
}
