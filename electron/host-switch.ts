import type { Transport } from '../shared/api/client';
import type { ApiEvent } from '../shared/api/contract';
import type { WorkerHost } from './core/worker-host';

/**
 * The one host the window, the menu and the IPC relay talk to, whatever database worker is behind
 * it: Settings > Database's Connect starts a worker on the office server (or back on this computer's
 * file) and puts it here in place of the old one. Listeners stay: they hear the new worker's events.
 */
export class SwitchableHost implements Transport {
  private current: WorkerHost;
  private readonly listeners = new Map<(event: ApiEvent) => void, () => void>();
  private fileOpenedListener: (() => void) | null = null;

  constructor(first: WorkerHost) {
    this.current = first;
  }

  async invoke(method: string, input: unknown) {
    const result = await this.current.invoke(method, input);
    // File > Open or New (the menu's or the window's dialog) moved the worker to a file: on the
    // office server until now, the app is on this computer from here on, and starts there next time.
    if (method === 'database.open' && result.ok) this.fileOpenedListener?.();
    return result;
  }

  /** Told each time a database file was opened through this host (connection-controller.ts's fileOpened). */
  onFileOpened(listener: () => void): void {
    this.fileOpenedListener = listener;
  }

  subscribe(listener: (event: ApiEvent) => void): () => void {
    this.listeners.set(listener, this.current.subscribe(listener));
    return () => {
      this.listeners.get(listener)?.();
      this.listeners.delete(listener);
    };
  }

  /** Puts an opened worker in place of the current one, then closes the old one (its last backup, its pool). */
  async replace(next: WorkerHost): Promise<void> {
    const old = this.current;
    this.current = next;
    for (const [listener, unsubscribe] of this.listeners) {
      unsubscribe();
      this.listeners.set(listener, next.subscribe(listener));
    }
    await old.close();
  }

  close(): Promise<void> {
    return this.current.close();
  }
}
