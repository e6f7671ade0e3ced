import type { ElsewhereEntry, ShortlistCandidate, ShortlistDetail, ShortlistExportRecord, ShortlistReplyRecord, ShortlistState, ShortlistSummary } from '../../../../shared/api/shortlists';
import { ConflictError, NotFoundError, ValidationError } from '../../../../shared/api/errors';
import { candidateCode } from '../../../../shared/domain/candidate-codes';
import type { DivisionCode } from '../../../../shared/domain/divisions';
import type { ProcessStage } from '../../../../shared/domain/stages';
import type { SqliteDatabase } from '../../../../db/connection';
import { writeTransaction } from '../../../../db/write-transaction';
import { auditWriter } from '../../audit/audit-log';
import { ACTIVE_OVERRIDE, EFFECTIVE_VERDICT } from '../../screening/store/sqlite-effective-verdict';

/**
 * Shortlists as the office builds them: which candidates, in which order, with which note, and
 * their codes. Statements are prepared once per connection (the store lives with it).
 */

interface ShortlistRow {
  id: number;
  campaignId: number;
  division: DivisionCode;
  position: string | null;
  state: ShortlistState;
  createdAt: string;
  createdBy: string;
  candidates: number;
}

/** An export as stored: SQLite keeps `blind` as 0/1. */
interface ExportRow extends Omit<ShortlistExportRecord, 'blind'> {
  shortlistId: number;
  blind: number;
}

/** A candidate as read (no stored stage: new), with the person's identity to find them elsewhere. */
interface EntryRow extends Omit<ShortlistCandidate, 'stage' | 'elsewhere'> {
  stage: ProcessStage | null;
  personKey: string | null;
}

const exportRecord = (r: ExportRow): ShortlistExportRecord => ({ ...r, blind: r.blind === 1 });

