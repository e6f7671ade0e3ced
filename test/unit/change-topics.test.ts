import { QueryClient } from '@tanstack/react-query';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { affects } from '../../shared/api/affects';
import { methods, readsOf, type ApiEvent, type ChangedEvent, type MethodName, type QueryMethodName } from '../../shared/api/contract';
import { CHANGE_TOPICS } from '../../shared/api/events';
import { createClient, type Client } from '../../shared/api/client';
import { ChangeFeed, CHANGE_DEBOUNCE_MS, CHANGE_MAX_WAIT_MS } from '../../renderer/api/changeFeed';
import { apiQueryKey, invalidateChanged } from '../../renderer/api/queryCache';
import { openTestApp, useTempDir } from './support/temp';

const tempDir = useTempDir();

/** Every event the services announce while `run` runs. */
async function announced(client: Client, run: () => Promise<unknown>): Promise<ChangedEvent[]> {
  const events: ChangedEvent[] = [];
  const stop = client.subscribe((event: ApiEvent) => {
    if (event.type === 'changed') events.push(event);
  });
  try {
    await run();
  } finally {
    stop();
  }
  return events;
}

const reloads = (events: readonly ChangedEvent[], method: QueryMethodName, input: unknown) => events.some((event) => affects(event, method, input));

describe('typed change topics', () => {
  it('every topic a query reads is a known topic, and methods that change things read nothing', () => {
    for (const method of Object.keys(methods) as MethodName[]) {
      for (const topic of readsOf(method)) expect(CHANGE_TOPICS).toContain(topic);
    }
    expect(readsOf('triage.decide')).toEqual([]);
    expect(readsOf('import.status')).toEqual([]);
    expect(readsOf('triage.list')).toEqual(['applications', 'triage']);
  });

  it('a change reloads what reads its topic in its campaign, and a detail only for the applications it names', () => {
    const decision: ChangedEvent = { type: 'changed', topics: ['triage'], campaignId: 1, refs: [5, 6] };
    expect(affects(decision, 'triage.sidebar', { campaignId: 1 })).toBe(true);
    expect(affects(decision, 'triage.sidebar', { campaignId: 2 })).toBe(false);
    expect(affects(decision, 'triage.detail', { ref: 5 })).toBe(true);
    expect(affects(decision, 'triage.detail', { ref: 7 })).toBe(false);
    expect(affects(decision, 'triage.facets', { campaignId: 1, queue: 'all' })).toBe(false);
    expect(affects(decision, 'campaign.list', {})).toBe(false);
    // Without refs (a bulk action over many), every detail may have changed.
    expect(affects({ type: 'changed', topics: ['triage'], campaignId: 1 }, 'triage.detail', { ref: 7 })).toBe(true);
    // Another database: everything.
    expect(affects({ type: 'changed', topics: ['database'] }, 'triage.facets', { campaignId: 9, queue: 'DI' })).toBe(true);
  });

  it('what the services announce after each kind of change reloads the views that show it (real services, real database)', async () => {
    const app = await openTestApp(tempDir());
    try {
      const { client } = app;
      await client.call('demo.load', { count: 300, seed: 4 });
      await app.core.settled();
      const other = await client.call('campaign.create', { name: 'Autumn' });
      const rows = (await client.call('triage.list', { campaignId: 1, queue: 'all', limit: 3 })).rows;
      const [first, second] = [rows[0]!.ref, rows[1]!.ref];

      const decided = await announced(client, () => client.call('triage.decide', { refs: [first], stage: 'inReview' }));
      expect(reloads(decided, 'triage.list', { campaignId: 1, queue: 'all', filter: {}, sort: [] })).toBe(true);
      expect(reloads(decided, 'triage.detail', { ref: first })).toBe(true);
      expect(reloads(decided, 'triage.detail', { ref: second })).toBe(false);
      expect(reloads(decided, 'overview.get', { campaignId: 1 })).toBe(true);
      expect(reloads(decided, 'overview.get', { campaignId: other.id })).toBe(false);
      expect(reloads(decided, 'notices.status', { campaignId: 1 })).toBe(true);
      expect(reloads(decided, 'campaign.get', { campaignId: 1 })).toBe(false);

      const renamed = await announced(client, () => client.call('campaign.update', { campaignId: 1, name: 'Spring' }));
      expect(reloads(renamed, 'campaign.list', {})).toBe(true);
      expect(reloads(renamed, 'triage.detail', { ref: first })).toBe(false);

      const corrected = await announced(client, () => client.call('application.correct', { ref: second, field: 'university', value: 'KU Leuven', reason: 'Typo in the export' }));
      expect(reloads(corrected, 'screening.detail', { ref: second })).toBe(true);
      expect(reloads(corrected, 'triage.facets', { campaignId: 1, queue: 'all' })).toBe(true);
      expect(reloads(corrected, 'notices.templates', { campaignId: 1 })).toBe(false);

      const worded = await announced(client, () => client.call('notices.setLanguage', { campaignId: 1, applicationId: rows[2]!.applicationId, language: 'fr' }));
      expect(reloads(worded, 'notices.status', { campaignId: 1 })).toBe(true);
      expect(reloads(worded, 'triage.list', { campaignId: 1, queue: 'all' })).toBe(false);

      // A file's backups are Cohort's to make; the office server's are IT's (backup.test.ts).
      if (app.engine === 'sqlite') {
        const backedUp = await announced(client, () => client.call('database.backupNow', {}));
        expect(reloads(backedUp, 'database.listBackups', {})).toBe(true);
      }
    } finally {
      await app.core.close();
    }
  });
});

