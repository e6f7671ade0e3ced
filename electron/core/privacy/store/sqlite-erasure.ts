import type { SqliteDatabase } from '../../../../db/connection';
import { writeTransaction } from '../../../../db/write-transaction';
import type { ReportFact } from '../../../../shared/domain/report-facts';
import { auditWriter, type AuditEntry } from '../../audit/audit-log';
import { sqliteReports } from '../../reports/store/sqlite-reports';
import { withoutPerson } from '../audit-mentions';
import { AUDIT_MENTIONS_PERSON, CLEARED_AFTER, CLEARED_BEFORE, ERASURE_RULES, erasedOfPerson, erasureSql } from './erasure-rules';
import type { OwedWork } from './owed-work';
import { clearScope, loadScope, marksOf, type PersonIdentity } from './person-scope';

export type { OwedWork } from './owed-work';

/**
 * Erasing one person's data and purging a campaign's, in one transaction each, on any copy of the
 * database (the one open, or a backup being rewritten): the report facts of the applications are
 * kept first (anonymised, report_facts_kept), then the applications are deleted, which deletes
 * everything tied to them by a key (the register's applicationLinks: foreign keys, the search
 * index's trigger), then the rules of erasure-rules.ts clear what no key ties to them. What the
 * file keeps of the deleted rows in free pages and its -wal is the business of scrub.ts, after.
 */

export interface ErasedApplication {
  applicationId: string;
  campaignId: number;
  campaignName: string;
}

type Progress = (phase: string, done: number, total: number) => void;

const before = CLEARED_BEFORE;
const after = CLEARED_AFTER;

/** Audit entries naming the person among others lose them, and keep the rest (audit-mentions.ts). */
function redactAuditMentions(sqlite: SqliteDatabase): void {
  const marks = marksOf(sqlite);
  const update = sqlite.prepare<[string, number]>('UPDATE audit_log SET details_json = ? WHERE id = ?');
  for (const row of sqlite.prepare<[], { id: number; details: string }>(`SELECT id, details_json AS details FROM audit_log WHERE ${AUDIT_MENTIONS_PERSON}`).all()) {
    update.run(JSON.stringify(withoutPerson(JSON.parse(row.details), marks)), row.id);
  }
}

function keepFacts(sqlite: SqliteDatabase, campaignId: number, facts: readonly ReportFact[]): void {
  const insert = sqlite.prepare('INSERT INTO report_facts_kept (campaign_id, fact_json) VALUES (?, ?)');
  for (const fact of facts) insert.run(campaignId, JSON.stringify(fact));
}

/** Records the audit entry and the work owed after it, in the erasure's transaction. */
function recordDone(sqlite: SqliteDatabase, record: AuditEntry, owed: Omit<OwedWork, 'id' | 'auditId'>): { auditId: number; owedId: number } {
  auditWriter(sqlite)(record, owed.at);
  const auditId = sqlite.prepare<[], number>('SELECT last_insert_rowid()').pluck().get() as number;
  const { lastInsertRowid } = sqlite
    .prepare('INSERT INTO privacy_owed (kind, campaign_id, identity_json, audit_id, at) VALUES (?, ?, ?, ?, ?)')
    .run(owed.kind, owed.campaignId, owed.identity === null ? null : JSON.stringify(owed.identity), auditId, owed.at);
  return { auditId, owedId: Number(lastInsertRowid) };
}

/**
 * Erases the person `identity` names from this database. `record`: the audit entry saying so,
 * written in the same transaction with the work owed after it (backups, free pages); null in a
 * backup, which keeps its past.
 */
