import type pg from 'pg';
import type { OpenBatch } from '../../../../shared/api/notices';
import type { PersonNoticeView } from '../../../../shared/api/triage';
import { NotFoundError } from '../../../../shared/api/errors';
import { numbered } from '../../triage/store/queue-sql';
import { checkBatchOpen, FORGET_BATCH_SQL, LAST_SENT_SQL } from '../batch-sent';
import type { NoticeOutcome } from '../../../../shared/domain/notice-outcome';
import { inTransaction, read } from '../../../../db/postgres/transaction';
import { writeAuditOn as audit } from '../../audit/audit-log';
import { EFFECTIVE_VERDICT } from '../../screening/store/sqlite-effective-verdict';
import { asHistoryShows, noticeEmail, peopleOf, type ApplicationRow, type Person } from './people';
import { owedKeys, owedPerDay, PG_APPLICATION_DECISIONS, PG_DECIDED_SINCE, PG_OF_PEOPLE, standingCounts, told, untrueNotices, upToDate } from './pg-standing';
import { sentOf } from './standing';
import { templatesOf, type TemplateRow } from './templates-of';
import type { NoticeStore } from './index';

/**
 * The notices' store on the office server (team mode): the same people, rules and writes as on
 * SQLite (sqlite-notices.ts), through people.ts, standing.ts and templates-of.ts. Every write that
 * reads what it changes (who is owed, which notice an application's bounce is about) runs one
 * officer at a time per campaign (a transaction advisory lock, notices on two workstations being
 * prepared or marked at once), so no person is prepared twice and no mark is lost.
 */

const COLUMNS = `a.id AS ref, a.application_id AS "applicationId", a.first_name AS "firstName", a.last_name AS "lastName", a.email, a.division_code AS "divisionCode",
  a.division, a.position, a.english_level_parsed AS "englishLevel", a.french_level_parsed AS "frenchLevel", a.submitted_at AS "submittedAt",
  a.nationality_code AS "nationalityCode", r.person_key AS "personKey", (${EFFECTIVE_VERDICT}) AS verdict, r.verdict AS "automaticVerdict",
  r.reasons_json AS "reasonsJson", coalesce(t.stage, 'new') AS stage, d.offer_made_at AS "offerMadeAt", d.session, d.start_date AS "startDate",
  ${PG_DECIDED_SINCE} AS since`;

type Queryable = Pick<pg.ClientBase, 'query'>;

/** One notice writer per campaign at a time, for the rest of the caller's transaction. */
async function lockNotices(c: pg.ClientBase, campaignId: number): Promise<void> {
  await c.query("SELECT pg_advisory_xact_lock(hashtext('notices ' || $1::text))", [campaignId]);
}

/** Every person of the campaign (or those named), with their applications, outcome and notices' status. */
async function people(c: Queryable, campaignId: number, only?: readonly string[]): Promise<Person[]> {
  const rows = only
    ? (await c.query<ApplicationRow>(`SELECT ${COLUMNS} FROM ${PG_OF_PEOPLE} ${PG_APPLICATION_DECISIONS}`, [only, campaignId])).rows
    : (await c.query<ApplicationRow>(`SELECT ${COLUMNS} FROM applications a JOIN screening_results r ON r.application_ref = a.id ${PG_APPLICATION_DECISIONS} WHERE a.campaign_id = $1`, [campaignId])).rows;
  const languages = (await c.query<{ personKey: string; language: 'en' | 'fr' }>('SELECT person_key AS "personKey", language FROM notice_languages WHERE campaign_id = $1', [campaignId])).rows;
  return peopleOf(rows, await told(c, campaignId, only), new Map(languages.map((l) => [l.personKey, l.language])));
}

/** The notice each application named last had in `state` (sent, to bounce; bounced, to send again). */
async function latestNotices(c: pg.ClientBase, campaignId: number, applicationIds: readonly string[], state: 'sent' | 'bounced'): Promise<Map<string, number>> {
  const rows = (await c.query<{ applicationId: string; id: number }>(
    `SELECT DISTINCT ON (a.application_id) a.application_id AS "applicationId", n.id
     FROM applications a JOIN notice_applications na ON na.application_ref = a.id JOIN notices n ON n.id = na.notice_id AND n.state = $3
     WHERE a.campaign_id = $1 AND a.application_id = ANY($2::text[]) ORDER BY a.application_id, n.id DESC`,
    [campaignId, applicationIds, state],
  )).rows;
  return new Map(rows.map((r) => [r.applicationId, r.id]));
}

/** A state change of the latest notice of each application named, in one transaction, audited. */
async function mark(pool: pg.Pool, campaignId: number, applicationIds: readonly string[], from: 'sent' | 'bounced', action: string, actor: string): Promise<{ changed: number; notFound: string[] }> {
  const at = new Date().toISOString();
  return inTransaction(pool, async (c) => {
    await lockNotices(c, campaignId);
    const found = await latestNotices(c, campaignId, applicationIds, from);
    const notFound = applicationIds.filter((id) => !found.has(id));
    const ids = [...new Set(found.values())];
    const set = from === 'sent' ? "state = 'bounced', bounced_at = $1" : "state = 'sent', resent_at = $1";
    await c.query(`UPDATE notices SET ${set}, updated_by = $2 WHERE id = ANY($3::int[])`, [at, actor, ids]);
    await audit(c, { campaignId, actor, action, subject: String(ids.length), details: { applicationIds, notFound } }, at);
    return { changed: ids.length, notFound };
  });
}

