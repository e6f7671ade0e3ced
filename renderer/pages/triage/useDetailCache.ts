import { useMemo, useSyncExternalStore } from 'react';
import type { Client } from '../../../shared/api/client';
import type { TriageDetail } from '../../../shared/api/contract';
import type { AppErrorData } from '../../../shared/api/errors';
import { useClient, useEpoch } from '../../api/ClientContext';

export interface DetailEntry {
  detail?: TriageDetail;
  error?: AppErrorData;
  loading: boolean;
  /** Out of date since a change: shown until its fresh copy arrives, fetched again when wanted. */
  stale?: boolean;
  /** The request whose answer this entry waits for: an older answer is dropped. */
  request?: number;
}

/** At most this many applications' details kept: the current one and its neighbours matter. */
const KEEP = 40;
const RELOAD_DEBOUNCE_MS = 60;

export interface DetailCache {
  get(ref: number): DetailEntry | undefined;
  /** Loads these applications if they are not loaded or loading (the next ones, ahead of the officer). */
  load(refs: readonly number[]): void;
}

/** Details kept by application, fetched ahead and reloaded when the campaign's data changes. */
class DetailStore {
  private entries = new Map<number, DetailEntry>();
  private requests = 0;
  private listeners = new Set<() => void>();
  private snapshot: DetailCache;
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** What the page last asked for (the current application and its neighbours). */
  private wanted: readonly number[] = [];
  /** Applications changed since the last reload: undefined for "any of them". */
  private changedRefs: Set<number> | undefined = new Set();

  constructor(
    private readonly client: Client,
    private readonly campaignId: number | null,
    /** The database it reads (ClientContext's epoch). */
    readonly epoch: number,
  ) {
    this.snapshot = this.makeSnapshot();
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    const unsubscribe = this.client.subscribe((event) => {
      if (event.type !== 'changed' || (event.campaignId !== undefined && event.campaignId !== this.campaignId)) return;
      // A triage action names its applications: only those are out of date. Anything else may concern any.
      if (event.scope === 'triage' && event.refs && this.changedRefs) for (const ref of event.refs) this.changedRefs.add(ref);
      else this.changedRefs = undefined;
      clearTimeout(this.timer);
      this.timer = setTimeout(() => this.invalidate(), RELOAD_DEBOUNCE_MS);
    });
    return () => {
      this.listeners.delete(listener);
      unsubscribe();
      clearTimeout(this.timer);
    };
  };

  getSnapshot = (): DetailCache => this.snapshot;

  /** Marks what changed as out of date, and fetches again what the page shows or is about to. */
  private invalidate(): void {
    const changed = this.changedRefs;
    this.changedRefs = new Set();
    for (const [ref, entry] of this.entries) {
      if (changed === undefined || changed.has(ref)) this.entries.set(ref, { ...entry, loading: false, stale: true });
    }
    this.load(this.wanted);
  }

  load = (refs: readonly number[]): void => {
    this.wanted = refs;
    for (const ref of refs) {
      const entry = this.entries.get(ref);
      if (!entry || entry.stale === true || (!entry.loading && entry.detail === undefined && entry.error === undefined)) this.fetch(ref);
    }
  };

  private fetch(ref: number): void {
    const request = ++this.requests;
    this.entries.set(ref, { ...this.entries.get(ref), loading: true, stale: false, request });
    void this.client.tryCall('triage.detail', { ref }).then((result) => {
      if (this.entries.get(ref)?.request !== request) return;
      this.entries.delete(ref);
      this.entries.set(ref, result.ok ? { detail: result.value, loading: false } : { error: result.error, loading: false });
      // Oldest first in a Map: trim from the front.
      for (const key of this.entries.keys()) {
        if (this.entries.size <= KEEP) break;
        this.entries.delete(key);
      }
      this.snapshot = this.makeSnapshot();
      for (const listener of this.listeners) listener();
    });
  }

  private makeSnapshot(): DetailCache {
    const entries = new Map(this.entries);
    return { get: (ref) => entries.get(ref), load: this.load };
  }
}

/**
 * The applications' details, fetched ahead of the officer (the next rows) so that moving on shows
 * the next application at once. A change in the campaign (this window's action or another's)
 * reloads the ones kept.
 */
export function useDetailCache(campaignId: number | null): DetailCache {
  const client = useClient();
  const epoch = useEpoch();
  const store = useMemo(() => new DetailStore(client, campaignId, epoch), [client, campaignId, epoch]);
  return useSyncExternalStore(store.subscribe, store.getSnapshot);
}
