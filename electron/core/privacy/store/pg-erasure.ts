import type pg from 'pg';
import type { ReportFact } from '../../../../shared/domain/report-facts';
import { writeAuditOn, type AuditEntry } from '../../audit/audit-log';
import { pgFactsOf, pgLiveFacts } from '../../reports/store';
import { withoutPerson } from '../audit-mentions';
import { CLEARED_AFTER, CLEARED_BEFORE, erasedOfPerson, erasureSql, erasureSqlOf, POSTGRES_ERASURE, type UnlinkedTable } from './erasure-rules';
import { pgLoadScope, pgMarksOf } from './pg-person-scope';
import type { PersonIdentity } from './person-scope';
import type { OwedWork } from './owed-work';
import type { ErasedApplication } from './sqlite-erasure';

/**
 * Erasing one person and purging a campaign on the office server: the same steps and the same
 * rules as on a file (sqlite-erasure.ts, erasure-rules.ts in PostgreSQL's SQL), each in one
 * transaction with its audit entry and the work owed after it. Deleting the applications deletes
 * what a key ties to them, the search index included (its rows cascade; no FTS5 to empty).
 *
 * What a file needs after (its backups rewritten, VACUUM, the -wal emptied) has no counterpart
 * Cohort can do on a server: there are no backups of Cohort's own (IT backs the server up with
 * PostgreSQL's tools, and its WAL archive and backups keep erased rows until IT's retention
 * drops them: the README says so to IT), and the space of deleted rows is the server's to reuse
 * (autovacuum). The owed row is recorded all the same, so one flow (finish.ts) settles it.
 */

const SQL = erasureSqlOf(POSTGRES_ERASURE);
const PG_RULES = SQL.rules;

type Progress = (phase: string, done: number, total: number) => void;

/** How many applications a purge deletes per statement: progress moves, and each statement stays short. */
const PURGE_STEP = 2_000;

async function keepFacts(c: pg.ClientBase, campaignId: number, facts: readonly ReportFact[]): Promise<void> {
  if (facts.length === 0) return;
  await c.query('INSERT INTO report_facts_kept (campaign_id, fact_json) SELECT $1, unnest($2::text[])', [campaignId, facts.map((f) => JSON.stringify(f))]);
}

/** Runs one table's rule; the campaign bound where the clause names it. */
async function clear(c: pg.ClientBase, table: UnlinkedTable, clause: string, campaignId?: number): Promise<void> {
  await c.query(erasureSql(table, clause, PG_RULES), clause.includes(POSTGRES_ERASURE.campaign) ? [campaignId] : []);
}

/** Audit entries naming the person among others lose them, and keep the rest (audit-mentions.ts). */
async function redactAuditMentions(c: pg.ClientBase): Promise<void> {
  const marks = await pgMarksOf(c);
  const rows = (await c.query<{ id: number; details: string }>(`SELECT id, details_json AS details FROM audit_log WHERE ${SQL.auditMentionsPerson} FOR UPDATE`)).rows;
  for (const row of rows) await c.query('UPDATE audit_log SET details_json = $1 WHERE id = $2', [JSON.stringify(withoutPerson(JSON.parse(row.details), marks)), row.id]);
}

/** Records the audit entry and the work owed after it, in the erasure's transaction. */
async function recordDone(c: pg.ClientBase, record: AuditEntry, owed: Omit<OwedWork, 'id' | 'auditId'>): Promise<OwedWork> {
  await writeAuditOn(c, record, owed.at);
  const [audit] = (await c.query<{ id: number }>("SELECT currval(pg_get_serial_sequence('audit_log', 'id')) AS id")).rows;
  const auditId = audit?.id ?? null;
  const [row] = (await c.query<{ id: number }>('INSERT INTO privacy_owed (kind, campaign_id, identity_json, audit_id, at) VALUES ($1, $2, $3, $4, $5) RETURNING id', [
    owed.kind,
    owed.campaignId,
    owed.identity === null ? null : JSON.stringify(owed.identity),
    auditId,
    owed.at,
  ])).rows;
  return { ...owed, id: row?.id ?? 0, auditId };
}