export function pgNoticeStore(pool: pg.Pool): NoticeStore {
  return {
    async people(campaignId) {
      await upToDate(pool, campaignId);
      return inTransaction(pool, (c) => people(c, campaignId));
    },

    async examplePerson(campaignId, outcome) {
      await upToDate(pool, campaignId);
      const [row] = await read<{ personKey: string }>(pool, 'SELECT person_key AS "personKey" FROM notice_standing WHERE campaign_id = $1 AND outcome = $2 LIMIT 1', [campaignId, outcome]);
      return row ? ((await inTransaction(pool, (c) => people(c, campaignId, [row.personKey])))[0] ?? null) : null;
    },

    async personNotices(ref) {
      const [who] = await read<{ campaignId: number; personKey: string }>(pool, 'SELECT campaign_id AS "campaignId", person_key AS "personKey" FROM screening_results WHERE application_ref = $1', [ref]);
      if (!who) return [];
      return inTransaction(pool, async (c) => {
        const rows = (await c.query<PersonNoticeView>(
          `SELECT id, outcome, state, language, prepared_at AS "preparedAt", sent_at AS "sentAt", bounced_at AS "bouncedAt", resent_at AS "resentAt", superseded_at AS "supersededAt"
           FROM notices WHERE campaign_id = $1 AND person_key = $2 ORDER BY id DESC`,
          [who.campaignId, who.personKey],
        )).rows;
        return rows.length === 0 ? rows : asHistoryShows(rows, (await people(c, who.campaignId, [who.personKey]))[0]);
      });
    },

    async summary(campaignId) {
      const counts = await standingCounts(pool, campaignId);
      const openBatches = await read<OpenBatch>(
        pool,
        `SELECT b.id AS "batchId", b.outcome, b.format, b.at, b.actor, count(n.id) AS prepared
         FROM notice_batches b JOIN notices n ON n.batch_id = b.id AND n.state = 'prepared'
         WHERE b.campaign_id = $1 GROUP BY b.id ORDER BY b.id`,
        [campaignId],
      );
      return { ...counts, openBatches };
    },

    async owedSince(campaignId) {
      await upToDate(pool, campaignId);
      return owedPerDay(pool, campaignId);
    },

    async templates(campaignId) {
      return templatesOf(await read<TemplateRow>(pool, 'SELECT outcome, language, subject, body FROM notice_templates WHERE campaign_id = $1', [campaignId]));
    },

    async setTemplate(request, actor) {
      const at = new Date().toISOString();
      await inTransaction(pool, async (c) => {
        await c.query(
          `INSERT INTO notice_templates (campaign_id, outcome, language, subject, body, updated_by, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7)
           ON CONFLICT (campaign_id, outcome, language) DO UPDATE SET subject = excluded.subject, body = excluded.body, updated_by = excluded.updated_by, updated_at = excluded.updated_at`,
          [request.campaignId, request.outcome, request.language, request.subject, request.body, actor, at],
        );
        await audit(c, { campaignId: request.campaignId, actor, action: 'notices.template', subject: `${request.outcome} ${request.language}`, details: { subject: request.subject } }, at);
      });
    },

    async setLanguage(request, actor) {
      const at = new Date().toISOString();
      await inTransaction(pool, async (c) => {
        const [person] = (await c.query<{ personKey: string }>(
          'SELECT r.person_key AS "personKey" FROM applications a JOIN screening_results r ON r.application_ref = a.id WHERE a.campaign_id = $1 AND a.application_id = $2',
          [request.campaignId, request.applicationId],
        )).rows;
        if (!person) throw new NotFoundError(`There is no screened application ${request.applicationId} in this campaign.`, 'NoSuchApplication');
        await c.query(
          `INSERT INTO notice_languages (campaign_id, person_key, language, actor, at) VALUES ($1, $2, $3, $4, $5)
           ON CONFLICT (campaign_id, person_key) DO UPDATE SET language = excluded.language, actor = excluded.actor, at = excluded.at`,
          [request.campaignId, person.personKey, request.language, actor, at],
        );
        await audit(c, { campaignId: request.campaignId, actor, action: 'notices.language', subject: request.applicationId, details: { language: request.language } }, at);
      });
    },

    async prepare(campaignId: number, outcome: NoticeOutcome, format: 'eml' | 'csv', actor: string) {
      const at = new Date().toISOString();
      return inTransaction(pool, async (c) => {
        // Two officers preparing at once: the second finds the first one's notices prepared.
        await lockNotices(c, campaignId);
        const keys = await owedKeys(c, campaignId, outcome);
        const owed = keys.length === 0 ? [] : (await people(c, campaignId, keys)).filter((p) => p.status.owed === outcome);
        if (owed.length === 0) return { batchId: null, people: [] };
        const [batch] = (await c.query<{ id: number }>('INSERT INTO notice_batches (campaign_id, outcome, format, actor, at) VALUES ($1, $2, $3, $4, $5) RETURNING id', [campaignId, outcome, format, actor, at])).rows;
        if (!batch) throw new Error('The batch of notices was not recorded.');
        // What these notices replace is marked superseded once they go out (markSent), as on SQLite.
        const inserted = (await c.query<{ id: number; personKey: string }>(
          `INSERT INTO notices (campaign_id, person_key, outcome, language, email, batch_id, state, basis, prepared_at, updated_by)
           SELECT $1, p.key, $2, p.language, p.email, $3, 'prepared', p.basis, $4, $5 FROM unnest($6::text[], $7::text[], $8::text[], $9::text[]) p(key, language, email, basis)
           RETURNING id, person_key AS "personKey"`,
          [campaignId, outcome, batch.id, at, actor, owed.map((p) => p.personKey), owed.map((p) => p.language), owed.map(noticeEmail), owed.map((p) => p.basis)],
        )).rows;
        const idOf = new Map(inserted.map((n) => [n.personKey, n.id]));
        const prepared = owed.map((p) => ({ ...p, noticeId: idOf.get(p.personKey) ?? 0 }));
        const links = prepared.flatMap((p) => p.applications.map((a) => [p.noticeId, a.ref] as const));
        await c.query('INSERT INTO notice_applications (notice_id, application_ref) SELECT * FROM unnest($1::int[], $2::int[])', [links.map((l) => l[0]), links.map((l) => l[1])]);
        await audit(c, { campaignId, actor, action: 'notices.prepare', subject: String(batch.id), details: { outcome, format, notices: prepared.length } }, at);
        return { batchId: batch.id, people: prepared };
      });
    },

    async forgetBatch(batchId) {
      await inTransaction(pool, async (c) => {
        const [batch] = (await c.query<{ campaignId: number }>('SELECT campaign_id AS "campaignId" FROM notice_batches WHERE id = $1', [batchId])).rows;
        if (!batch) return;
        // Under the notices' lock, as marking sent takes it: see FORGET_BATCH_SQL.
        await lockNotices(c, batch.campaignId);
        await c.query(numbered(FORGET_BATCH_SQL.notices), [batchId]);
        await c.query(numbered(FORGET_BATCH_SQL.batch), [batchId, batchId]);
      });
    },

    async markSent(batchId, except, actor) {
      const at = new Date().toISOString();
      const [batch] = await read<{ campaignId: number }>(pool, 'SELECT campaign_id AS "campaignId" FROM notice_batches WHERE id = $1', [batchId]);
      if (!batch) throw new NotFoundError(`There is no batch of notices number ${batchId}.`, 'NoSuchBatch');
      const { campaignId } = batch;
      return inTransaction(pool, async (c) => {
        await lockNotices(c, campaignId);
        const replacedBy = await untrueNotices(c, campaignId);
        const prepared = (await c.query<{ id: number; personKey: string; applicationIds: string[] }>(
          `SELECT n.id, n.person_key AS "personKey",
             array(SELECT a.application_id FROM notice_applications na JOIN applications a ON a.id = na.application_ref WHERE na.notice_id = n.id) AS "applicationIds"
           FROM notices n WHERE n.batch_id = $1 AND n.state = 'prepared'`,
          [batchId],
        )).rows;
        checkBatchOpen(batchId, prepared.length, (await c.query<{ by: string | null; at: string }>(numbered(LAST_SENT_SQL), [batchId])).rows[0]);
        const going = sentOf(prepared, except);
        const { rowCount } = await c.query("UPDATE notices SET state = 'sent', sent_at = $1, updated_by = $2 WHERE id = ANY($3::int[]) AND state = 'prepared'", [at, actor, going.map((n) => n.id)]);
        // The notices these replace are superseded now that they went out.
        const replaced = going.flatMap((n) => (replacedBy.get(n.personKey) ?? []).filter((id) => id !== n.id));
        if (replaced.length > 0) await c.query("UPDATE notices SET state = 'superseded', superseded_at = $1, updated_by = $2 WHERE id = ANY($3::int[]) AND state <> 'superseded'", [at, actor, replaced]);
        const sent = rowCount ?? 0;
        await audit(c, { campaignId, actor, action: 'notices.sent', subject: String(batchId), details: { sent, except } }, at);
        return { sent, campaignId };
      });
    },

    async markBounced(campaignId, applicationIds, actor) {
      const { changed, notFound } = await mark(pool, campaignId, applicationIds, 'sent', 'notices.bounced', actor);
      return { bounced: changed, notFound };
    },

    async markResent(campaignId, applicationIds, actor) {
      const { changed, notFound } = await mark(pool, campaignId, applicationIds, 'bounced', 'notices.resent', actor);
      return { resent: changed, notFound };
    },
  };
}
