import { useEffect, useMemo, useSyncExternalStore } from 'react';
import type { QueueId, TriageFilter, TriageRow, TriageSort } from '../../../shared/api/contract';
import type { Stage } from '../../../shared/domain/stages';
import type { Client } from '../../../shared/api/client';
import type { AppErrorData } from '../../../shared/api/errors';
import { affects } from '../../../shared/api/affects';
import type { ChangeFeed } from '../../api/changeFeed';
import { useChangeFeed, useClient, useEpoch } from '../../api/ClientContext';

/** Rows fetched per request: a few screens' worth, so scrolling rarely waits. */
export const PAGE_ROWS = 200;

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
  /** Reloads the loaded pages now. */
  reload(): void;
  /**
   * Shows this window's own decision at once, before the database answers: the rows take the new
   * stage, and leave the view if it does not show that stage. A reload follows.
   */
  applyStage(refs: readonly number[], stage: Stage): void;
}

/** Every field of a row is a string, a number or null: equal fields, the same row. */
function sameRow(a: TriageRow, b: TriageRow): boolean {
  const keys = Object.keys(b) as (keyof TriageRow)[];
  return keys.length === Object.keys(a).length && keys.every((key) => a[key] === b[key]);
}

/**
 * The pages of one queue view loaded so far, fetched as the table needs them and reloaded when
 * the data changes. Kept outside the query cache, on purpose: the table reads rows by position in
 * a view of up to 50,000, pages arrive one by one, and this window's own decision moves rows
 * between pages before the database answers (applyStage), which keyed pages could not show. It
 * follows the same change feed and the same `affects` rule as the cached queries.
 */
class QueueStore {
  private view: QueueView | null = null;
  /** Rows by position in the view; holes where no page is loaded. */
  private rows: (TriageRow | undefined)[] = [];
  private loadedPages = new Set<number>();
  private inFlight = new Set<number>();
  /** Answers for an older view or data are dropped: this tells them apart. */
  private generation = 0;
  private listeners = new Set<() => void>();
  private snapshot: QueueWindow;
  private total: number | null = null;
  private searchTerms: string[] = [];
  private error: AppErrorData | undefined;

  constructor(
    private readonly client: Client,
    private readonly changes: ChangeFeed,
    /** The database it reads (ClientContext's epoch). */
    readonly epoch: number,
  ) {
    this.snapshot = this.makeSnapshot();
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    // The window's change feed gathers bursts of changes; the same rule as the query cache's says which concern this view.
    const unsubscribe = this.changes.listen((burst) => {
      const view = this.view;
      if (view !== null && burst.some((change) => affects(change, 'triage.list', view))) this.reload();
    });
    return () => {
      this.listeners.delete(listener);
      unsubscribe();
    };
  };

  getSnapshot = (): QueueWindow => this.snapshot;

  applyStage = (refs: readonly number[], stage: Stage): void => {
    const view = this.view;
    if (view === null) return;
    const set = new Set(refs);
    const leaves = view.filter.stages !== undefined && !view.filter.stages.includes(stage);
    let removed = 0;
    for (let i = this.rows.length - 1; i >= 0; i--) {
      const row = this.rows[i];
      if (!row || !set.has(row.ref)) continue;
      if (leaves) {
        this.rows.splice(i, 1);
        removed++;
      } else {
        this.rows[i] = { ...row, stage };
      }
    }
    if (this.total !== null) this.total -= removed;
    this.changed();
  };

  /** Shows another view: it starts empty, with its first page on its way. */
  setView(view: QueueView | null): void {
    this.view = view;
    this.generation++;
    this.rows = [];
    this.loadedPages = new Set();
    this.inFlight = new Set();
    this.total = null;
    this.changed();
    if (view !== null) this.fetch(0);
  }

  reload = (): void => {
    const loaded = [...this.loadedPages];
    this.generation++;
    this.inFlight = new Set();
    // The loaded rows stay on screen until their fresh copies arrive.
    const pages = loaded.length > 0 ? loaded.sort((a, b) => a - b) : [0];
    // One count is enough: the first page's answer brings the total.
    pages.forEach((page, i) => this.fetch(page, i === 0));
  };

  ensure = (from: number, to: number): void => {
    for (let page = Math.floor(Math.max(0, from) / PAGE_ROWS); page <= Math.floor(Math.max(0, to) / PAGE_ROWS); page++) {
      if (!this.loadedPages.has(page)) this.fetch(page);
    }
  };

  private fetch(page: number, withTotal = this.total === null): void {
    const view = this.view;
    if (view === null || this.inFlight.has(page)) return;
    this.inFlight.add(page);
    const generation = this.generation;
    void this.client.tryCall('triage.list', { ...view, offset: page * PAGE_ROWS, limit: PAGE_ROWS, withTotal }).then((result) => {
      if (generation !== this.generation) return;
      this.inFlight.delete(page);
      if (!result.ok) {
        this.error = result.error;
      } else {
        this.error = undefined;
        const offset = page * PAGE_ROWS;
        const total = result.value.total ?? this.total ?? 0;
        // Rows past the view's end (it shrank since) go.
        if (this.rows.length > total) this.rows.length = total;
        result.value.rows.forEach((row, i) => {
          // A row that did not change keeps its object: the table draws again only the rows that did.
          const before = this.rows[offset + i];
          this.rows[offset + i] = before !== undefined && sameRow(before, row) ? before : row;
        });
        this.loadedPages.add(page);
        this.total = total;
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
    // A copy: the snapshot must not change under React while the store moves on.
    const rows = this.rows.slice();
    const total = this.total;
    return {
      total,
      rowAt: (index) => (total !== null && index < total ? rows[index] : undefined),
      ensure: this.ensure,
      indexOf: (ref) => rows.findIndex((r) => r?.ref === ref),
      searchTerms: this.searchTerms,
      error: this.error,
      reload: this.reload,
      applyStage: this.applyStage,
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
  const changes = useChangeFeed();
  const store = useMemo(() => new QueueStore(client, changes, epoch), [client, changes, epoch]);
  const viewKey = view === null ? null : JSON.stringify(view);
  useEffect(() => {
    store.setView(viewKey === null ? null : (JSON.parse(viewKey) as QueueView));
  }, [store, viewKey]);
  return useSyncExternalStore(store.subscribe, store.getSnapshot);
}
