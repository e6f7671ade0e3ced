import type pg from 'pg';
import type { ElsewhereEntry, ShortlistReplyRecord } from '../../../../shared/api/shortlists';
import { inTransaction, read } from '../../../../db/postgres/transaction';
import { writeAuditOn } from '../../audit/audit-log';
import { EFFECTIVE_VERDICT } from '../../screening/store/sqlite-effective-verdict';
import { lockApplications } from '../../selection/store/pg-moves';
import { numbered } from '../../triage/store/queue-sql';
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
import type { ShortlistStore } from './index';
import { availableFrom, elsewhereSql, ENTRIES, EXPORTS_OF, FOR_POSITION, LAST_EXPORTS, LAST_REPLIES, LAST_SEQUENCE, PROPOSED_ORDER, REPLIES_OF, SUMMARIES, SUMMARY } from './shortlist-sql';

/**
 * Shortlists as the office builds them, on the office server: the same rules (../shortlist-rules.ts)
 * and SQL (shortlist-sql.ts) as on SQLite, where several workstations write at once:
 * - an edit locks its shortlist's row first (FOR UPDATE): two edits of one list, or an edit and
 *   the list being sent, run one after the other, each on the list as the other left it;
 * - what a list is built from (a division's proposed applications on no open list) and the
 *   division's candidate codes are read and given by one workstation at a time per division (an
 *   advisory lock), so an application never lands on two open lists, nor two codes collide;
 * - the applications taken are locked (FOR NO KEY UPDATE, in id order, as triage's decisions lock
 *   them) and read again as proposed under the lock: one moved out of Proposed meanwhile is left out.
 * Locks are always taken in that order (list, division, applications): no two workstations wait on each other.
 */

type Client = pg.ClientBase;

/** The officer's override that stands, as SQLite's ACTIVE_OVERRIDE without its index hint. */
const ACTIVE_OVERRIDE = "LEFT JOIN screening_overrides o ON o.application_ref = a.id AND o.state = 'active'";
const AVAILABLE = availableFrom(ACTIVE_OVERRIDE, EFFECTIVE_VERDICT);
const PROPOSED = numbered(`SELECT a.id ${AVAILABLE} ${FOR_POSITION} ${PROPOSED_ORDER}`);
const AVAILABLE_COUNT = numbered(`SELECT count(*) AS n ${AVAILABLE}`);

async function proposedOf(c: Client, campaignId: number, division: string, position: string | null = null): Promise<number[]> {
  return (await c.query<{ id: number }>(PROPOSED, [campaignId, division, position, position])).rows.map((r) => r.id);
}

/** Locks the shortlist's row and reads it; refused when there is none. */
async function lockedList(c: Client, id: number): Promise<ShortlistRow> {
  await c.query('SELECT id FROM shortlists WHERE id = $1 FOR UPDATE', [id]);
  const [row] = (await c.query<ShortlistRow>(numbered(SUMMARY), [id])).rows;
  if (!row) throw noSuchShortlist(id);
  return row;
}

/** One workstation at a time builds a division's lists and gives its codes. */
async function lockDivision(c: Client, campaignId: number, division: string): Promise<void> {
  await c.query("SELECT pg_advisory_xact_lock(hashtext('shortlists ' || $1::text || ' ' || $2))", [campaignId, division]);
}

/** Adds applications at the end of the list, each given its candidate code if it has none yet (the division locked). */
async function appendEntries(c: Client, list: ShortlistRow, refs: readonly number[], actor: string, at: string): Promise<void> {
  const coded = (await c.query<{ ref: number }>('SELECT application_ref AS ref FROM candidate_codes WHERE application_ref = ANY($1::int[])', [refs])).rows;
  const last = (await c.query<{ last: number }>(numbered(LAST_SEQUENCE), [list.campaignId, list.division])).rows[0]?.last ?? 0;
  const codes = newCodes(list.division, refs, new Set(coded.map((r) => r.ref)), last);
  await c.query(
    `INSERT INTO candidate_codes (application_ref, campaign_id, division_code, sequence, code)
     SELECT u.ref, $1, $2, u.sequence, u.code FROM unnest($3::int[], $4::int[], $5::text[]) AS u(ref, sequence, code)`,
    [list.campaignId, list.division, codes.map((k) => k.ref), codes.map((k) => k.sequence), codes.map((k) => k.code)],
  );
  const count = (await c.query<{ n: number }>('SELECT count(*) AS n FROM shortlist_entries WHERE shortlist_id = $1', [list.id])).rows[0]?.n ?? 0;
  await c.query(
    `INSERT INTO shortlist_entries (shortlist_id, application_ref, rank, added_by, added_at)
     SELECT $1, u.ref, $2 + u.n, $3, $4 FROM unnest($5::int[]) WITH ORDINALITY AS u(ref, n)`,
    [list.id, count, actor, at, refs],
  );
}

async function touch(c: Client, id: number, at: string): Promise<void> {
  await c.query('UPDATE shortlists SET updated_at = $1 WHERE id = $2', [at, id]);
}