export function sqliteShortlistLists(sqlite: SqliteDatabase) {
  const summaries = sqlite.prepare<[number], ShortlistRow>(
    `SELECT s.id, s.campaign_id AS campaignId, s.division_code AS division, s.position, s.state, s.created_at AS createdAt, s.created_by AS createdBy,
       (SELECT count(*) FROM shortlist_entries e WHERE e.shortlist_id = s.id) AS candidates
     FROM shortlists s WHERE s.campaign_id = ? ORDER BY s.division_code, s.id`,
  );
  const summary = sqlite.prepare<[number], ShortlistRow>(
    `SELECT s.id, s.campaign_id AS campaignId, s.division_code AS division, s.position, s.state, s.created_at AS createdAt, s.created_by AS createdBy,
       (SELECT count(*) FROM shortlist_entries e WHERE e.shortlist_id = s.id) AS candidates
     FROM shortlists s WHERE s.id = ?`,
  );
  const EXPORT_COLUMNS = `x.id, x.shortlist_id AS shortlistId, x.at, x.actor, x.blind, x.manager_name AS managerName, x.manager_email AS managerEmail, x.reply_by AS replyBy,
    x.file_name AS fileName, x.sha256, (SELECT count(*) FROM shortlist_export_entries ee WHERE ee.export_id = x.id) AS candidates`;
  const exportsOf = sqlite.prepare<[number], ExportRow>(`SELECT ${EXPORT_COLUMNS} FROM shortlist_exports x WHERE x.shortlist_id = ? ORDER BY x.id`);
  const lastExports = sqlite.prepare<[number], ExportRow>(
    `SELECT ${EXPORT_COLUMNS} FROM shortlist_exports x JOIN shortlists s ON s.id = x.shortlist_id
     WHERE s.campaign_id = ? AND x.id = (SELECT max(id) FROM shortlist_exports WHERE shortlist_id = s.id)`,
  );
  const REPLY_COLUMNS = `r.id, r.export_id AS exportId, r.at, r.actor, r.file_name AS fileName, r.applied, r.unchanged`;
  const repliesOf = sqlite.prepare<[number], ShortlistReplyRecord>(
    `SELECT ${REPLY_COLUMNS} FROM shortlist_replies r JOIN shortlist_exports x ON x.id = r.export_id WHERE x.shortlist_id = ? ORDER BY r.id`,
  );
  const lastReplies = sqlite.prepare<[number], ShortlistReplyRecord & { shortlistId: number }>(
    `SELECT ${REPLY_COLUMNS}, x.shortlist_id AS shortlistId FROM shortlist_replies r JOIN shortlist_exports x ON x.id = r.export_id JOIN shortlists s ON s.id = x.shortlist_id
     WHERE s.campaign_id = ? AND r.id = (SELECT max(r2.id) FROM shortlist_replies r2 JOIN shortlist_exports x2 ON x2.id = r2.export_id WHERE x2.shortlist_id = s.id)`,
  );
  const entries = sqlite.prepare<[number], EntryRow>(
    `SELECT a.id AS ref, a.application_id AS applicationId, a.first_name AS firstName, a.last_name AS lastName, a.nationality, a.nationality_code AS nationalityCode,
       a.division, a.division_code AS divisionCode, c.code AS candidateCode, t.stage, e.rank, e.note, t.score, coalesce(t.version, 0) AS version,
       d.interview_date AS interviewDate, d.interview_time AS interviewTime, d.manager_comment AS managerComment, r.person_key AS personKey
     FROM shortlist_entries e
     JOIN applications a ON a.id = e.application_ref
     JOIN candidate_codes c ON c.application_ref = a.id
     LEFT JOIN triage_states t ON t.application_ref = a.id
     LEFT JOIN selection_details d ON d.application_ref = a.id
     LEFT JOIN screening_results r ON r.application_ref = a.id
     WHERE e.shortlist_id = ? ORDER BY e.rank`,
  );
  // The same person's other applications on other shortlists (screening's identity groups).
  // In the same campaign only: the same person's lists of another season are another story.
  const elsewhere = sqlite.prepare<[string, number, number], ElsewhereEntry & { personKey: string }>(
    `SELECT s.id AS shortlistId, s.division_code AS division, a.application_id AS applicationId, coalesce(t.stage, 'new') AS stage, r.person_key AS personKey
     FROM screening_results r
     JOIN shortlist_entries e ON e.application_ref = r.application_ref
     JOIN shortlists s ON s.id = e.shortlist_id
     JOIN applications a ON a.id = r.application_ref
     LEFT JOIN triage_states t ON t.application_ref = r.application_ref
     WHERE r.person_key IN (SELECT value FROM json_each(?)) AND s.campaign_id = ? AND e.shortlist_id <> ?
     ORDER BY s.division_code, s.id`,
  );
  // Proposed (and still eligible) applications of a division, on no open shortlist: what a
  // shortlist is built from. An application stands on one open shortlist at a time.
  const AVAILABLE = `FROM triage_states t
     JOIN applications a ON a.id = t.application_ref
     JOIN screening_results r ON r.application_ref = a.id ${ACTIVE_OVERRIDE}
     WHERE t.campaign_id = ? AND t.stage = 'proposed' AND a.division_code = ? AND (${EFFECTIVE_VERDICT}) = 'eligible'
       AND NOT EXISTS (SELECT 1 FROM shortlist_entries e JOIN shortlists s ON s.id = e.shortlist_id WHERE e.application_ref = a.id AND s.state <> 'closed')`;
  const proposed = sqlite.prepare<[number, string, string | null, string | null], { ref: number }>(
    `SELECT a.id AS ref ${AVAILABLE} AND (? IS NULL OR lower(trim(a.position)) = lower(trim(?)))
     ORDER BY t.score IS NULL, t.score DESC, a.submitted_at, a.id`,
  );
  const available = sqlite.prepare<[number, string], { n: number }>(`SELECT count(*) AS n ${AVAILABLE}`);
  const insertShortlist = sqlite.prepare<[number, string, string | null, string, string, string]>(
    "INSERT INTO shortlists (campaign_id, division_code, position, state, created_by, created_at, updated_at) VALUES (?, ?, ?, 'draft', ?, ?, ?)",
  );
  const touch = sqlite.prepare<[string, number]>('UPDATE shortlists SET updated_at = ? WHERE id = ?');
  const insertEntry = sqlite.prepare<[number, number, number, string, string]>('INSERT INTO shortlist_entries (shortlist_id, application_ref, rank, added_by, added_at) VALUES (?, ?, ?, ?, ?)');
  const setRank = sqlite.prepare<[number, number, number]>('UPDATE shortlist_entries SET rank = ? WHERE shortlist_id = ? AND application_ref = ?');
  const setNote = sqlite.prepare<[string | null, number, number]>('UPDATE shortlist_entries SET note = ? WHERE shortlist_id = ? AND application_ref = ?');
  const removeEntry = sqlite.prepare<[number, number]>('DELETE FROM shortlist_entries WHERE shortlist_id = ? AND application_ref = ?');
  const entryRefs = sqlite.prepare<[number], { ref: number }>('SELECT application_ref AS ref FROM shortlist_entries WHERE shortlist_id = ? ORDER BY rank');
  const codeOf = sqlite.prepare<[number], { code: string }>('SELECT code FROM candidate_codes WHERE application_ref = ?');
  const nextSequence = sqlite.prepare<[number, string], { next: number }>(
    'SELECT coalesce(max(sequence), 0) + 1 AS next FROM candidate_codes WHERE campaign_id = ? AND division_code = ?',
  );
  const insertCode = sqlite.prepare<[number, number, string, number, string]>(
    'INSERT INTO candidate_codes (application_ref, campaign_id, division_code, sequence, code) VALUES (?, ?, ?, ?, ?)',
  );
  const audit = auditWriter(sqlite);

  function shortlistRow(id: number): ShortlistRow {
    const row = summary.get(id);
    if (!row) throw new NotFoundError(`There is no shortlist number ${id} in this database.`, 'NoSuchShortlist');
    return row;
  }

  function toSummary(row: ShortlistRow, lastExport: ExportRow | undefined, lastReply: ShortlistReplyRecord | undefined): ShortlistSummary {
    return { ...row, lastExport: lastExport ? exportRecord(lastExport) : null, lastReply: lastReply ?? null };
  }

  /** Gives each application its candidate code, if it has none yet. */
  function ensureCodes(campaignId: number, division: string, refs: readonly number[]): void {
    for (const ref of refs) {
      if (codeOf.get(ref)) continue;
      const next = nextSequence.get(campaignId, division)?.next ?? 1;
      insertCode.run(ref, campaignId, division, next, candidateCode(division, next));
    }
  }

  function appendEntries(shortlist: ShortlistRow, refs: readonly number[], actor: string, at: string): void {
    ensureCodes(shortlist.campaignId, shortlist.division, refs);
    let rank = entryRefs.all(shortlist.id).length;
    for (const ref of refs) insertEntry.run(shortlist.id, ref, ++rank, actor, at);
  }

  function draft(id: number, what: string): ShortlistRow {
    const row = shortlistRow(id);
    if (row.state !== 'draft') throw new ConflictError(`This shortlist was sent already: ${what} would no longer match the workbook the hiring manager has. Make a new shortlist instead.`, 'ShortlistSent');
    return row;
  }

  return {
    list(campaignId: number): ShortlistSummary[] {
      const exports = new Map(lastExports.all(campaignId).map((x) => [x.shortlistId, x]));
      const replies = new Map(lastReplies.all(campaignId).map(({ shortlistId, ...r }) => [shortlistId, r]));
      return summaries.all(campaignId).map((row) => toSummary(row, exports.get(row.id), replies.get(row.id)));
    },

    detail(id: number): ShortlistDetail {
      const row = shortlistRow(id);
      const exports = exportsOf.all(id);
      const replies = repliesOf.all(id);
      const rows = entries.all(id);
      const keys = [...new Set(rows.flatMap((r) => (r.personKey ? [r.personKey] : [])))];
      const others = new Map<string, ElsewhereEntry[]>();
      for (const { personKey, ...entry } of elsewhere.all(JSON.stringify(keys), row.campaignId, id)) others.set(personKey, [...(others.get(personKey) ?? []), entry]);
      const candidates: ShortlistCandidate[] = rows.map(({ personKey, stage, ...r }) => ({ ...r, stage: stage ?? 'new', elsewhere: personKey ? (others.get(personKey) ?? []) : [] }));
      return {
        ...toSummary(row, exports.at(-1), replies.at(-1)),
        entries: candidates,
        exports: exports.map(exportRecord),
        replies,
        proposedNotOnList: available.get(row.campaignId, row.division)?.n ?? 0,
        proposedRefs: row.state === 'draft' ? proposed.all(row.campaignId, row.division, null, null).map((r) => r.ref) : [],
      };
    },

    create({ campaignId, division, position }: { campaignId: number; division: DivisionCode; position: string | null }, actor: string, now = new Date()): number {
      const at = now.toISOString();
      return writeTransaction(sqlite, () => {
        const refs = proposed.all(campaignId, division, position, position).map((r) => r.ref);
        if (refs.length === 0) {
          throw new ValidationError(
            `No application of ${division}${position ? ` for the position "${position}"` : ''} is proposed for a shortlist yet. Propose some in Triage first.`,
            [],
            'NothingProposed',
          );
        }
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
        const current = entryRefs.all(id).map((r) => r.ref);
        const given = new Set(refs);
        if (given.size !== refs.length || current.length !== refs.length || current.some((ref) => !given.has(ref))) {
          throw new ConflictError('The shortlist changed while you were ordering it (a candidate was added or taken off). Nothing was changed; look again.', 'ShortlistChanged');
        }
        refs.forEach((ref, i) => setRank.run(i + 1, id, ref));
        touch.run(at, id);
        audit({ campaignId: row.campaignId, actor, action: 'shortlist.arrange', subject: String(id), details: { order: refs } }, at);
      });
    },

    setNote(id: number, ref: number, note: string | null, actor: string, now = new Date()): void {
      const at = now.toISOString();
      writeTransaction(sqlite, () => {
        const row = shortlistRow(id);
        if (setNote.run(note, id, ref).changes === 0) throw new NotFoundError('This candidate is not on this shortlist.', 'NotOnShortlist');
        touch.run(at, id);
        audit({ campaignId: row.campaignId, actor, action: 'shortlist.note', subject: String(id), details: { ref, note } }, at);
      });
    },

    add(id: number, refs: readonly number[], actor: string, now = new Date()): void {
      const at = now.toISOString();
      writeTransaction(sqlite, () => {
        const row = draft(id, 'adding candidates');
        const allowed = new Set(proposed.all(row.campaignId, row.division, null, null).map((r) => r.ref));
        if (refs.some((ref) => !allowed.has(ref))) {
          throw new ValidationError(`Only proposed applications of ${row.division} that are on no other open shortlist can be added. Nothing was added.`, [], 'NotProposed');
        }
        appendEntries(row, refs, actor, at);
        touch.run(at, id);
        audit({ campaignId: row.campaignId, actor, action: 'shortlist.add', subject: String(id), details: { refs } }, at);
      });
    },

    remove(id: number, refs: readonly number[], actor: string, now = new Date()): void {
      const at = now.toISOString();
      writeTransaction(sqlite, () => {
        const row = draft(id, 'taking candidates off');
        for (const ref of refs) if (removeEntry.run(id, ref).changes === 0) throw new NotFoundError('A candidate to take off is not on this shortlist. Nothing was changed.', 'NotOnShortlist');
        entryRefs.all(id).forEach((r, i) => setRank.run(i + 1, id, r.ref));
        touch.run(at, id);
        audit({ campaignId: row.campaignId, actor, action: 'shortlist.remove', subject: String(id), details: { refs } }, at);
      });
    },
  };
}
