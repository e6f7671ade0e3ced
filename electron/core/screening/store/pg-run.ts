import type pg from 'pg';
import { ELIGIBILITY_RULES_VERSION, type Verdict } from '../../../../shared/domain/eligibility';
import type { Stage } from '../../../../shared/domain/stages';
import { inTransaction, read } from '../../../../db/postgres/transaction';
import { INPUT_COLUMNS, storedRowOf } from './inputs-of';
import { CampaignInputsCache } from './inputs-cache';
import { markScreened } from './pg-owed';
import type { ResultWrite, ScreeningInputs, ScreeningStore, StoredResult, TriagedApplication } from './index';

/**
 * A screening run's SQL on the office server: the campaign's inputs (cached per workstation, as on
 * SQLite, and told fresh by the same counter: PostgreSQL migration 3's trigger bumps
 * applications_version), its stored results, and the changed ones written in one transaction.
 * Where SQLite writes a row per statement (cheap in-process), the server is a round trip away: the
 * results are written a chunk per statement (unnest of arrays), still computed lazily as they go.
 * Inputs are read in id order, so results are written in the order officers' row locks take them.
 */

type RunMethods = Pick<ScreeningStore, 'screeningInputs' | 'storedResults' | 'writeResults' | 'impactBasis' | 'possibleDuplicates'>;

/** Results per statement: a few megabytes of JSON at most. */
const CHUNK = 2_000;


function* chunks<T>(items: Iterable<T>, size: number): Generator<T[]> {
  let chunk: T[] = [];
  for (const item of items) {
    chunk.push(item);
    if (chunk.length === size) {
      yield chunk;
      chunk = [];
    }
  }
  if (chunk.length > 0) yield chunk;
}

/** Writes one chunk of results; returns the applications whose active override went stale. */
async function writeChunk(c: pg.ClientBase, campaignId: number, chunk: readonly ResultWrite[], at: string): Promise<{ ref: number; applicationId: string }[]> {
  const whole = chunk.filter((r) => !r.detailsOnly);
  const details = chunk.filter((r) => r.detailsOnly);
  if (whole.length > 0) {
    await c.query(
      `INSERT INTO screening_results (application_ref, campaign_id, verdict, reasons_json, criteria_json, person_key, rules_version, input_hash, signature, screened_at)
       SELECT v.ref, $1, v.verdict, v.reasons, v.criteria, v.person_key, ${ELIGIBILITY_RULES_VERSION}, v.input_hash, v.signature, $2
       FROM unnest($3::int[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[]) AS v(ref, verdict, reasons, criteria, person_key, input_hash, signature)
       ON CONFLICT (application_ref) DO UPDATE SET verdict = excluded.verdict, reasons_json = excluded.reasons_json,
         criteria_json = excluded.criteria_json, person_key = excluded.person_key, rules_version = excluded.rules_version,
         input_hash = excluded.input_hash, signature = excluded.signature, screened_at = excluded.screened_at`,
      [
        campaignId,
        at,
        whole.map((r) => r.ref),
        whole.map((r) => r.verdict),
        whole.map((r) => JSON.stringify(r.reasons)),
        whole.map((r) => JSON.stringify(r.criteria)),
        whole.map((r) => r.personKey),
        whole.map((r) => r.inputHash),
        whole.map((r) => r.signature),
      ],
    );
  }
  if (details.length > 0) {
    // The verdict and the person are as stored: their indexes are spared.
    await c.query(
      `UPDATE screening_results r SET reasons_json = v.reasons, criteria_json = v.criteria, rules_version = ${ELIGIBILITY_RULES_VERSION},
         input_hash = v.input_hash, signature = v.signature, screened_at = $1
       FROM unnest($2::int[], $3::text[], $4::text[], $5::text[], $6::text[]) AS v(ref, reasons, criteria, input_hash, signature)
       WHERE r.application_ref = v.ref`,
      [at, details.map((r) => r.ref), details.map((r) => JSON.stringify(r.reasons)), details.map((r) => JSON.stringify(r.criteria)), details.map((r) => r.inputHash), details.map((r) => r.signature)],
    );
  }
  const changed = chunk.filter((r) => r.dataChanged);
  if (changed.length === 0) return [];
  const { rows } = await c.query<{ ref: number }>(
    `UPDATE screening_overrides o SET state = 'stale' FROM unnest($1::int[], $2::text[]) AS v(ref, input_hash)
     WHERE o.application_ref = v.ref AND o.state = 'active' AND o.input_hash <> v.input_hash RETURNING o.application_ref AS ref`,
    [changed.map((r) => r.ref), changed.map((r) => r.inputHash)],
  );
  const idOf = new Map(changed.map((r) => [r.ref, r.applicationId]));
  return rows.map((r) => ({ ref: r.ref, applicationId: idOf.get(r.ref) ?? String(r.ref) }));
}

