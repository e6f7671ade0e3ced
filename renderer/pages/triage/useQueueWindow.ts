import { useEffect, useMemo, useSyncExternalStore } from 'react';
import type { QueueId, TriageFilter, TriageRow, TriageSort } from '../../../shared/api/contract';
import type { Client } from '../../../shared/api/client';
import type { AppErrorData } from '../../../shared/api/errors';
import { useClient, useEpoch } from '../../api/ClientContext';

/** Rows fetched per request: a few screens' worth, so scrolling rarely waits. */
export const PAGE_ROWS = 200;
/** After a change event, wait this long so a burst of changes (a bulk action) costs one reload. */
const RELOAD_DEBOUNCE_MS = 60;

export interface QueueView {
  campaignId: number;
  queue: QueueId;
  filter: TriageFilter;
  sort: TriageSort;
}

export interface QueueWindow {
  /** Rows in the whole view; null until the first page answers. */
  total: number | null;
  /** The row at a position, if its page is loaded. */
  rowAt(index: number): TriageRow | undefined;
  /** Asks for the pages that hold these positions (the table calls it for what it shows). */
  ensure(from: number, to: number): void;
  /** Where a ref is among the loaded rows, or -1. */
  indexOf(ref: number): number;
  searchTerms: string[];
  error: AppErrorData | undefined;
  /** Reloads the loaded pages now (after an action of this window). */
  reload(): void;
}

/**
 * The pages of one queue view loaded so far, fetched as the table needs them and reloaded when
 * the data changes. Kept outside React state (a store React subscribes to): pages arrive one by
 * one and the table reads rows by position.
 */
class QueueStore {
  private view: QueueView | null = null;
  private pages = new Map<number, TriageRow[]>();
  private inFlight = new Set<number>();
  /** Answers for an older view or data are dropped: this tells them apart. */
  private generation = 0;
  private listeners = new Set<() => void>();
  private snapshot: QueueWindow;
  private total: number | null = null;
  private searchTerms: string[] = [];
  private error: AppErrorData | undefined;
  private reloadTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly client: Client,
    /** The database it reads (ClientContext's epoch). */
    readonly epoch: number,
  ) {
    this.snapshot = this.makeSnapshot();
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    const unsubscribe = this.client.subscribe((event) => {
      if (event.type !== 'changed' || this.view === null) return;
      if (event.campaignId !== undefined && event.campaignId !== this.view.campaignId) return;
      clearTimeout(this.reloadTimer);
      this.reloadTimer = setTimeout(() => this.reload(), RELOAD_DEBOUNCE_MS);
    });
    return () => {
      this.listeners.delete(listener);
      unsubscribe();
      clearTimeout(this.reloadTimer);
    };
  };

  getSnapshot = (): QueueWindow => this.snapshot;

  /** Shows another view: it starts empty, with its first page on its way. */
  setView(view: QueueView | null): void {
    this.view = view;
    this.generation++;
    this.pages = new Map();
    this.inFlight = new Set();
    this.total = null;
    this.changed();
    if (view !== null) this.fetch(0);
  }

  reload = (): void => {
    const loaded = [...this.pages.keys()];
    this.generation++;
    this.inFlight = new Set();
    // The loaded rows stay on screen until their fresh copies arrive.
    for (const page of loaded.length > 0 ? loaded : [0]) this.fetch(page);
  };

  ensure = (from: number, to: number): void => {
    for (let page = Math.floor(Math.max(0, from) / PAGE_ROWS); page <= Math.floor(Math.max(0, to) / PAGE_ROWS); page++) {
      if (!this.pages.has(page)) this.fetch(page);
    }
  };

  private fetch(page: number): void {
    const view = this.view;
    if (view === null || this.inFlight.has(page)) return;
    this.inFlight.add(page);
    const generation = this.generation;
    void this.client.tryCall('triage.list', { ...view, offset: page * PAGE_ROWS, limit: PAGE_ROWS }).then((result) => {
      if (generation !== this.generation) return;
      this.inFlight.delete(page);
      if (!result.ok) {
        this.error = result.error;
      } else {
        this.error = undefined;
        this.pages.set(page, result.value.rows);
        this.total = result.value.total;
        this.searchTerms = result.value.searchTerms;
      }
      this.changed();
    });
  }

  private changed(): void {
    this.snapshot = this.makeSnapshot();
    for (const listener of this.listeners) listener();
  }

  private makeSnapshot(): QueueWindow {
    const pages = this.pages;
    return {
      total: this.total,
      rowAt: (index) => pages.get(Math.floor(index / PAGE_ROWS))?.[index % PAGE_ROWS],
      ensure: this.ensure,
      indexOf: (ref) => {
        for (const [page, rows] of pages) {
          const i = rows.findIndex((r) => r.ref === ref);
          if (i >= 0) return page * PAGE_ROWS + i;
        }
        return -1;
      },
      searchTerms: this.searchTerms,
      error: this.error,
      reload: this.reload,
    };
  }
}

/**
 * A window onto a queue view that may hold 50,000 rows: pages are fetched from the database as
 * the table needs them (filtering, search and sorting run there), reloaded when the data changes.
 * A new snapshot object whenever rows change, so React re-renders what shows them.
 */
export function useQueueWindow(view: QueueView | null): QueueWindow {
  const client = useClient();
  const epoch = useEpoch();
  // A new store for another client or database (the epoch changes when one is opened or restored).
  const store = useMemo(() => new QueueStore(client, epoch), [client, epoch]);
  const viewKey = view === null ? null : JSON.stringify(view);
  useEffect(() => {
    store.setView(viewKey === null ? null : (JSON.parse(viewKey) as QueueView));
  }, [store, viewKey]);
  return useSyncExternalStore(store.subscribe, store.getSnapshot);
}