export function pgShortlistLists(pool: pg.Pool): Pick<ShortlistStore, 'list' | 'detail' | 'create' | 'arrange' | 'setNote' | 'add' | 'remove'> {
  return {
    async list(campaignId) {
      const [rows, exports, replies] = await Promise.all([
        read<ShortlistRow>(pool, numbered(SUMMARIES), [campaignId]),
        read<ExportRow>(pool, numbered(LAST_EXPORTS), [campaignId]),
        read<ShortlistReplyRecord & { shortlistId: number }>(pool, numbered(LAST_REPLIES), [campaignId]),
      ]);
      return summariesOf(rows, exports, replies);
    },

    async detail(id) {
      const [[row], exports, replies, entries] = await Promise.all([
        read<ShortlistRow>(pool, numbered(SUMMARY), [id]),
        read<ExportRow>(pool, numbered(EXPORTS_OF), [id]),
        read<ShortlistReplyRecord>(pool, numbered(REPLIES_OF), [id]),
        read<EntryRow>(pool, numbered(ENTRIES), [id]),
      ]);
      if (!row) throw noSuchShortlist(id);
      const [elsewhere, available, proposed] = await Promise.all([
        read<ElsewhereEntry & { personKey: string }>(pool, numbered(elsewhereSql('SELECT unnest(CAST(? AS text[]))')), [personKeysOf(entries), row.campaignId, id]),
        read<{ n: number }>(pool, AVAILABLE_COUNT, [row.campaignId, row.division]),
        row.state === 'draft' ? read<{ id: number }>(pool, PROPOSED, [row.campaignId, row.division, null, null]) : Promise.resolve([]),
      ]);
      return detailOf({ row, exports, replies, entries, elsewhere, available: available[0]?.n ?? 0, proposedRefs: proposed.map((r) => r.id) });
    },

    async create({ campaignId, division, position }, actor, now = new Date()) {
      const at = now.toISOString();
      return inTransaction(pool, async (c) => {
        await lockDivision(c, campaignId, division);
        // Locked, then read again: one moved out of Proposed before the lock is left out.
        const seen = await proposedOf(c, campaignId, division, position);
        await lockApplications(c, seen);
        const taken = new Set(seen);
        const refs = (await proposedOf(c, campaignId, division, position)).filter((ref) => taken.has(ref));
        checkSomethingProposed(refs, division, position);
        const inserted = await c.query<{ id: number }>(
          "INSERT INTO shortlists (campaign_id, division_code, position, state, created_by, created_at, updated_at) VALUES ($1, $2, $3, 'draft', $4, $5, $5) RETURNING id",
          [campaignId, division, position, actor, at],
        );
        const id = inserted.rows[0]!.id;
        await appendEntries(c, { id, campaignId, division, position, state: 'draft', createdAt: at, createdBy: actor, candidates: 0 }, refs, actor, at);
        await writeAuditOn(c, { campaignId, actor, action: 'shortlist.create', subject: String(id), details: { division, position, candidates: refs.length } }, at);
        return id;
      });
    },

    async arrange(id, refs, actor, now = new Date()) {
      const at = now.toISOString();
      await inTransaction(pool, async (c) => {
        const row = await lockedList(c, id);
        const current = (await c.query<{ ref: number }>('SELECT application_ref AS ref FROM shortlist_entries WHERE shortlist_id = $1 ORDER BY rank', [id])).rows.map((r) => r.ref);
        checkArrangement(current, refs);
        await c.query(
          `UPDATE shortlist_entries e SET rank = u.rank FROM unnest($2::int[]) WITH ORDINALITY AS u(ref, rank)
           WHERE e.shortlist_id = $1 AND e.application_ref = u.ref`,
          [id, refs],
        );
        await touch(c, id, at);
        await writeAuditOn(c, { campaignId: row.campaignId, actor, action: 'shortlist.arrange', subject: String(id), details: { order: refs } }, at);
      });
    },

    async setNote(id, ref, note, actor, now = new Date()) {
      const at = now.toISOString();
      await inTransaction(pool, async (c) => {
        const row = await lockedList(c, id);
        const updated = await c.query('UPDATE shortlist_entries SET note = $1 WHERE shortlist_id = $2 AND application_ref = $3', [note, id, ref]);
        if (updated.rowCount === 0) throw notOnShortlist('This candidate is not on this shortlist.');
        await touch(c, id, at);
        await writeAuditOn(c, { campaignId: row.campaignId, actor, action: 'shortlist.note', subject: String(id), details: { ref, note } }, at);
      });
    },

    async add(id, refs, actor, now = new Date()) {
      const at = now.toISOString();
      await inTransaction(pool, async (c) => {
        const row = checkDraft(await lockedList(c, id), id, 'adding candidates');
        await lockDivision(c, row.campaignId, row.division);
        await lockApplications(c, refs);
        checkAddable(refs, new Set(await proposedOf(c, row.campaignId, row.division)), row.division);
        await appendEntries(c, row, refs, actor, at);
        await touch(c, id, at);
        await writeAuditOn(c, { campaignId: row.campaignId, actor, action: 'shortlist.add', subject: String(id), details: { refs } }, at);
      });
    },

    async remove(id, refs, actor, now = new Date()) {
      const at = now.toISOString();
      await inTransaction(pool, async (c) => {
        const row = checkDraft(await lockedList(c, id), id, 'taking candidates off');
        const removed = await c.query('DELETE FROM shortlist_entries WHERE shortlist_id = $1 AND application_ref = ANY($2::int[])', [id, refs]);
        if (removed.rowCount !== new Set(refs).size) throw notOnShortlist('A candidate to take off is not on this shortlist. Nothing was changed.');
        await c.query(
          `UPDATE shortlist_entries e SET rank = n.rank
           FROM (SELECT application_ref, row_number() OVER (ORDER BY rank) AS rank FROM shortlist_entries WHERE shortlist_id = $1) n
           WHERE e.shortlist_id = $1 AND e.application_ref = n.application_ref`,
          [id],
        );
        await touch(c, id, at);
        await writeAuditOn(c, { campaignId: row.campaignId, actor, action: 'shortlist.remove', subject: String(id), details: { refs } }, at);
      });
    },
  };
}
