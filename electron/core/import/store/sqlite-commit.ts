import type { ImportCounts } from '../../../../shared/api/contract';
import type { SqliteDatabase } from '../../../../db/connection';
import { writeTransaction } from '../../../../db/write-transaction';
import { activeCorrections, SUPERSEDE_CORRECTION_SQL } from '../../applications/corrections';
import { STORED_COLUMNS, storedApplicationLookup } from '../../applications/store';
import { auditWriter } from '../../audit/audit-log';
import { decideRow, ID_INDEX } from '../decide';
import type { ImportWrite } from './index';
import { asNewRow, IMPORT_READS, IMPORT_WRITES, mappingValues, NEW_ROW_COLUMNS, recordValues, rowsToWrite } from './record-of';

const PROGRESS_EVERY_MS = 100;

/**
 * The commit on a file: one synchronous transaction (nothing else can run between its reads and
 * its writes; a crash or a kill at any point leaves the database as it was), a prepared statement
 * per kind of row, the rejected rows copied from the staging's TEMP table on the same connection.
 */
export function commitOnSqlite(sqlite: SqliteDatabase, write: ImportWrite): { importId: number; counts: ImportCounts } {
  const { campaignId, at, area } = write;
  return writeTransaction(sqlite, () => {
    const importId = Number(sqlite.prepare(IMPORT_WRITES.record).run(...recordValues(write)).lastInsertRowid);
    area.keepRejections({ table: 'import_rejections', key: 'import_id' }, importId);

    const insert = sqlite.prepare(`INSERT INTO applications (${NEW_ROW_COLUMNS.join(', ')}) VALUES (${NEW_ROW_COLUMNS.map(() => '?').join(', ')})`);
    // A first import of a campaign matches nothing: no need to look each row up.
    const lookUp = sqlite.prepare(IMPORT_READS.hasApplications).get(campaignId) !== undefined;
    const findStored = storedApplicationLookup(sqlite, campaignId);
    const update = sqlite.prepare(`UPDATE applications SET ${STORED_COLUMNS.map((c) => `${c} = ?`).join(', ')}, import_id = ?, updated_at = ? WHERE id = ?`);
    const revision = sqlite.prepare(IMPORT_WRITES.revision);
    const supersede = sqlite.prepare(SUPERSEDE_CORRECTION_SQL);
    const corrections = lookUp ? activeCorrections(sqlite, campaignId) : new Map();

    const { total, batches } = rowsToWrite(write);
    const did = { added: 0, updated: 0, unchanged: 0 };
    let done = 0;
    let lastProgress = 0;
    for (const batch of batches) {
      for (const values of batch) {
        const decision = decideRow(values, lookUp ? findStored(values[ID_INDEX] ?? null) : undefined, corrections, write.correctionsAtPreview);
        if (decision.kind === 'added') {
          did.added++;
          insert.run(asNewRow(values, campaignId, importId, at));
        } else if (decision.kind === 'unchanged') {
          did.unchanged++;
        } else {
          did.updated++;
          for (const change of decision.changes) revision.run(decision.id, importId, change.field, change.before, change.after, at);
          update.run(...values, importId, at, decision.id);
          for (const field of decision.superseded) supersede.run(decision.id, field);
        }
      }
      done += batch.length;
      if (performance.now() - lastProgress > PROGRESS_EVERY_MS) {
        lastProgress = performance.now();
        write.progress(done, total);
      }
    }
    write.progress(total, total);
    const counts: ImportCounts = { ...write.counts, ...did };
    sqlite.prepare(IMPORT_WRITES.counts).run(did.added, did.updated, did.unchanged, importId);
    sqlite.prepare(IMPORT_WRITES.mapping).run(...mappingValues(write));
    auditWriter(sqlite)({ campaignId, actor: write.actor, action: 'import.commit', subject: String(importId), details: { file: write.file.name, counts } }, at);
    return { importId, counts };
  });
}
