import { ELIGIBILITY_RULES_VERSION, type Verdict } from '../../../../shared/domain/eligibility';
import type { Stage } from '../../../../shared/domain/stages';
import type { SqliteDatabase } from '../../../../db/connection';
import { writeTransaction } from '../../../../db/write-transaction';
import { auditWriter } from '../../audit/audit-log';
import type { Synchronous } from '../../synchronous-store';
import type { ScreeningInputs, ScreeningStore, StoredResult, StoredRow, TriagedApplication } from './index';
import { markScreened } from './sqlite-owed';
import { INPUT_COLUMNS, storedRowOf } from './inputs-of';
import { CampaignInputsCache } from './inputs-cache';

/**
 * A screening run's SQL on SQLite, the raw fast path of re-screening: reading a campaign's inputs
 * (cached per connection), its stored results, and writing the changed ones in one transaction.
 * SQLite-only: `ON CONFLICT … DO UPDATE`, `.raw()` and `.iterate()` (rows as arrays, one at a
 * time), and the cache's freshness, which relies on the TRIGGERS of 0005 (applications_version).
 */

type RunMethods = Pick<Synchronous<ScreeningStore>, 'screeningInputs' | 'storedResults' | 'writeResults' | 'impactBasis' | 'possibleDuplicates'>;

/** A campaign's stored applications as screening inputs, read as the server reads them (inputs-of.ts: one fingerprint for both engines). */
export function loadScreeningInputs(sqlite: SqliteDatabase, campaignId: number): StoredRow[] {
  const statement = sqlite.prepare<[number], unknown[]>(`SELECT id, ${INPUT_COLUMNS} FROM applications WHERE campaign_id = ?`).raw();
  const stored: StoredRow[] = [];
  // Iterated, not .all(): one row's values at a time instead of 50,000 arrays held at once.
  for (const row of statement.iterate(campaignId)) stored.push(storedRowOf(row));
  return stored;
}

/**
 * Criterion results that many applications share are one frozen object each (eligibility/results.ts):
 * their JSON is worked out once.
 */
const jsonOfResult = new WeakMap<object, string>();
function criteriaJson(criteria: readonly object[]): string {
  let text = '[';
  criteria.forEach((c, i) => {
    let json = jsonOfResult.get(c);
    if (json === undefined) {
      json = JSON.stringify(c);
      if (Object.isFrozen(c)) jsonOfResult.set(c, json);
    }
    text += i === 0 ? json : `,${json}`;
  });
  return `${text}]`;
}


export function sqliteScreeningRun(sqlite: SqliteDatabase): RunMethods {
  /** What tells the cache it is still right: updates and deletions bump a counter (0005), inserts raise count and max(id). */
  const applicationsState = sqlite
    .prepare<[number, number], unknown[]>('SELECT (SELECT applications_version FROM campaigns WHERE id = ?), count(*), max(id) FROM applications WHERE campaign_id = ?')
    .raw();
  /** Pairs of application ids officers confirmed as one person. */
  const confirmedLinks = sqlite
    .prepare<[number], [string, string]>(
      `SELECT a.application_id, b.application_id FROM duplicate_decisions d
       JOIN applications a ON a.id = d.application_a JOIN applications b ON b.id = d.application_b
       WHERE d.campaign_id = ? AND d.decision = 'confirmed'`,
    )
    .raw();
  const storedResults = sqlite
    .prepare<[number], [number, string, string, Verdict, string]>('SELECT application_ref, signature, input_hash, verdict, person_key FROM screening_results WHERE campaign_id = ?')
    .raw();
  const upsert = sqlite.prepare<[number, number, Verdict, string, string, string, number, string, string, string]>(
    `INSERT INTO screening_results (application_ref, campaign_id, verdict, reasons_json, criteria_json, person_key, rules_version, input_hash, signature, screened_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (application_ref) DO UPDATE SET verdict = excluded.verdict, reasons_json = excluded.reasons_json,
       criteria_json = excluded.criteria_json, person_key = excluded.person_key, rules_version = excluded.rules_version,
       input_hash = excluded.input_hash, signature = excluded.signature, screened_at = excluded.screened_at`,
  );
  const rewrite = sqlite.prepare<[string, string, string, string, string, number]>(
    `UPDATE screening_results SET reasons_json = ?, criteria_json = ?, rules_version = ${ELIGIBILITY_RULES_VERSION}, input_hash = ?, signature = ?, screened_at = ? WHERE application_ref = ?`,
  );
  const staleOverrides = sqlite.prepare<[number, string]>(`UPDATE screening_overrides SET state = 'stale' WHERE application_ref = ? AND state = 'active' AND input_hash <> ?`);
  const currentVerdicts = sqlite.prepare<[number], [number, Verdict]>('SELECT application_ref, verdict FROM screening_results WHERE campaign_id = ?').raw();
  /**
   * Where each triaged application stands (stage, division queue) and the verdict an officer's
   * active override holds it at, if any. "Triaged" means an officer did something to it: a stage
   * beyond New, a score or an assignee (a row in triage_states; no row means untouched).
   */
  const triagedApplications = sqlite
    .prepare<[number], [number, Stage, string | null, Verdict | null]>(
      `SELECT t.application_ref, t.stage, a.division_code, o.verdict
         FROM triage_states t JOIN applications a ON a.id = t.application_ref
         LEFT JOIN screening_overrides o ON o.application_ref = a.id AND o.state = 'active'
        WHERE t.campaign_id = ?`,
    )
    .raw();
  const audit = auditWriter(sqlite);
  const cache = new CampaignInputsCache();

  function screeningInputs(campaignId: number): ScreeningInputs {
    const state = (applicationsState.get(campaignId, campaignId) ?? []).join('|');
    const entry = cache.fresh(campaignId, state) ?? cache.keep(campaignId, state, loadScreeningInputs(sqlite, campaignId));
    return cache.inputsOf(entry, confirmedLinks.all(campaignId));
  }

  return {
    screeningInputs,

    possibleDuplicates: (campaignId) => cache.possibleDuplicates(screeningInputs(campaignId)),

    storedResults: (campaignId) =>
      new Map(storedResults.all(campaignId).map(([ref, signature, inputHash, verdict, personKey]): [number, StoredResult] => [ref, { signature, inputHash, verdict, personKey }])),

    writeResults(campaignId, results, { actor, at, owed }) {
      let stale = 0;
      writeTransaction(sqlite, () => {
        for (const r of results) {
          const reasons = JSON.stringify(r.reasons);
          if (r.detailsOnly) rewrite.run(reasons, criteriaJson(r.criteria), r.inputHash, r.signature, at, r.ref);
          else upsert.run(r.ref, campaignId, r.verdict, reasons, criteriaJson(r.criteria), r.personKey, ELIGIBILITY_RULES_VERSION, r.inputHash, r.signature, at);
          if (r.dataChanged) {
            const result = staleOverrides.run(r.ref, r.inputHash);
            if (result.changes > 0) {
              stale += result.changes;
              audit({ campaignId, actor, action: 'screening.overrideStale', subject: r.applicationId, details: { reason: 'the application data changed' } }, at);
            }
          }
        }
        // The results now follow every change counted before the settings and applications were read.
        if (owed !== undefined) markScreened(sqlite, campaignId, owed);
      });
      return { staleOverrides: stale };
    },

    impactBasis: (campaignId) => ({
      current: new Map(currentVerdicts.all(campaignId)),
      triaged: new Map(triagedApplications.all(campaignId).map(([ref, stage, division, override]): [number, TriagedApplication] => [ref, { stage, division, override }])),
    }),
  };
}
