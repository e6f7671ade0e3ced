import type pg from 'pg';
import type { ImportCounts } from '../../../../shared/api/contract';
import { ConflictError } from '../../../../shared/api/errors';
import { inTransaction, read } from '../../../../db/postgres/transaction';
import { ACTIVE_CORRECTIONS_SQL, correctionsByApplication, type ActiveCorrectionRow } from '../../applications/corrections';
import { copyRows } from '../../applications/pg-copy';
import { COMPARED_COLUMNS, STORED_COLUMNS, type FieldChange, type SqlValue } from '../../applications/store';
import { numbered } from '../../triage/store/queue-sql';
import { applicationIdOf, decideRow } from '../decide';
import type { ImportWrite } from './index';
import { PG_MAPPING_SQL, storedOf } from './pg-sql';
import { asNewRow, IMPORT_READS, IMPORT_WRITES, mappingValues, NEW_ROW_COLUMNS, recordValues, rowsToWrite } from './record-of';

/**
 * The commit on the office server, in one transaction: the same decisions as on a file
 * (../decide.ts), written the server's fast way. New applications and the rejected rows go in with
 * COPY; the rows of a staged batch that a campaign already holds are read, locked, in one query
 * and their changes written a statement per batch (unnest of arrays), not a round trip per row.
 * Screening owed is counted by the server's triggers in this same transaction (PostgreSQL
 * migration 3: statement triggers, so once per COPY or UPDATE, not per row).
 *
 * Only an office administrator's login may write imports (the server's GRANTs): an officer's
 * commit fails on its first statement, told as NotAllowed (db/postgres/transaction.ts).
 */

const PROGRESS_EVERY_MS = 100;
/** Rows written past which the server's statistics are refreshed at once. */
const ANALYZE_AFTER_ROWS = 1_000;
/** New rows sent per COPY when they come between lookups (a re-import); a first import is one COPY. */
const COPY_ROWS = 5_000;

const REJECTION_COLUMNS = ['import_id', 'row_number', 'column_name', 'code', 'message', 'value', 'values_json'];
const INTEGER_COLUMNS = new Set(['years_completed_parsed', 'currently_enrolled_parsed']);
const STORED_TYPES = STORED_COLUMNS.map((c) => (INTEGER_COLUMNS.has(c) ? 'int' : 'text'));

/** Rewrites a batch's changed applications: their ids, then STORED_COLUMNS' values as one array each. */
const UPDATE_SQL = `UPDATE applications a SET ${STORED_COLUMNS.map((c) => `${c} = u.${c}`).join(', ')}, import_id = $1, updated_at = $2
  FROM unnest($3::int[], ${STORED_COLUMNS.map((_c, i) => `$${i + 4}::${STORED_TYPES[i]}[]`).join(', ')}) AS u(id, ${STORED_COLUMNS.join(', ')})
  WHERE a.id = u.id`;
const REVISIONS_SQL = `INSERT INTO application_revisions (application_ref, import_id, field, old_value, new_value, at)
  SELECT u.ref, $1, u.field, u.old_value, u.new_value, $2 FROM unnest($3::int[], $4::text[], $5::text[], $6::text[]) AS u(ref, field, old_value, new_value)`;
const SUPERSEDE_SQL = `UPDATE application_corrections c SET state = 'superseded' FROM unnest($1::int[], $2::text[]) AS u(ref, field)
  WHERE c.application_ref = u.ref AND c.field = u.field AND c.state = 'active'`;
/** A batch's stored applications, locked until the commit (an officer's correction of one waits, then finds it changed by the import). */
const LOCKED_SQL = `SELECT id, ${COMPARED_COLUMNS.join(', ')} FROM applications WHERE campaign_id = $1 AND application_id = ANY($2::text[]) ORDER BY id FOR NO KEY UPDATE`;
/** Their active corrections, read after the lock: none can change before the commit. */
const LOCKED_CORRECTIONS_SQL = `${numbered(ACTIVE_CORRECTIONS_SQL)} AND a.id = ANY($2::int[])`;

interface Updated {
  id: number;
  values: SqlValue[];
  changes: FieldChange[];
  superseded: string[];
}

function text(value: SqlValue): string | null {
  return value === null ? null : String(value);
}

async function writeUpdates(c: pg.ClientBase, importId: number, at: string, updated: readonly Updated[]): Promise<void> {
  if (updated.length === 0) return;
  const columns = STORED_COLUMNS.map((_c, i) => updated.map((u) => u.values[i] ?? null));
  await c.query(UPDATE_SQL, [importId, at, updated.map((u) => u.id), ...columns]);
  const changes = updated.flatMap((u) => u.changes.map((ch) => ({ ref: u.id, ...ch })));
  await c.query(REVISIONS_SQL, [importId, at, changes.map((ch) => ch.ref), changes.map((ch) => ch.field), changes.map((ch) => text(ch.before)), changes.map((ch) => text(ch.after))]);
  const superseded = updated.flatMap((u) => u.superseded.map((field) => ({ ref: u.id, field })));
  if (superseded.length > 0) await c.query(SUPERSEDE_SQL, [superseded.map((s) => s.ref), superseded.map((s) => s.field)]);
}

