import type { Client } from '../../shared/api/client';
import type { ChangedEvent } from '../../shared/api/contract';

/**
 * After a change, what shows it reloads once changes pause this long, and at the latest this long
 * after the first: an officer deciding every second keeps the database free for the next
 * application, and another window's decision shows within a second.
 */
export const CHANGE_DEBOUNCE_MS = 150;
export const CHANGE_MAX_WAIT_MS = 700;

export type ChangeListener = (changes: readonly ChangedEvent[]) => void;

/**
 * The window's one subscriber to what the services say changed. It gathers a burst of `changed`
 * events and hands them on together: to the query cache (which reloads the queries they affect)
 * and to the few views that keep their own rows (the queue window). Nothing else listens for
 * changes, so the debounce and the relevance rule (`affects`) live in one place each.
 */
export class ChangeFeed {
  private readonly listeners = new Set<ChangeListener>();
  private pending: ChangedEvent[] = [];
  private firstAt: number | null = null;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private unsubscribe: (() => void) | null = null;

  constructor(private readonly client: Client) {}

  /** Listens while anyone does (the provider holds it for the window's life). */
  listen(listener: ChangeListener): () => void {
    this.listeners.add(listener);
    this.unsubscribe ??= this.client.subscribe((event) => {
      if (event.type === 'changed') this.add(event);
    });
    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size > 0) return;
      this.unsubscribe?.();
      this.unsubscribe = null;
      clearTimeout(this.timer);
      this.pending = [];
      this.firstAt = null;
    };
  }

  /**
   * A change the window learnt of by itself, handled like one the services announced: the office
   * server answering again after requests failed while its change feed heard nothing (nothing
   * else would reload what those requests left on screen).
   */
  heardLocally(event: ChangedEvent): void {
    if (this.unsubscribe) this.add(event);
  }

  private add(event: ChangedEvent): void {
    const now = Date.now();
    this.pending.push(event);
    this.firstAt ??= now;
    clearTimeout(this.timer);
    const wait = Math.max(0, Math.min(CHANGE_DEBOUNCE_MS, this.firstAt + CHANGE_MAX_WAIT_MS - now));
    this.timer = setTimeout(() => this.flush(), wait);
  }

  private flush(): void {
    const changes = this.pending;
    this.pending = [];
    this.firstAt = null;
    for (const listener of [...this.listeners]) listener(changes);
  }
}
