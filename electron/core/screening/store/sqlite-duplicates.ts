import type { DuplicateSide, DuplicateSignalName } from '../../../../shared/api/contract';
import { NotFoundError, ValidationError } from '../../../../shared/api/errors';
import type { SqliteDatabase } from '../../../../db/connection';
import { writeTransaction } from '../../../../db/write-transaction';
import { auditWriter } from '../../audit/audit-log';
import type { Synchronous } from '../../synchronous-store';
import { decisionView, orderedPair, pairsByRef, parseSignals, type DecisionRow } from '../duplicates';
import type { DuplicateDecision, ScreeningStore } from './index';
import { EFFECTIVE_VERDICT, LATEST_OVERRIDE } from './sqlite-effective-verdict';

/**
 * Officers' decisions on possible duplicates on SQLite, and the applications a pair shows.
 * SQLite-only: `json_each` (refs as one JSON parameter), `ON CONFLICT … DO UPDATE`.
 */

type DuplicateMethods = Pick<Synchronous<ScreeningStore>, 'duplicateDecisions' | 'duplicateSides' | 'decideDuplicate'>;

export function sqliteDuplicates(sqlite: SqliteDatabase, possibleDuplicates: Synchronous<ScreeningStore>['possibleDuplicates']): DuplicateMethods {
  const sides = sqlite.prepare<[string], DuplicateSide>(
    `SELECT a.id AS ref, a.application_id AS applicationId, a.first_name AS firstName, a.last_name AS lastName, a.date_of_birth AS dateOfBirth,
       a.email, a.nationality, a.division, a.submitted_at AS submittedAt, r.person_key AS personKey, ${EFFECTIVE_VERDICT} AS verdict
     FROM applications a JOIN screening_results r ON r.application_ref = a.id ${LATEST_OVERRIDE}
     WHERE a.id IN (SELECT value FROM json_each(?))`,
  );
  const decisions = sqlite.prepare<[number], DecisionRow>(
    'SELECT application_a, application_b, decision, signals_json, actor, at FROM duplicate_decisions WHERE campaign_id = ? ORDER BY id DESC',
  );
  const applications = sqlite.prepare<[number, number], { id: number; campaign_id: number; application_id: string }>(
    'SELECT id, campaign_id, application_id FROM applications WHERE id IN (?, ?)',
  );
  const decisionOf = sqlite.prepare<[number, number], { decision: DuplicateDecision['decision']; signals_json: string }>(
    'SELECT decision, signals_json FROM duplicate_decisions WHERE application_a = ? AND application_b = ?',
  );
  const removeDecision = sqlite.prepare<[number, number]>('DELETE FROM duplicate_decisions WHERE application_a = ? AND application_b = ?');
  const putDecision = sqlite.prepare<[number, number, number, DuplicateDecision['decision'], string, string, string]>(
    `INSERT INTO duplicate_decisions (campaign_id, application_a, application_b, decision, signals_json, actor, at) VALUES (?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (application_a, application_b) DO UPDATE SET decision = excluded.decision, actor = excluded.actor, at = excluded.at`,
  );
  const audit = auditWriter(sqlite);

  return {
    duplicateDecisions: (campaignId) =>
      decisions.all(campaignId).map(decisionView),

    duplicateSides: (refs) => new Map(sides.all(JSON.stringify(refs)).map((r) => [r.ref, r])),

    decideDuplicate(refs, decision, actor, now = new Date()) {
      const { a, b } = orderedPair(refs);
      const at = now.toISOString();
      return writeTransaction(sqlite, () => {
        const apps = applications.all(a, b);
        const [first, second] = apps;
        if (!first || !second) throw new NotFoundError('One of these applications is not in this database. Nothing was decided.', 'NoSuchApplication');
        if (first.campaign_id !== second.campaign_id) throw new ValidationError('These applications belong to different campaigns.', [], 'DifferentCampaigns');
        const campaignId = first.campaign_id;
        const before = decisionOf.get(a, b);
        if ((before?.decision ?? 'undecided') === decision) return { campaignId, rescreen: false };
        let signals: DuplicateSignalName[] = before ? parseSignals(before.signals_json) : [];
        if (decision === 'undecided') {
          removeDecision.run(a, b);
        } else {
          if (!before) {
            const { rows, pairs } = possibleDuplicates(campaignId);
            signals = pairsByRef(rows, pairs).find((p) => p.a === a && p.b === b)?.signals ?? [];
          }
          putDecision.run(campaignId, a, b, decision, JSON.stringify(signals), actor, at);
        }
        const ids = apps.sort((x, y) => x.id - y.id).map((x) => x.application_id);
        audit({ campaignId, actor, action: 'screening.duplicate', subject: ids.join(' + '), details: { before: before?.decision ?? 'undecided', after: decision, signals } }, at);
        return { campaignId, rescreen: before?.decision === 'confirmed' || decision === 'confirmed' };
      });
    },
  };
}