describe('the renderer follows changes through one feed and one cache', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  function fakeClient() {
    const listeners = new Set<(event: ApiEvent) => void>();
    const client = createClient({ invoke: () => Promise.resolve({ ok: true, value: null }), subscribe: (listener) => (listeners.add(listener), () => listeners.delete(listener)) });
    return { client, send: (event: ApiEvent) => listeners.forEach((l) => l(event)), listening: () => listeners.size };
  }

  it('gathers a burst of changes into one reload, and reloads at the latest after the maximum wait', () => {
    vi.useFakeTimers();
    const { client, send, listening } = fakeClient();
    const feed = new ChangeFeed(client);
    const bursts: number[] = [];
    const stop = feed.listen((changes) => bursts.push(changes.length));
    send({ type: 'changed', topics: ['triage'], campaignId: 1 });
    vi.advanceTimersByTime(CHANGE_DEBOUNCE_MS - 10);
    send({ type: 'changed', topics: ['triage'], campaignId: 1 });
    send({ type: 'progress', job: 'import', done: 1, total: 2 });
    expect(bursts).toEqual([]);
    vi.advanceTimersByTime(CHANGE_DEBOUNCE_MS);
    expect(bursts).toEqual([2]);
    // An officer deciding faster than the pause still sees the changes within the maximum wait.
    for (let elapsed = 0; elapsed < CHANGE_MAX_WAIT_MS; elapsed += 100) {
      send({ type: 'changed', topics: ['triage'], campaignId: 1 });
      vi.advanceTimersByTime(100);
    }
    expect(bursts.length).toBe(2);
    stop();
    expect(listening()).toBe(0);
  });

  it('marks out of date exactly the cached answers a change affects', async () => {
    const cache = new QueryClient();
    const keys = {
      sidebar1: apiQueryKey(0, 'triage.sidebar', { campaignId: 1 }),
      sidebar2: apiQueryKey(0, 'triage.sidebar', { campaignId: 2 }),
      detail5: apiQueryKey(0, 'triage.detail', { ref: 5 }),
      detail6: apiQueryKey(0, 'triage.detail', { ref: 6 }),
      templates: apiQueryKey(0, 'notices.templates', { campaignId: 1 }),
    };
    for (const key of Object.values(keys)) cache.setQueryData(key, {});
    await invalidateChanged(cache, [{ type: 'changed', topics: ['triage'], campaignId: 1, refs: [5] }]);
    const invalid = Object.entries(keys)
      .filter(([, key]) => cache.getQueryState(key)?.isInvalidated)
      .map(([name]) => name);
    expect(invalid).toEqual(['sidebar1', 'detail5']);
  });
});
