import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { z } from 'zod';
import { CHANGE_TOPICS, type ChangedEvent, type ProgressEvent } from '../../../shared/api/contract';

/**
 * Other workstations' decisions, as they are saved (PostgreSQL LISTEN/NOTIFY): each workstation
 * announces what a request changed, after its transaction, on one channel; every other one hears
 * it and tells its windows through the same change topics as a change made here. A workstation
 * knows its own announcements by its id and skips them (its windows were told already).
 *
 * Besides changes, one kind of progress crosses: a campaign's re-screening (campaign-wide work one
 * workstation runs for all, team/campaign-work.ts), so every workstation's windows see it going.
 * Only that job, its campaign as jobId, and counts: nothing else another workstation sends is passed on.
 */

export const CHANGES_CHANNEL = 'cohort_changes';

/** What crosses the channel (8,000 bytes at most: an event names at most 500 refs, changes.ts). */
const changedSchema = z.object({
  type: z.literal('changed'),
  topics: z.array(z.enum(CHANGE_TOPICS)),
  refs: z.array(z.number().int()).optional(),
  campaignId: z.number().int().optional(),
});
const progressSchema = z.object({
  type: z.literal('progress'),
  job: z.literal('screening'),
  jobId: z.string().regex(/^\d{1,12}$/),
  phase: z.literal('screening').optional(),
  done: z.number().int().nonnegative(),
  total: z.number().int().nonnegative(),
});
const announcementSchema = z.object({ from: z.string(), event: z.discriminatedUnion('type', [changedSchema, progressSchema]) });

/** What one workstation tells the others. */
export type HeardEvent = ChangedEvent | ProgressEvent;

export const newWorkstationId = (): string => randomUUID();

/** Tells the other workstations; a lost server only means they reload later, so a failure is logged, not thrown. */
export async function announce(pool: pg.Pool, from: string, event: HeardEvent, log?: (message: string, error?: unknown) => void): Promise<void> {
  try {
    await pool.query('SELECT pg_notify($1, $2)', [CHANGES_CHANNEL, JSON.stringify({ from, event })]);
  } catch (error) {
    log?.('telling the other workstations of a change failed', error);
  }
}

/**
 * A workstation's announcements, sent one after the other: each pg_notify on whichever pooled
 * connection is free would reach the others in the order the statements happened to commit, and a
 * run's progress heard out of order would go backwards (the end, then a tenth).
 */
export function announcer(pool: pg.Pool, from: string, log?: (message: string, error?: unknown) => void): (event: HeardEvent) => void {
  let last: Promise<void> = Promise.resolve();
  return (event) => {
    last = last.then(() => announce(pool, from, event, log));
  };
}

/** The other workstations' events from one notification's payload; null for one of ours or one not understood. */
export function heardEvent(payload: string | undefined, self: string): HeardEvent | null {
  try {
    const parsed = announcementSchema.safeParse(JSON.parse(payload ?? ''));
    if (!parsed.success || parsed.data.from === self) return null;
    return parsed.data.event;
  } catch {
    return null;
  }
}

export interface ChangeFeed {
  close(): Promise<void>;
}

export interface FeedListener {
  changed(event: HeardEvent): void;
  /** The server was lost (false) or is back (true); while lost the feed tries again every `retryMs`. */
  connection(connected: boolean): void;
}

/** How often a listening connection is asked whether it still reaches the server, and how long it may take to answer. */
export interface FeedTiming {
  retryMs: number;
  heartbeatMs: number;
  answerMs: number;
}
const FEED_TIMING: FeedTiming = { retryMs: 1_000, heartbeatMs: 10_000, answerMs: 5_000 };

/**
 * Listens on its own connection (a pooled one would be handed to requests). When it is lost, it
 * says so and connects again; once back, every window reloads (what changed meanwhile was not heard).
 * A connection that dies without a word (a VPN dropped, a laptop's network changed) sends no error
 * until TCP gives up, minutes later, and meanwhile hears nothing: so the feed asks the server a
 * trivial question every few seconds, and one not answered in time counts as the server lost.
 */
export function listenForChanges(config: pg.ClientConfig, self: string, listener: FeedListener, timing: Partial<FeedTiming> = {}): ChangeFeed {
  const { retryMs, heartbeatMs, answerMs } = { ...FEED_TIMING, ...timing };
  let client: pg.Client | null = null;
  let closed = false;
  let timer: NodeJS.Timeout | null = null;
  let lost = false;

  const heartbeat = setInterval(() => {
    const current = client;
    if (!current || closed) return;
    const unanswered = setTimeout(() => dropped(current), answerMs);
    current.query('SELECT 1').then(
      () => clearTimeout(unanswered),
      () => {
        clearTimeout(unanswered);
        dropped(current);
      },
    );
  }, heartbeatMs);
  heartbeat.unref();

  /** A connection no longer trusted: closed (without waiting for a server that may never answer), and another tried. */
  function dropped(gone: pg.Client): void {
    if (client !== gone) return;
    client = null;
    void gone.end().catch(() => undefined);
    retry();
  }

  const retry = () => {
    if (closed || timer) return;
    if (!lost) {
      lost = true;
      listener.connection(false);
    }
    timer = setTimeout(() => {
      timer = null;
      void connect();
    }, retryMs);
  };

  async function connect(): Promise<void> {
    // TCP keep-alive as well: the operating system notices a dead peer even between heartbeats.
    const next = new pg.Client({ ...config, keepAlive: true, keepAliveInitialDelayMillis: heartbeatMs });
    next.on('error', () => {
      void next.end().catch(() => undefined);
      if (client === next) client = null;
      retry();
    });
    next.on('notification', (message) => {
      const event = heardEvent(message.payload, self);
      if (event) listener.changed(event);
    });
    try {
      await next.connect();
      await next.query(`LISTEN ${CHANGES_CHANNEL}`);
      if (closed) {
        await next.end();
        return;
      }
      client = next;
      if (lost) {
        lost = false;
        listener.connection(true);
        listener.changed({ type: 'changed', topics: [...CHANGE_TOPICS] });
      }
    } catch {
      void next.end().catch(() => undefined);
      retry();
    }
  }

  const started = connect();
  return {
    async close() {
      closed = true;
      clearInterval(heartbeat);
      if (timer) clearTimeout(timer);
      await started;
      await client?.end().catch(() => undefined);
      client = null;
    },
  };
}
