import type { ElsewhereEntry, ShortlistDetail, ShortlistReplyRecord, ShortlistSummary } from '../../../../shared/api/shortlists';
import type { DivisionCode } from '../../../../shared/domain/divisions';
import type { SqliteDatabase } from '../../../../db/connection';
import { writeTransaction } from '../../../../db/write-transaction';
import { auditWriter } from '../../audit/audit-log';
import { ACTIVE_OVERRIDE, EFFECTIVE_VERDICT } from '../../screening/store/sqlite-effective-verdict';
import {
  checkAddable,
  checkArrangement,
  checkDraft,
  checkSomethingProposed,
  detailOf,
  newCodes,
  noSuchShortlist,
  notOnShortlist,
  personKeysOf,
  summariesOf,
  type EntryRow,
  type ExportRow,
  type ShortlistRow,
} from '../shortlist-rules';
import { availableFrom, elsewhereSql, ENTRIES, EXPORTS_OF, FOR_POSITION, LAST_EXPORTS, LAST_REPLIES, LAST_SEQUENCE, PROPOSED_ORDER, REPLIES_OF, SUMMARIES, SUMMARY } from './shortlist-sql';

/**
 * Shortlists as the office builds them, on SQLite: which candidates, in which order, with which
 * note, and their codes; the rules are ../shortlist-rules.ts's, as on the server (pg-lists.ts).
 * Each write is one BEGIN IMMEDIATE transaction: nothing else writes between its reads and writes.
 * Statements are prepared once per connection (the store lives with it).
 */

