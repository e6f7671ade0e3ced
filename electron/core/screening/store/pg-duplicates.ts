import type pg from 'pg';
import type { DuplicateSide, DuplicateSignalName } from '../../../../shared/api/contract';
import { NotFoundError, ValidationError } from '../../../../shared/api/errors';
import { inTransaction, read } from '../../../../db/postgres/transaction';
import { decisionView, orderedPair, pairsByRef, parseSignals, type DecisionRow } from '../duplicates';
import type { DuplicateDecision, ScreeningStore } from './index';
import { EFFECTIVE_VERDICT, LATEST_OVERRIDE } from './sqlite-effective-verdict';

/**
 * Officers' decisions on possible duplicates on the office server, as on SQLite
 * (sqlite-duplicates.ts): refs as an int array where SQLite takes one JSON parameter. Two officers
 * deciding the same pair at once: the pair's rows are locked first (in id order), so the second
 * reads the first's decision as the one before its own.
 */

export function pgDuplicates(pool: pg.Pool, possibleDuplicates: ScreeningStore['possibleDuplicates']): Pick<ScreeningStore, 'duplicateDecisions' | 'duplicateSides' | 'decideDuplicate'> {
  return {
    async duplicateDecisions(campaignId) {
      const rows = await read<DecisionRow>(pool, 'SELECT application_a, application_b, decision, signals_json, actor, at FROM duplicate_decisions WHERE campaign_id = $1 ORDER BY id DESC', [campaignId]);
      return rows.map(decisionView);
    },

    async duplicateSides(refs) {
      if (refs.length === 0) return new Map();
      const rows = await read<DuplicateSide>(
        pool,
        `SELECT a.id AS ref, a.application_id AS "applicationId", a.first_name AS "firstName", a.last_name AS "lastName", a.date_of_birth AS "dateOfBirth",
           a.email, a.nationality, a.division, a.submitted_at AS "submittedAt", r.person_key AS "personKey", ${EFFECTIVE_VERDICT} AS verdict
         FROM applications a JOIN screening_results r ON r.application_ref = a.id ${LATEST_OVERRIDE}
         WHERE a.id = ANY($1::int[])`,
        [refs],
      );
      return new Map(rows.map((r) => [r.ref, r]));
    },

    async decideDuplicate(refs, decision, actor, now = new Date()) {
      const { a, b } = orderedPair(refs);
      const at = now.toISOString();
      return inTransaction(pool, async (c) => {
        const apps = (await c.query<{ id: number; campaign_id: number; application_id: string }>('SELECT id, campaign_id, application_id FROM applications WHERE id IN ($1, $2) ORDER BY id FOR NO KEY UPDATE', [a, b]))
          .rows;
        const [first, second] = apps;
        if (!first || !second) throw new NotFoundError('One of these applications is not in this database. Nothing was decided.', 'NoSuchApplication');
        if (first.campaign_id !== second.campaign_id) throw new ValidationError('These applications belong to different campaigns.', [], 'DifferentCampaigns');
        const campaignId = first.campaign_id;
        const [before] = (
          await c.query<{ decision: DuplicateDecision['decision']; signals_json: string }>('SELECT decision, signals_json FROM duplicate_decisions WHERE application_a = $1 AND application_b = $2', [a, b])
        ).rows;
        if ((before?.decision ?? 'undecided') === decision) return { campaignId, rescreen: false };
        let signals: DuplicateSignalName[] = before ? parseSignals(before.signals_json) : [];
        if (decision === 'undecided') {
          await c.query('DELETE FROM duplicate_decisions WHERE application_a = $1 AND application_b = $2', [a, b]);
        } else {
          if (!before) {
            const found = await possibleDuplicates(campaignId);
            signals = pairsByRef(found.rows, found.pairs).find((p) => p.a === a && p.b === b)?.signals ?? [];
          }
          await c.query(
            `INSERT INTO duplicate_decisions (campaign_id, application_a, application_b, decision, signals_json, actor, at) VALUES ($1, $2, $3, $4, $5, $6, $7)
             ON CONFLICT (application_a, application_b) DO UPDATE SET decision = excluded.decision, actor = excluded.actor, at = excluded.at`,
            [campaignId, a, b, decision, JSON.stringify(signals), actor, at],
          );
        }
        await c.query('INSERT INTO audit_log (campaign_id, at, actor, action, subject, details_json) VALUES ($1, $2, $3, $4, $5, $6)', [
          campaignId,
          at,
          actor,
          'screening.duplicate',
          apps.map((x) => x.application_id).join(' + '),
          JSON.stringify({ before: before?.decision ?? 'undecided', after: decision, signals }),
        ]);
        return { campaignId, rescreen: before?.decision === 'confirmed' || decision === 'confirmed' };
      });
    },
  };
}
