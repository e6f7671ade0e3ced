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

  constructor(first: WorkerHost) {
    this.current = first;
  }

  invoke(method: string, input: unknown) {
    return this.current.invoke(method, input);
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