export function erasePerson(sqlite: SqliteDatabase, identity: PersonIdentity, record: AuditEntry | null, at: string): { erased: ErasedApplication[]; auditId: number | null; owedId: number | null } {
  const reports = sqliteReports(sqlite);
  return writeTransaction(sqlite, () => {
    loadScope(sqlite, identity);
    const found = sqlite
      .prepare<[], ErasedApplication & { ref: number }>(
        `SELECT a.id AS ref, a.application_id AS applicationId, a.campaign_id AS campaignId, c.name AS campaignName
         FROM applications a JOIN campaigns c ON c.id = a.campaign_id WHERE a.id IN (SELECT ref FROM temp.person_refs) ORDER BY a.campaign_id, a.application_id`,
      )
      .all();
    const erased = found.map(({ ref: _ref, ...application }) => application);
    const byCampaign = new Map<number, number[]>();
    for (const { ref, campaignId } of found) byCampaign.set(campaignId, [...(byCampaign.get(campaignId) ?? []), ref]);
    for (const [campaign, campaignRefs] of byCampaign) keepFacts(sqlite, campaign, reports.factsOf(campaignRefs));
    for (const table of before) sqlite.prepare(erasureSql(table, erasedOfPerson(table))).run();
    redactAuditMentions(sqlite);
    sqlite.exec('DELETE FROM applications WHERE id IN (SELECT ref FROM temp.person_refs)');
    for (const table of after) sqlite.prepare(erasureSql(table, erasedOfPerson(table))).run();
    clearScope(sqlite);
    const done = record ? recordDone(sqlite, record, { kind: 'erase', campaignId: record.campaignId ?? 0, identity, at }) : null;
    return { erased, auditId: done?.auditId ?? null, owedId: done?.owedId ?? null };
  });
}

/** How many applications a purge deletes per step: progress moves, and each step stays short. */
const PURGE_STEP = 2_000;

/**
 * Removes the personal data of every applicant of a campaign; its figures stay (report facts kept).
 * The campaign itself, its settings, shortlists (without candidates) and officers' records stay.
 */
export function purgeCampaign(
  sqlite: SqliteDatabase,
  campaignId: number,
  record: AuditEntry | null,
  at: string,
  progress: Progress = () => {},
): { applications: number; auditId: number | null; owedId: number | null } {
  const reports = sqliteReports(sqlite);
  return writeTransaction(sqlite, () => {
    const facts = reports.liveFacts(campaignId);
    // Applications not screened yet have no facts (nothing to count them in): they go all the same.
    const total = sqlite.prepare<[number], number>('SELECT count(*) FROM applications WHERE campaign_id = ?').pluck().get(campaignId) as number;
    progress('keeping figures', 0, total);
    keepFacts(sqlite, campaignId, facts);
    const params = { campaign: campaignId };
    // Deleting 50,000 entries from the search index one by one takes seconds each time (FTS5 writes
    // a tombstone per entry); emptying it whole is instant, and the indexer writes the other
    // campaigns' entries again in the background (searches wait for it).
    sqlite.exec(`INSERT INTO application_search (application_search) VALUES ('delete-all');
                 DELETE FROM search_pending; UPDATE search_state SET indexed_up_to = 0;`);
    for (const table of before) sqlite.prepare(erasureSql(table, ERASURE_RULES[table].ofCampaign)).run(params);
    const step = sqlite.prepare<[number, number]>(`DELETE FROM applications WHERE id IN (SELECT id FROM applications WHERE campaign_id = ? ORDER BY id LIMIT ?)`);
    for (let done = 0; done < total; ) {
      const { changes } = step.run(campaignId, PURGE_STEP);
      if (changes === 0) break;
      done += changes;
      progress('removing', done, total);
    }
    for (const table of after) sqlite.prepare(erasureSql(table, ERASURE_RULES[table].ofCampaign)).run(params);
    sqlite.prepare('UPDATE campaigns SET purged_at = ? WHERE id = ?').run(at, campaignId);
    const done = record ? recordDone(sqlite, { ...record, details: { ...(record.details as object), applications: total } }, { kind: 'purge', campaignId, identity: null, at }) : null;
    return { applications: total, auditId: done?.auditId ?? null, owedId: done?.owedId ?? null };
  });
}