export function pgScreeningRun(pool: pg.Pool): RunMethods {
  const cache = new CampaignInputsCache();

  /**
   * The campaign's inputs, read again only when its applications changed: updates and deletions
   * bump applications_version (migration 3), inserts raise count and max(id). The state is read
   * before the rows, so rows are never older than the state they are kept under.
   */
  async function cachedCampaign(campaignId: number) {
    const [state] = await read<{ version: number | null; n: number; last: number | null }>(
      pool,
      'SELECT (SELECT applications_version FROM campaigns WHERE id = $1) AS version, count(*) AS n, max(id) AS last FROM applications WHERE campaign_id = $1',
      [campaignId],
    );
    const key = `${state?.version}|${state?.n}|${state?.last}`;
    const fresh = cache.fresh(campaignId, key);
    if (fresh) return fresh;
    const rows = (await read<Record<string, unknown>>(pool, `SELECT id, ${INPUT_COLUMNS} FROM applications WHERE campaign_id = $1 ORDER BY id`, [campaignId])).map((r) =>
      storedRowOf(Object.values(r)),
    );
    return cache.keep(campaignId, key, rows);
  }

  async function screeningInputs(campaignId: number): Promise<ScreeningInputs> {
    const entry = await cachedCampaign(campaignId);
    const links = (
      await read<{ a: string; b: string }>(
        pool,
        `SELECT a.application_id AS a, b.application_id AS b FROM duplicate_decisions d
         JOIN applications a ON a.id = d.application_a JOIN applications b ON b.id = d.application_b
         WHERE d.campaign_id = $1 AND d.decision = 'confirmed'`,
        [campaignId],
      )
    ).map((l): [string, string] => [l.a, l.b]);
    return cache.inputsOf(entry, links);
  }

  return {
    screeningInputs,

    possibleDuplicates: async (campaignId) => cache.possibleDuplicates(await screeningInputs(campaignId)),

    async storedResults(campaignId) {
      const rows = await read<{ ref: number; signature: string; input_hash: string; verdict: Verdict; person_key: string }>(
        pool,
        'SELECT application_ref AS ref, signature, input_hash, verdict, person_key FROM screening_results WHERE campaign_id = $1',
        [campaignId],
      );
      return new Map(rows.map((r): [number, StoredResult] => [r.ref, { signature: r.signature, inputHash: r.input_hash, verdict: r.verdict, personKey: r.person_key }]));
    },

    async writeResults(campaignId, results, { actor, at, owed }) {
      return inTransaction(pool, async (c) => {
        let staleOverrides = 0;
        for (const chunk of chunks(results, CHUNK)) {
          const stale = await writeChunk(c, campaignId, chunk, at);
          if (stale.length === 0) continue;
          staleOverrides += stale.length;
          const subjects = [...new Set(stale.map((s) => s.applicationId))];
          await c.query(
            `INSERT INTO audit_log (campaign_id, at, actor, action, subject, details_json)
             SELECT $1, $2, $3, 'screening.overrideStale', subject, $4 FROM unnest($5::text[]) AS subject`,
            [campaignId, at, actor, JSON.stringify({ reason: 'the application data changed' }), subjects],
          );
        }
        // The results now follow every change counted before the settings and applications were read.
        if (owed !== undefined) await markScreened(c, campaignId, owed);
        return { staleOverrides };
      });
    },

    async impactBasis(campaignId) {
      const [current, triaged] = await Promise.all([
        read<{ ref: number; verdict: Verdict }>(pool, 'SELECT application_ref AS ref, verdict FROM screening_results WHERE campaign_id = $1', [campaignId]),
        // Where each triaged application stands (an officer did something to it: a row in triage_states) and its active override's verdict.
        read<{ ref: number; stage: Stage; division: string | null; override: Verdict | null }>(
          pool,
          `SELECT t.application_ref AS ref, t.stage, a.division_code AS division, o.verdict AS override
             FROM triage_states t JOIN applications a ON a.id = t.application_ref
             LEFT JOIN screening_overrides o ON o.application_ref = a.id AND o.state = 'active'
            WHERE t.campaign_id = $1`,
          [campaignId],
        ),
      ]);
      return {
        current: new Map(current.map((r) => [r.ref, r.verdict])),
        triaged: new Map(triaged.map((r): [number, TriagedApplication] => [r.ref, { stage: r.stage, division: r.division, override: r.override }])),
      };
    },
  };
}
