import type { PersonNoticeView } from '../../../../shared/api/triage';
import type { NoticeSummary, OpenBatch, NoticeTemplates } from '../../../../shared/api/notices';
import { NotFoundError } from '../../../../shared/api/errors';
import { checkBatchOpen, FORGET_BATCH_SQL, LAST_SENT_SQL } from '../batch-sent';
import type { NoticeOutcome } from '../../../../shared/domain/notice-outcome';
import type { SqliteDatabase } from '../../../../db/connection';
import { writeTransaction } from '../../../../db/write-transaction';
import { auditWriter } from '../../audit/audit-log';
import { EFFECTIVE_VERDICT } from '../../screening/store/sqlite-effective-verdict';
import { asHistoryShows, noticeEmail, peopleOf, type ApplicationRow, type Person } from './people';
import { sentOf } from './standing';
import { templatesOf, type TemplateRow } from './templates-of';
import { APPLICATION_DECISIONS, DECIDED_SINCE, OF_PEOPLE, sqliteNoticeStanding } from './sqlite-standing';

/**
 * Notices on SQLite: every person of a campaign with all their applications (screening's identity
 * groups), what they were told, and the writes of preparing, sending and bouncing. SQLite-only:
 * `json_each`, `max()` of two values, `ON CONFLICT … DO UPDATE`.
 */