export async function commitOnServer(pool: pg.Pool, write: ImportWrite): Promise<{ importId: number; counts: ImportCounts }> {
  const { campaignId, at, area } = write;
  let written: { importId: number; counts: ImportCounts };
  try {
    written = await inTransaction(pool, async (c) => {
      // One import of a campaign at a time: a second waits for the first, then finds its rows (a
      // new Application ID cannot be added twice).
      await c.query("SELECT pg_advisory_xact_lock(hashtext('cohort import ' || $1::text))", [campaignId]);
      const { rows } = await c.query<{ id: number }>(`${numbered(IMPORT_WRITES.record)} RETURNING id`, recordValues(write));
      const importId = rows[0]?.id ?? 0;
      await copyRows(
        c,
        'import_rejections',
        REJECTION_COLUMNS,
        (function* () {
          for (const r of area.rejectedRows()) yield [importId, r.row, r.column, r.code, r.message, r.value, r.valuesJson];
        })(),
      );

      const lookUp = (await c.query(numbered(IMPORT_READS.hasApplications), [campaignId])).rows.length > 0;
      const { total, batches } = rowsToWrite(write);
      const did = { added: 0, updated: 0, unchanged: 0 };
      let done = 0;
      let lastProgress = 0;
      const progress = (rows: number) => {
        done += rows;
        if (performance.now() - lastProgress < PROGRESS_EVERY_MS) return;
        lastProgress = performance.now();
        write.progress(done, total);
      };

      if (!lookUp) {
        // A first import of a campaign matches nothing: every row is new, one COPY for all.
        did.added = await copyRows(
          c,
          'applications',
          NEW_ROW_COLUMNS,
          (function* () {
            for (const batch of batches) {
              for (const values of batch) yield asNewRow(values, campaignId, importId, at);
              progress(batch.length);
            }
          })(),
        );
      } else {
        let added: SqlValue[][] = [];
        for (const batch of batches) {
          const ids = batch.map(applicationIdOf);
          const stored = storedOf((await c.query(LOCKED_SQL, [campaignId, ids])).rows);
          const refs = [...stored.values()].map((s) => s.id);
          const corrections = correctionsByApplication(
            refs.length === 0
              ? []
              : (await c.query<{ application_id: string; field: ActiveCorrectionRow[1]; imported_value: string; corrected_value: string }>(LOCKED_CORRECTIONS_SQL, [campaignId, refs])).rows.map(
                  (r): ActiveCorrectionRow => [r.application_id, r.field, r.imported_value, r.corrected_value],
                ),
          );
          const updated: Updated[] = [];
          for (const values of batch) {
            const decision = decideRow(values, stored.get(applicationIdOf(values)), corrections, write.correctionsAtPreview);
            if (decision.kind === 'added') added.push(asNewRow(values, campaignId, importId, at));
            else if (decision.kind === 'unchanged') did.unchanged++;
            else updated.push({ id: decision.id, values, changes: decision.changes, superseded: decision.superseded });
          }
          did.updated += updated.length;
          await writeUpdates(c, importId, at, updated);
          if (added.length >= COPY_ROWS) {
            did.added += await copyRows(c, 'applications', NEW_ROW_COLUMNS, added);
            added = [];
          }
          progress(batch.length);
        }
        if (added.length > 0) did.added += await copyRows(c, 'applications', NEW_ROW_COLUMNS, added);
      }
      write.progress(total, total);

      const counts: ImportCounts = { ...write.counts, ...did };
      await c.query(numbered(IMPORT_WRITES.counts), [did.added, did.updated, did.unchanged, importId]);
      await c.query(PG_MAPPING_SQL.save, mappingValues(write));
      await c.query('INSERT INTO audit_log (campaign_id, at, actor, action, subject, details_json) VALUES ($1, $2, $3, $4, $5, $6)', [
        campaignId,
        at,
        write.actor,
        'import.commit',
        String(importId),
        JSON.stringify({ file: write.file.name, counts }),
      ]);
      return { importId, counts };
    });
  } catch (error) {
    // Rows locked in the order of the file may cross an officer's bulk action locking in id order:
    // the server then stops one of the two, and it may be this one. Nothing was stored.
    if ((error as { code?: unknown }).code === '40P01') {
      throw new ConflictError('Officers were changing some of these applications at the same moment, so the import stopped. Nothing was stored: import the file again.', 'ImportCrossed');
    }
    throw error;
  }
  // Fresh statistics after a bulk write (cohort_analyze, PostgreSQL migration 2): without them the
  // planner takes a campaign of 50,000 new applications for a handful until autovacuum comes by,
  // and the queues read many times slower meanwhile. The import is saved already: a failure here
  // only leaves that to autovacuum.
  if (written.counts.added + written.counts.updated >= ANALYZE_AFTER_ROWS) await read(pool, 'SELECT cohort_analyze()').catch(() => undefined);
  return written;
}