export function sqliteShortlistLists(sqlite: SqliteDatabase) {
  const summaries = sqlite.prepare<[number], ShortlistRow>(SUMMARIES);
  const summary = sqlite.prepare<[number], ShortlistRow>(SUMMARY);
  const exportsOf = sqlite.prepare<[number], ExportRow>(EXPORTS_OF);
  const lastExports = sqlite.prepare<[number], ExportRow>(LAST_EXPORTS);
  const repliesOf = sqlite.prepare<[number], ShortlistReplyRecord>(REPLIES_OF);
  const lastReplies = sqlite.prepare<[number], ShortlistReplyRecord & { shortlistId: number }>(LAST_REPLIES);
  const entries = sqlite.prepare<[number], EntryRow>(ENTRIES);
  const elsewhere = sqlite.prepare<[string, number, number], ElsewhereEntry & { personKey: string }>(elsewhereSql('SELECT value FROM json_each(?)'));
  const AVAILABLE = availableFrom(ACTIVE_OVERRIDE, EFFECTIVE_VERDICT);
  const proposed = sqlite.prepare<[number, string, string | null, string | null], number>(`SELECT a.id ${AVAILABLE} ${FOR_POSITION} ${PROPOSED_ORDER}`).pluck();
  const available = sqlite.prepare<[number, string], number>(`SELECT count(*) ${AVAILABLE}`).pluck();
  const insertShortlist = sqlite.prepare<[number, string, string | null, string, string, string]>(
    "INSERT INTO shortlists (campaign_id, division_code, position, state, created_by, created_at, updated_at) VALUES (?, ?, ?, 'draft', ?, ?, ?)",
  );
  const touch = sqlite.prepare<[string, number]>('UPDATE shortlists SET updated_at = ? WHERE id = ?');
  const insertEntry = sqlite.prepare<[number, number, number, string, string]>('INSERT INTO shortlist_entries (shortlist_id, application_ref, rank, added_by, added_at) VALUES (?, ?, ?, ?, ?)');
  const setRank = sqlite.prepare<[number, number, number]>('UPDATE shortlist_entries SET rank = ? WHERE shortlist_id = ? AND application_ref = ?');
  const setNote = sqlite.prepare<[string | null, number, number]>('UPDATE shortlist_entries SET note = ? WHERE shortlist_id = ? AND application_ref = ?');
  const removeEntry = sqlite.prepare<[number, number]>('DELETE FROM shortlist_entries WHERE shortlist_id = ? AND application_ref = ?');
  const entryRefs = sqlite.prepare<[number], number>('SELECT application_ref FROM shortlist_entries WHERE shortlist_id = ? ORDER BY rank').pluck();
  const coded = sqlite.prepare<[string], number>('SELECT application_ref FROM candidate_codes WHERE application_ref IN (SELECT value FROM json_each(?))').pluck();
  const lastSequence = sqlite.prepare<[number, string], { last: number }>(LAST_SEQUENCE);
  const insertCode = sqlite.prepare<[number, number, string, number, string]>(
    'INSERT INTO candidate_codes (application_ref, campaign_id, division_code, sequence, code) VALUES (?, ?, ?, ?, ?)',
  );
  const audit = auditWriter(sqlite);

  function shortlistRow(id: number): ShortlistRow {
    const row = summary.get(id);
    if (!row) throw noSuchShortlist(id);
    return row;
  }

  /** Adds applications at the end of the list, each given its candidate code if it has none yet. */
  function appendEntries(shortlist: ShortlistRow, refs: readonly number[], actor: string, at: string): void {
    const codes = newCodes(shortlist.division, refs, new Set(coded.all(JSON.stringify(refs))), lastSequence.get(shortlist.campaignId, shortlist.division)?.last ?? 0);
    for (const c of codes) insertCode.run(c.ref, shortlist.campaignId, shortlist.division, c.sequence, c.code);
    let rank = entryRefs.all(shortlist.id).length;
    for (const ref of refs) insertEntry.run(shortlist.id, ref, ++rank, actor, at);
  }

  return {
    list(campaignId: number): ShortlistSummary[] {
      return summariesOf(summaries.all(campaignId), lastExports.all(campaignId), lastReplies.all(campaignId));
    },

    detail(id: number): ShortlistDetail {
      const row = shortlistRow(id);
      const rows = entries.all(id);
      return detailOf({
        row,
        exports: exportsOf.all(id),
        replies: repliesOf.all(id),
        entries: rows,
        elsewhere: elsewhere.all(JSON.stringify(personKeysOf(rows)), row.campaignId, id),
        available: available.get(row.campaignId, row.division) ?? 0,
        proposedRefs: row.state === 'draft' ? proposed.all(row.campaignId, row.division, null, null) : [],
      });
    },

    create({ campaignId, division, position }: { campaignId: number; division: DivisionCode; position: string | null }, actor: string, now = new Date()): number {
      const at = now.toISOString();
      return writeTransaction(sqlite, () => {
        const refs = proposed.all(campaignId, division, position, position);
        checkSomethingProposed(refs, division, position);
        const id = Number(insertShortlist.run(campaignId, division, position, actor, at, at).lastInsertRowid);
        appendEntries(shortlistRow(id), refs, actor, at);
        audit({ campaignId, actor, action: 'shortlist.create', subject: String(id), details: { division, position, candidates: refs.length } }, at);
        return id;
      });
    },

    arrange(id: number, refs: readonly number[], actor: string, now = new Date()): void {
      const at = now.toISOString();
      writeTransaction(sqlite, () => {
        const row = shortlistRow(id);
        checkArrangement(entryRefs.all(id), refs);
        refs.forEach((ref, i) => setRank.run(i + 1, id, ref));
        touch.run(at, id);
        audit({ campaignId: row.campaignId, actor, action: 'shortlist.arrange', subject: String(id), details: { order: refs } }, at);
      });
    },

    setNote(id: number, ref: number, note: string | null, actor: string, now = new Date()): void {
      const at = now.toISOString();
      writeTransaction(sqlite, () => {
        const row = shortlistRow(id);
        if (setNote.run(note, id, ref).changes === 0) throw notOnShortlist('This candidate is not on this shortlist.');
        touch.run(at, id);
        audit({ campaignId: row.campaignId, actor, action: 'shortlist.note', subject: String(id), details: { ref, note } }, at);
      });
    },

    add(id: number, refs: readonly number[], actor: string, now = new Date()): void {
      const at = now.toISOString();
      writeTransaction(sqlite, () => {
        const row = checkDraft(summary.get(id), id, 'adding candidates');
        checkAddable(refs, new Set(proposed.all(row.campaignId, row.division, null, null)), row.division);
        appendEntries(row, refs, actor, at);
        touch.run(at, id);
        audit({ campaignId: row.campaignId, actor, action: 'shortlist.add', subject: String(id), details: { refs } }, at);
      });
    },

    remove(id: number, refs: readonly number[], actor: string, now = new Date()): void {
      const at = now.toISOString();
      writeTransaction(sqlite, () => {
        const row = checkDraft(summary.get(id), id, 'taking candidates off');
        for (const ref of refs) if (removeEntry.run(id, ref).changes === 0) throw notOnShortlist('A candidate to take off is not on this shortlist. Nothing was changed.');
        entryRefs.all(id).forEach((ref, i) => setRank.run(i + 1, id, ref));
        touch.run(at, id);
        audit({ campaignId: row.campaignId, actor, action: 'shortlist.remove', subject: String(id), details: { refs } }, at);
      });
    },
  };
}