export function sqliteNotices(sqlite: SqliteDatabase) {
  const standing = sqliteNoticeStanding(sqlite);
  const COLUMNS = `a.id AS ref, a.application_id AS applicationId, a.first_name AS firstName, a.last_name AS lastName, a.email, a.division_code AS divisionCode,
       a.division, a.position, a.english_level_parsed AS englishLevel, a.french_level_parsed AS frenchLevel, a.submitted_at AS submittedAt,
       a.nationality_code AS nationalityCode, r.person_key AS personKey, (${EFFECTIVE_VERDICT}) AS verdict, r.verdict AS automaticVerdict,
       r.reasons_json AS reasonsJson, coalesce(t.stage, 'new') AS stage, d.offer_made_at AS offerMadeAt, d.session, d.start_date AS startDate,
       ${DECIDED_SINCE} AS since`;
  const applications = sqlite.prepare<[number], ApplicationRow>(
    `SELECT ${COLUMNS} FROM applications a JOIN screening_results r ON r.application_ref = a.id ${APPLICATION_DECISIONS} WHERE a.campaign_id = ?`,
  );
  // The same for some people only (those owed a batch's notice).
  const applicationsOf = sqlite.prepare<[string, number], ApplicationRow>(`SELECT ${COLUMNS} FROM ${OF_PEOPLE} ${APPLICATION_DECISIONS}`);
  // A person's notices as their history shows them, and the campaign and person of an application.
  const personNoticeRows = sqlite.prepare<[number, string], PersonNoticeView>(
    `SELECT id, outcome, state, language, prepared_at AS preparedAt, sent_at AS sentAt, bounced_at AS bouncedAt, resent_at AS resentAt, superseded_at AS supersededAt
     FROM notices WHERE campaign_id = ? AND person_key = ? ORDER BY id DESC`,
  );
  const personOfRef = sqlite.prepare<[number], { campaignId: number; personKey: string }>(
    'SELECT campaign_id AS campaignId, person_key AS personKey FROM screening_results WHERE application_ref = ?',
  );
  const languages = sqlite.prepare<[number], { personKey: string; language: 'en' | 'fr' }>('SELECT person_key AS personKey, language FROM notice_languages WHERE campaign_id = ?');
  const templateRows = sqlite.prepare<[number], TemplateRow>(
    'SELECT outcome, language, subject, body FROM notice_templates WHERE campaign_id = ?',
  );
  const upsertTemplate = sqlite.prepare<[number, string, string, string, string, string, string]>(
    `INSERT INTO notice_templates (campaign_id, outcome, language, subject, body, updated_by, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (campaign_id, outcome, language) DO UPDATE SET subject = excluded.subject, body = excluded.body, updated_by = excluded.updated_by, updated_at = excluded.updated_at`,
  );
  const upsertLanguage = sqlite.prepare<[number, string, string, string, string]>(
    `INSERT INTO notice_languages (campaign_id, person_key, language, actor, at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (campaign_id, person_key) DO UPDATE SET language = excluded.language, actor = excluded.actor, at = excluded.at`,
  );
  const personOf = sqlite.prepare<[number, string], { personKey: string }>(
    'SELECT r.person_key AS personKey FROM applications a JOIN screening_results r ON r.application_ref = a.id WHERE a.campaign_id = ? AND a.application_id = ?',
  );
  const insertBatch = sqlite.prepare<[number, string, string, string, string]>('INSERT INTO notice_batches (campaign_id, outcome, format, actor, at) VALUES (?, ?, ?, ?, ?)');
  const insertNotice = sqlite.prepare<[number, string, string, string, string | null, number, string, string, string]>(
    `INSERT INTO notices (campaign_id, person_key, outcome, language, email, batch_id, state, basis, prepared_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, 'prepared', ?, ?, ?)`,
  );
  const insertNoticeApplication = sqlite.prepare<[number, number]>('INSERT INTO notice_applications (notice_id, application_ref) VALUES (?, ?)');
  const supersede = sqlite.prepare<[string, string, number]>("UPDATE notices SET state = 'superseded', superseded_at = ?, updated_by = ? WHERE id = ? AND state <> 'superseded'");
  const openBatches = sqlite.prepare<[number], OpenBatch>(
    `SELECT b.id AS batchId, b.outcome, b.format, b.at, b.actor, count(n.id) AS prepared
     FROM notice_batches b JOIN notices n ON n.batch_id = b.id AND n.state = 'prepared'
     WHERE b.campaign_id = ? GROUP BY b.id ORDER BY b.id`,
  );
  const batchRow = sqlite.prepare<[number], { campaignId: number; outcome: string }>('SELECT campaign_id AS campaignId, outcome FROM notice_batches WHERE id = ?');
  const batchNotices = sqlite.prepare<[number], { id: number; personKey: string; applicationIds: string }>(
    `SELECT n.id, n.person_key AS personKey, (SELECT json_group_array(a.application_id) FROM notice_applications na JOIN applications a ON a.id = na.application_ref WHERE na.notice_id = n.id) AS applicationIds
     FROM notices n WHERE n.batch_id = ? AND n.state = 'prepared'`,
  );
  const markSent = sqlite.prepare<[string, string, number]>("UPDATE notices SET state = 'sent', sent_at = ?, updated_by = ? WHERE id = ? AND state = 'prepared'");
  const lastSent = sqlite.prepare<[number], { by: string | null; at: string }>(LAST_SENT_SQL);
  const sentNoticeOf = sqlite.prepare<[number, string], { id: number }>(
    `SELECT n.id FROM notices n JOIN notice_applications na ON na.notice_id = n.id JOIN applications a ON a.id = na.application_ref
     WHERE n.campaign_id = ? AND a.application_id = ? AND n.state = 'sent' ORDER BY n.id DESC LIMIT 1`,
  );
  const markBounced = sqlite.prepare<[string, string, number]>("UPDATE notices SET state = 'bounced', bounced_at = ?, updated_by = ? WHERE id = ?");
  const bouncedNoticeOf = sqlite.prepare<[number, string], { id: number }>(
    `SELECT n.id FROM notices n JOIN notice_applications na ON na.notice_id = n.id JOIN applications a ON a.id = na.application_ref
     WHERE n.campaign_id = ? AND a.application_id = ? AND n.state = 'bounced' ORDER BY n.id DESC LIMIT 1`,
  );
  const markResent = sqlite.prepare<[string, string, number]>("UPDATE notices SET state = 'sent', resent_at = ?, updated_by = ? WHERE id = ?");
  const audit = auditWriter(sqlite);

  /** Every person of the campaign (or those named), with their applications, outcome and notices' status. */
  function people(campaignId: number, only?: readonly string[]): Person[] {
    const rows = only ? applicationsOf.all(JSON.stringify(only), campaignId) : applications.all(campaignId);
    return peopleOf(rows, standing.told(campaignId, only), new Map(languages.all(campaignId).map((l) => [l.personKey, l.language])));
  }

  /** A state change of the latest notice of each application named (`find` says which), in one transaction, audited. */
  function mark(
    campaignId: number,
    applicationIds: readonly string[],
    find: typeof sentNoticeOf,
    update: typeof markBounced,
    action: string,
    actor: string,
    now: Date,
  ): { changed: number; notFound: string[] } {
    const at = now.toISOString();
    return writeTransaction(sqlite, () => {
      const notFound: string[] = [];
      const ids = new Set<number>();
      for (const applicationId of applicationIds) {
        const notice = find.get(campaignId, applicationId);
        if (notice) ids.add(notice.id);
        else notFound.push(applicationId);
      }
      for (const id of ids) update.run(at, actor, id);
      audit({ campaignId, actor, action, subject: String(ids.size), details: { applicationIds, notFound } }, at);
      return { changed: ids.size, notFound };
    });
  }

  return {
    people,

    /**
     * The notices of the person an application belongs to, newest first, as their history shows
     * them: one a later decision has made untrue is superseded at once (as the counts say), before
     * the next batch records it so.
     */
    personNotices(ref: number): PersonNoticeView[] {
      const who = personOfRef.get(ref);
      if (!who) return [];
      const rows = personNoticeRows.all(who.campaignId, who.personKey);
      if (rows.length === 0) return rows;
      return asHistoryShows(rows, people(who.campaignId, [who.personKey])[0]);
    },

    /** The Notices page's counts, from where each person stands (worked out again for those changed since). */
    summary(campaignId: number): NoticeSummary {
      return { ...standing.counts(campaignId), openBatches: openBatches.all(campaignId) };
    },

    owedSince: (campaignId: number) => standing.owedSince(campaignId),

    /** A person whose applications give this outcome, to preview a notice on, or null when nobody's do. */
    examplePerson(campaignId: number, outcome: NoticeOutcome): Person | null {
      const key = standing.keyWithOutcome(campaignId, outcome);
      return key === undefined ? null : (people(campaignId, [key])[0] ?? null);
    },

    templates(campaignId: number): NoticeTemplates {
      return templatesOf(templateRows.all(campaignId));
    },

    setTemplate(request: { campaignId: number; outcome: NoticeOutcome; language: 'en' | 'fr'; subject: string; body: string }, actor: string, now = new Date()): void {
      const at = now.toISOString();
      writeTransaction(sqlite, () => {
        upsertTemplate.run(request.campaignId, request.outcome, request.language, request.subject, request.body, actor, at);
        audit({ campaignId: request.campaignId, actor, action: 'notices.template', subject: `${request.outcome} ${request.language}`, details: { subject: request.subject } }, at);
      });
    },

    setLanguage(request: { campaignId: number; applicationId: string; language: 'en' | 'fr' }, actor: string, now = new Date()): void {
      const at = now.toISOString();
      writeTransaction(sqlite, () => {
        const person = personOf.get(request.campaignId, request.applicationId);
        if (!person) throw new NotFoundError(`There is no screened application ${request.applicationId} in this campaign.`, 'NoSuchApplication');
        upsertLanguage.run(request.campaignId, person.personKey, request.language, actor, at);
        audit({ campaignId: request.campaignId, actor, action: 'notices.language', subject: request.applicationId, details: { language: request.language } }, at);
      });
    },

    /**
     * Records, in one transaction, the notices owed for one outcome as prepared in a new batch
     * (superseding what no longer holds); the people, for the files. The same call with nothing
     * owed records nothing.
     */
    prepare(campaignId: number, outcome: NoticeOutcome, format: 'eml' | 'csv', actor: string, now = new Date()): { batchId: number | null; people: (Person & { noticeId: number })[] } {
      const at = now.toISOString();
      return writeTransaction(sqlite, () => {
        // Who is owed this notice from the slim rows; names, addresses and reasons for those only.
        const keys = standing.owedKeys(campaignId, outcome);
        const owed = keys.length === 0 ? [] : people(campaignId, keys).filter((p) => p.status.owed === outcome);
        if (owed.length === 0) return { batchId: null, people: [] };
        const batchId = Number(insertBatch.run(campaignId, outcome, format, actor, at).lastInsertRowid);
        // What these notices replace is marked superseded once they go out (markSent): a batch that
        // never goes out (its files could not be written) leaves the earlier notices as they were.
        const prepared = owed.map((p) => {
          const noticeId = Number(insertNotice.run(campaignId, p.personKey, outcome, p.language, noticeEmail(p), batchId, p.basis, at, actor).lastInsertRowid);
          for (const a of p.applications) insertNoticeApplication.run(noticeId, a.ref);
          return { ...p, noticeId };
        });
        audit({ campaignId, actor, action: 'notices.prepare', subject: String(batchId), details: { outcome, format, notices: prepared.length } }, at);
        return { batchId, people: prepared };
      });
    },

    /** Undoes a batch whose files could not be written: its notices were never out. */
    forgetBatch(batchId: number): void {
      writeTransaction(sqlite, () => {
        sqlite.prepare<[number]>(FORGET_BATCH_SQL.notices).run(batchId);
        sqlite.prepare<[number, number]>(FORGET_BATCH_SQL.batch).run(batchId, batchId);
      });
    },

    markSent(batchId: number, except: readonly string[], actor: string, now = new Date()): { sent: number; campaignId: number } {
      const at = now.toISOString();
      return writeTransaction(sqlite, () => {
        const batch = batchRow.get(batchId);
        if (!batch) throw new NotFoundError(`There is no batch of notices number ${batchId}.`, 'NoSuchBatch');
        let sent = 0;
        const replacedBy = standing.untrueNotices(batch.campaignId);
        const prepared = batchNotices.all(batchId).map((n) => ({ ...n, applicationIds: JSON.parse(n.applicationIds) as string[] }));
        checkBatchOpen(batchId, prepared.length, lastSent.get(batchId));
        for (const n of sentOf(prepared, except)) {
          sent += markSent.run(at, actor, n.id).changes;
          // The notices this one replaces are superseded now that it went out.
          for (const id of replacedBy.get(n.personKey) ?? []) if (id !== n.id) supersede.run(at, actor, id);
        }
        audit({ campaignId: batch.campaignId, actor, action: 'notices.sent', subject: String(batchId), details: { sent, except } }, at);
        return { sent, campaignId: batch.campaignId };
      });
    },

    markBounced(campaignId: number, applicationIds: readonly string[], actor: string, now = new Date()): { bounced: number; notFound: string[] } {
      const { changed, notFound } = mark(campaignId, applicationIds, sentNoticeOf, markBounced, 'notices.bounced', actor, now);
      return { bounced: changed, notFound };
    },

    markResent(campaignId: number, applicationIds: readonly string[], actor: string, now = new Date()): { resent: number; notFound: string[] } {
      const { changed, notFound } = mark(campaignId, applicationIds, bouncedNoticeOf, markResent, 'notices.resent', actor, now);
      return { resent: changed, notFound };
    },
  };
}
