import type pg from 'pg';
import type { Kysely } from 'kysely';
import type { PersonNoticeView } from '../../../shared/api/contract';
import { NotOnServerError } from '../../../shared/api/errors';
import type { Database } from '../../../db/schema';
import { read } from '../../../db/postgres/transaction';
import { kyselyCampaignStore } from '../campaigns/store';
import { pgScreeningStore } from '../screening/store/pg';
import { pgTriageStore } from '../triage/store/pg';
import type { NoticeStore } from '../notices/store';
import type { Stores } from '../stores';

/**
 * The domains' stores on the office server. Team mode is being built domain by domain: triage
 * (queues, decisions with versions, scores per officer, notes, undo), screening (tabs, detail,
 * overrides, duplicates, re-screening) and the campaigns' Kysely store run on PostgreSQL now;
 * every other domain's method refuses in words (NotOnServer) rather
 * than run SQLite's SQL against a server. Each adapter that lands replaces one line here.
 */

/** A store whose every method refuses: what the officer is told, naming the part of Cohort. */
export function notOnServerYet<T extends object>(what: string): T {
  return new Proxy({} as T, {
    get: (_target, method) => (method === 'then' ? undefined : () => Promise.reject(new NotOnServerError(`${what} (${String(method)})`))),
  });
}

/**
 * A store of which a few methods run on the server and every other one refuses. (Spreading the
 * refusing proxy into an object would copy none of its methods: they are not its own properties.)
 */
function notOnServerYetBut<T extends object>(what: string, ported: Partial<T>): T {
  const refusing = notOnServerYet<T>(what);
  return new Proxy(ported as T, { get: (target, method) => (method in target ? Reflect.get(target, method) : Reflect.get(refusing, method)) });
}

/** A person's outcome notices, for the triage detail. Whether one was superseded by a later outcome is worked out by the notices domain, not on the server yet: shown as stored. */
function personNotices(pool: pg.Pool): NoticeStore['personNotices'] {
  return async (ref) =>
    read<PersonNoticeView>(
      pool,
      `SELECT n.id, n.outcome, n.state, n.language, n.prepared_at AS "preparedAt", n.sent_at AS "sentAt", n.bounced_at AS "bouncedAt",
         n.resent_at AS "resentAt", n.superseded_at AS "supersededAt"
       FROM screening_results r JOIN notices n ON n.campaign_id = r.campaign_id AND n.person_key = r.person_key
       WHERE r.application_ref = $1 ORDER BY n.id DESC`,
      [ref],
    );
}

export function serverStores(pool: pg.Pool, db: Kysely<Database>): Stores {
  return {
    campaigns: kyselyCampaignStore(db),
    triage: pgTriageStore(pool),
    notices: notOnServerYetBut<NoticeStore>('Outcome notices', { personNotices: personNotices(pool) }),
    imports: notOnServerYet('Importing an export'),
    overview: notOnServerYet('The campaign overview'),
    screening: pgScreeningStore(pool),
    shortlists: notOnServerYet('Shortlists'),
    selection: notOnServerYet('Interviews and selection'),
    reports: notOnServerYet('Season reports'),
    privacy: notOnServerYet('Personal data'),
    audit: notOnServerYet('The audit log'),
  };
}
