import type pg from 'pg';
import { NotFoundError } from '../../../../shared/api/errors';
import { inTransaction } from '../../../../db/postgres/transaction';
import type { ScreeningStore } from './index';
import { checkOverridesSeen, overrideAuditDetails, SCREENED_SELECT, STANDING_OVERRIDES_SELECT, type ScreenedRow, type StandingOverride } from '../override-rules';

/**
 * Officers' overrides of verdicts on the office server, one transaction per request (bulk ones
 * too), decided as on SQLite (sqlite-overrides.ts). Two officers overriding the same application
 * at once: each first locks the applications' rows (FOR NO KEY UPDATE, in id order, as triage's
 * actions: a bulk override cannot deadlock another), so the second waits, then reads the first's
 * override as the one it replaces. Set-based: a bulk override is a handful of statements.
 */

export function pgOverrides(pool: pg.Pool): Pick<ScreeningStore, 'overrideVerdicts'> {
  return {
    async overrideVerdicts({ refs, verdict, justification, seen }, officer) {
      const at = new Date().toISOString();
      // An application named twice is overridden once.
      const unique = [...new Set(refs)];
      return inTransaction(pool, async (c) => {
        await c.query('SELECT id FROM applications WHERE id = ANY($1::int[]) ORDER BY id FOR NO KEY UPDATE', [unique]);
        const { rows } = await c.query<ScreenedRow>(`${SCREENED_SELECT} = ANY($1::int[])`, [unique]);
        const byRef = new Map(rows.map((r) => [r.ref, r]));
        const screened = unique.map((ref) => {
          const row = byRef.get(ref);
          if (!row) throw new NotFoundError(`Application ${ref} has not been screened, or is not in this database. Nothing was overridden.`, 'NoSuchApplication');
          return row;
        });
        if (seen && seen.length > 0) {
          const standing = await c.query<StandingOverride>(`${STANDING_OVERRIDES_SELECT} = ANY($1::int[])`, [seen.map((s) => s.ref)]);
          checkOverridesSeen(seen, screened, standing.rows);
        }
        // A new decision replaces the previous ones, which stay on record.
        await c.query(`UPDATE screening_overrides SET state = 'superseded' WHERE application_ref = ANY($1::int[]) AND state IN ('active', 'stale')`, [unique]);
        await c.query(
          `INSERT INTO screening_overrides (application_ref, verdict, justification, automatic_verdict, automatic_reasons_json, input_hash, state, actor, at)
           SELECT v.ref, $1, $2, v.automatic_verdict, v.automatic_reasons, v.input_hash, 'active', $3, $4
           FROM unnest($5::int[], $6::text[], $7::text[], $8::text[]) WITH ORDINALITY AS v(ref, automatic_verdict, automatic_reasons, input_hash, n) ORDER BY v.n`,
          [verdict, justification, officer, at, screened.map((r) => r.ref), screened.map((r) => r.verdict), screened.map((r) => r.reasons_json), screened.map((r) => r.input_hash)],
        );
        await c.query(
          `INSERT INTO audit_log (campaign_id, at, actor, action, subject, details_json)
           SELECT v.campaign_id, $1, $2, 'screening.override', v.subject, v.details
           FROM unnest($3::int[], $4::text[], $5::text[]) WITH ORDINALITY AS v(campaign_id, subject, details, n) ORDER BY v.n`,
          [
            at,
            officer,
            screened.map((r) => r.campaign_id),
            screened.map((r) => r.application_id),
            screened.map((r) => JSON.stringify(overrideAuditDetails(r, verdict, justification))),
          ],
        );
        return new Set(screened.map((r) => r.campaign_id));
      });
    },
  };
}
