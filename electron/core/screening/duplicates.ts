import type { DuplicateList, DuplicatePair, DuplicateSide, DuplicateSignalName, ScreeningVerdict } from '../../../shared/api/contract';
import { NotFoundError, ValidationError } from '../../../shared/api/errors';
import type { SqliteDatabase } from '../../../db/connection';
import { auditWriter } from '../audit/audit-log';
import { EFFECTIVE_VERDICT, LATEST_OVERRIDE } from './effective-verdict';
import { possibleDuplicates } from './run';
import { writeTransaction } from '../../../db/write-transaction';

/**
 * Possible duplicates beyond the identity rule: found afresh from the (cached) screening inputs on
 * each request, so they always match the data; only officers' decisions are stored.
 */

type Decision = 'confirmed' | 'dismissed';

interface DecisionRow {
  application_a: number;
  application_b: number;
  decision: Decision;
  signals_json: string;
  actor: string;
  at: string;
}

/** The pairs that look alike now, by application refs (lower first). */
function currentPairs(sqlite: SqliteDatabase, campaignId: number): { a: number; b: number; signals: DuplicateSignalName[] }[] {
  const { rows, pairs } = possibleDuplicates(sqlite, campaignId);
  const refOf = new Map(rows.map((r) => [r.input.raw.applicationId, r.id]));
  return pairs.map((p) => {
    const x = refOf.get(p.a) ?? 0;
    const y = refOf.get(p.b) ?? 0;
    return { a: Math.min(x, y), b: Math.max(x, y), signals: p.signals };
  });
}

const pairKey = (a: number, b: number) => `${a}|${b}`;

function sidesOf(sqlite: SqliteDatabase, refs: number[]): Map<number, DuplicateSide> {
  const rows = sqlite
    .prepare(
      `SELECT a.id AS ref, a.application_id AS applicationId, a.first_name AS firstName, a.last_name AS lastName, a.date_of_birth AS dateOfBirth,
         a.email, a.nationality, a.division, a.submitted_at AS submittedAt, r.person_key AS personKey, ${EFFECTIVE_VERDICT} AS verdict
       FROM applications a JOIN screening_results r ON r.application_ref = a.id ${LATEST_OVERRIDE}
       WHERE a.id IN (SELECT value FROM json_each(?))`,
    )
    .all(JSON.stringify(refs)) as (DuplicateSide & { verdict: ScreeningVerdict })[];
  return new Map(rows.map((r) => [r.ref, r]));
}

export function listDuplicates(sqlite: SqliteDatabase, campaignId: number): DuplicateList {
  const pairs = currentPairs(sqlite, campaignId);
  const decisions = sqlite
    .prepare('SELECT application_a, application_b, decision, signals_json, actor, at FROM duplicate_decisions WHERE campaign_id = ? ORDER BY id DESC')
    .all(campaignId) as DecisionRow[];
  const decided = new Set(decisions.map((d) => pairKey(d.application_a, d.application_b)));
  const open = pairs.filter((p) => !decided.has(pairKey(p.a, p.b)));
  const sides = sidesOf(sqlite, [...new Set([...open, ...decisions.map((d) => ({ a: d.application_a, b: d.application_b }))].flatMap((p) => [p.a, p.b]))]);
  const pair = (a: number, b: number, signals: DuplicateSignalName[], decision: DuplicatePair['decision']): DuplicatePair[] => {
    const sa = sides.get(a);
    const sb = sides.get(b);
    // A pair whose application was not screened yet (an import still being screened) waits for the next request.
    return sa && sb ? [{ a: sa, b: sb, signals, decision }] : [];
  };
  return {
    open: open.flatMap((p) => pair(p.a, p.b, p.signals, null)),
    decided: decisions.flatMap((d) =>
      pair(d.application_a, d.application_b, JSON.parse(d.signals_json) as DuplicateSignalName[], { decision: d.decision, actor: d.actor, at: d.at }),
    ),
  };
}

/**
 * Records an officer's decision on a pair ('undecided' takes it back), with an audit entry. Returns
 * the campaign, which must be screened again when a confirmation was made or taken back.
 */
export function decideDuplicate(
  sqlite: SqliteDatabase,
  refs: { a: number; b: number },
  decision: Decision | 'undecided',
  actor: string,
  now = new Date(),
): { campaignId: number; rescreen: boolean } {
  const a = Math.min(refs.a, refs.b);
  const b = Math.max(refs.a, refs.b);
  const at = now.toISOString();
  return writeTransaction(sqlite, () => {
      const apps = sqlite.prepare('SELECT id, campaign_id, application_id FROM applications WHERE id IN (?, ?)').all(a, b) as {
        id: number;
        campaign_id: number;
        application_id: string;
      }[];
      const [first, second] = apps;
      if (!first || !second) throw new NotFoundError('One of these applications is not in this database. Nothing was decided.', 'NoSuchApplication');
      if (first.campaign_id !== second.campaign_id) throw new ValidationError('These applications belong to different campaigns.', [], 'DifferentCampaigns');
      const campaignId = first.campaign_id;
      const before = sqlite.prepare('SELECT decision, signals_json FROM duplicate_decisions WHERE application_a = ? AND application_b = ?').get(a, b) as
        | { decision: Decision; signals_json: string }
        | undefined;
      if ((before?.decision ?? 'undecided') === decision) return { campaignId, rescreen: false };
      let signals: DuplicateSignalName[] = before ? (JSON.parse(before.signals_json) as DuplicateSignalName[]) : [];
      if (decision === 'undecided') {
        sqlite.prepare('DELETE FROM duplicate_decisions WHERE application_a = ? AND application_b = ?').run(a, b);
      } else {
        if (!before) signals = currentPairs(sqlite, campaignId).find((p) => p.a === a && p.b === b)?.signals ?? [];
        sqlite
          .prepare(
            `INSERT INTO duplicate_decisions (campaign_id, application_a, application_b, decision, signals_json, actor, at) VALUES (?, ?, ?, ?, ?, ?, ?)
             ON CONFLICT (application_a, application_b) DO UPDATE SET decision = excluded.decision, actor = excluded.actor, at = excluded.at`,
          )
          .run(campaignId, a, b, decision, JSON.stringify(signals), actor, at);
      }
      const ids = apps.sort((x, y) => x.id - y.id).map((x) => x.application_id);
      auditWriter(sqlite)(
        { campaignId, actor, action: 'screening.duplicate', subject: ids.join(' + '), details: { before: before?.decision ?? 'undecided', after: decision, signals } },
        at,
      );
      return { campaignId, rescreen: before?.decision === 'confirmed' || decision === 'confirmed' };
    });
}
