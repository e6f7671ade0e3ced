import type { ScreeningVerdict } from '../../../../shared/api/contract';
import { NotFoundError } from '../../../../shared/api/errors';
import type { SqliteDatabase } from '../../../../db/connection';
import { writeTransaction } from '../../../../db/write-transaction';
import { auditWriter } from '../../audit/audit-log';
import type { Synchronous } from '../../synchronous-store';
import type { ScreeningStore } from './index';
import { checkOverridesSeen, overrideAuditDetails, SCREENED_SELECT, STANDING_OVERRIDES_SELECT, type ScreenedRow, type StandingOverride } from '../override-rules';

/**
 * Officers' overrides of verdicts on SQLite, one transaction per request (bulk overrides too).
 * SQLite-only: nothing of its own (plain SQL); writes go through db/write-transaction.ts.
 */

export function sqliteOverrides(sqlite: SqliteDatabase): Pick<Synchronous<ScreeningStore>, 'overrideVerdicts'> {
  const read = sqlite.prepare<[number], ScreenedRow>(`${SCREENED_SELECT} = ?`);
  // A new decision replaces the previous ones, which stay on record.
  const retire = sqlite.prepare<[number]>(`UPDATE screening_overrides SET state = 'superseded' WHERE application_ref = ? AND state IN ('active', 'stale')`);
  const insert = sqlite.prepare<[number, ScreeningVerdict, string, ScreeningVerdict, string, string, string, string]>(
    `INSERT INTO screening_overrides (application_ref, verdict, justification, automatic_verdict, automatic_reasons_json, input_hash, state, actor, at)
     VALUES (?, ?, ?, ?, ?, ?, 'active', ?, ?)`,
  );
  const standing = sqlite.prepare<[number], StandingOverride>(`${STANDING_OVERRIDES_SELECT} = ?`);
  const audit = auditWriter(sqlite);
  return {
    overrideVerdicts({ refs, verdict, justification, seen }, officer) {
      const at = new Date().toISOString();
      const campaigns = new Set<number>();
      writeTransaction(sqlite, () => {
        const rows = refs.map((ref) => {
          const row = read.get(ref);
          if (!row) throw new NotFoundError(`Application ${ref} has not been screened, or is not in this database. Nothing was overridden.`, 'NoSuchApplication');
          return row;
        });
        if (seen && seen.length > 0) checkOverridesSeen(seen, rows, seen.flatMap((s) => standing.all(s.ref)));
        for (const row of rows) {
          const { ref } = row;
          retire.run(ref);
          insert.run(ref, verdict, justification, row.verdict, row.reasons_json, row.input_hash, officer, at);
          audit(
            {
              campaignId: row.campaign_id,
              actor: officer,
              action: 'screening.override',
              subject: row.application_id,
              details: overrideAuditDetails(row, verdict, justification),
            },
            at,
          );
          campaigns.add(row.campaign_id);
        }
      });
      return campaigns;
    },
  };
}