/** Erases the person `identity` names from the server, with the audit entry saying so and the work owed after. */
export async function pgErasePerson(c: pg.ClientBase, identity: PersonIdentity, record: AuditEntry, at: string): Promise<{ erased: ErasedApplication[]; owed: OwedWork }> {
  await pgLoadScope(c, identity);
  // Their applications locked, in id order as every other change locks applications (so an erasure
  // and a bulk decision on the same person cannot deadlock): a decision on one of them now waits,
  // then finds it gone.
  await c.query('SELECT id FROM applications WHERE id IN (SELECT ref FROM pg_temp.person_refs) ORDER BY id FOR UPDATE');
  const found = (await c.query<ErasedApplication & { ref: number }>(
    `SELECT a.id AS ref, a.application_id AS "applicationId", a.campaign_id AS "campaignId", c.name AS "campaignName"
     FROM applications a JOIN campaigns c ON c.id = a.campaign_id WHERE a.id IN (SELECT ref FROM pg_temp.person_refs) ORDER BY a.campaign_id, a.application_id`,
  )).rows;
  const erased = found.map(({ ref: _ref, ...application }) => application);
  const byCampaign = new Map<number, number[]>();
  for (const { ref, campaignId } of found) byCampaign.set(campaignId, [...(byCampaign.get(campaignId) ?? []), ref]);
  for (const [campaign, refs] of byCampaign) await keepFacts(c, campaign, await pgFactsOf(c, refs));
  for (const table of CLEARED_BEFORE) await clear(c, table, erasedOfPerson(table, PG_RULES));
  await redactAuditMentions(c);
  await c.query('DELETE FROM applications WHERE id IN (SELECT ref FROM pg_temp.person_refs)');
  for (const table of CLEARED_AFTER) await clear(c, table, erasedOfPerson(table, PG_RULES));
  const owed = await recordDone(c, record, { kind: 'erase', campaignId: record.campaignId ?? 0, identity, at });
  return { erased, owed };
}

/**
 * Removes the personal data of every applicant of a campaign on the server; its figures stay
 * (report facts kept). The campaign's row is locked first: an import into it waits for the purge.
 */
export async function pgPurgeCampaign(c: pg.ClientBase, campaignId: number, record: AuditEntry, at: string, progress: Progress): Promise<{ applications: number; owed: OwedWork }> {
  await c.query('SELECT id FROM campaigns WHERE id = $1 FOR UPDATE', [campaignId]);
  const facts = await pgLiveFacts(c, campaignId);
  // Applications not screened yet have no facts (nothing to count them in): they go all the same.
  const [counted] = (await c.query<{ count: number }>('SELECT count(*) AS count FROM applications WHERE campaign_id = $1', [campaignId])).rows;
  const total = counted?.count ?? 0;
  progress('keeping figures', 0, total);
  await keepFacts(c, campaignId, facts);
  for (const table of CLEARED_BEFORE) await clear(c, table, PG_RULES[table].ofCampaign, campaignId);
  for (let done = 0; done < total; ) {
    const { rowCount } = await c.query('DELETE FROM applications WHERE id IN (SELECT id FROM applications WHERE campaign_id = $1 ORDER BY id LIMIT $2)', [campaignId, PURGE_STEP]);
    if (!rowCount) break;
    done += rowCount;
    progress('removing', done, total);
  }
  for (const table of CLEARED_AFTER) await clear(c, table, PG_RULES[table].ofCampaign, campaignId);
  await c.query('UPDATE campaigns SET purged_at = $1 WHERE id = $2', [at, campaignId]);
  const owed = await recordDone(c, { ...record, details: { ...(record.details as object), applications: total } }, { kind: 'purge', campaignId, identity: null, at });
  return { applications: total, owed };
}
