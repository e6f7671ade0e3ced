import type { CampaignSettings } from '../../../shared/domain/settings';
import {
  ELIGIBILITY_RULES_VERSION,
  screenCampaign,
  type ScreeningInput,
  type ScreeningRawField,
  type Verdict,
} from '../../../shared/domain/eligibility';
import type { CefrLevel, FundingTrack } from '../../../shared/domain/listed-values';
import type { SqliteDatabase } from '../../../db/connection';
import { columnOf, PARSED_COLUMNS } from '../services/application-store';
import { auditWriter } from '../services/audit';

/** The raw fields the rules read: their fingerprint tells whether an override still applies. */
const RAW_FIELDS: ScreeningRawField[] = [
  'applicationId',
  'candidateId',
  'firstName',
  'lastName',
  'email',
  'dateOfBirth',
  'nationality',
  'secondNationality',
  'funding',
  'submittedOn',
  'yearsCompleted',
  'currentlyEnrolled',
  'degreeDate',
  'englishLevel',
  'frenchLevel',
];
const PARSED_READ = ['submittedAt', 'dateOfBirth', 'degreeDate', 'yearsCompleted', 'currentlyEnrolled', 'funding', 'englishLevel', 'frenchLevel'] as const;

/**
 * A 53-bit fingerprint of a string (cyrb53, public domain). It only has to tell whether one
 * application's data changed since an override; sha1 over 50,000 rows cost a fifth of a re-screen.
 */
function fingerprint(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}

/**
 * Criterion results that many applications share are one frozen object each (eligibility/results.ts):
 * their JSON is worked out once.
 */
const jsonOfResult = new WeakMap<object, string>();
const fingerprintOfShared = new WeakMap<object, string>();

/** A result's fingerprint, worked out once for a shared (frozen) one; from its content, so stable across runs. */
function resultFingerprint(result: object): string {
  if (!Object.isFrozen(result)) return fingerprint(JSON.stringify(result));
  let print = fingerprintOfShared.get(result);
  if (print === undefined) fingerprintOfShared.set(result, (print = fingerprint(JSON.stringify(result))));
  return print;
}

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

interface StoredRow {
  id: number;
  input: ScreeningInput;
  inputHash: string;
}

export function loadScreeningInputs(sqlite: SqliteDatabase, campaignId: number): StoredRow[] {
  const columns = [...RAW_FIELDS.map(columnOf), ...PARSED_READ.map((k) => PARSED_COLUMNS[k])];
  const statement = sqlite.prepare(`SELECT id, ${columns.join(', ')} FROM applications WHERE campaign_id = ?`).raw();
  const stored: StoredRow[] = [];
  const p = 1 + RAW_FIELDS.length;
  // Iterated, not .all(): one row's values at a time instead of 50,000 arrays held at once.
  for (const row of statement.iterate(campaignId) as Iterable<unknown[]>) {
    const raw = {} as Record<ScreeningRawField, string>;
    let text = '';
    for (let i = 0; i < RAW_FIELDS.length; i++) {
      const value = row[i + 1];
      const field = RAW_FIELDS[i] as ScreeningRawField;
      raw[field] = typeof value === 'string' ? value : String(value ?? '');
      text += `${raw[field]}\u0000`;
    }
    const enrolled = row[p + 4];
    stored.push({
      id: Number(row[0]),
      inputHash: fingerprint(text),
      input: {
        raw,
        parsed: {
          submittedAt: (row[p] as string | null) ?? null,
          dateOfBirth: (row[p + 1] as string | null) ?? null,
          degreeDate: (row[p + 2] as string | null) ?? null,
          yearsCompleted: (row[p + 3] as number | null) ?? null,
          currentlyEnrolled: enrolled === null || enrolled === undefined ? null : enrolled === 1,
          funding: (row[p + 5] as FundingTrack | null) ?? null,
          englishLevel: (row[p + 6] as CefrLevel | null) ?? null,
          frenchLevel: (row[p + 7] as CefrLevel | null) ?? null,
        },
      },
    });
  }
  return stored;
}

export interface ScreeningRunResult {
  screened: number;
  changed: number;
  /** Overrides whose application's data changed since: an officer must decide again. */
  staleOverrides: number;
  byVerdict: Record<Verdict, number>;
  durationMs: number;
}

/**
 * Screens a whole campaign (the application limit links applications across it, so one new
 * application can change another's verdict) and writes only the results that changed, in one
 * transaction. Active overrides whose application's data changed become stale.
 */
export function screenAndStore(sqlite: SqliteDatabase, campaignId: number, settings: CampaignSettings, actor: string, now = new Date()): ScreeningRunResult {
  const started = performance.now();
  const rows = loadScreeningInputs(sqlite, campaignId);
  const outcomes = screenCampaign(
    rows.map((r) => r.input),
    settings,
  );
  const at = now.toISOString();
  const existing = new Map(
    (sqlite.prepare('SELECT application_ref, signature, input_hash FROM screening_results WHERE campaign_id = ?').raw().all(campaignId) as [number, string, string][]).map(
      (r) => [r[0], r],
    ),
  );
  const upsert = sqlite.prepare(
    `INSERT INTO screening_results (application_ref, campaign_id, verdict, reasons_json, criteria_json, person_key, rules_version, input_hash, signature, screened_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (application_ref) DO UPDATE SET verdict = excluded.verdict, reasons_json = excluded.reasons_json,
       criteria_json = excluded.criteria_json, person_key = excluded.person_key, rules_version = excluded.rules_version,
       input_hash = excluded.input_hash, signature = excluded.signature, screened_at = excluded.screened_at`,
  );
  const staleOverrides = sqlite.prepare(
    `UPDATE screening_overrides SET state = 'stale' WHERE application_ref = ? AND state = 'active' AND input_hash <> ?`,
  );
  const audit = auditWriter(sqlite);
  const byVerdict: Record<Verdict, number> = { eligible: 0, ineligible: 0, review: 0 };
  let changed = 0;
  let stale = 0;
  sqlite.transaction(() => {
    for (const row of rows) {
      const outcome = outcomes.get(row.input.raw.applicationId);
      if (!outcome) continue;
      byVerdict[outcome.verdict]++;
      const reasons = JSON.stringify(outcome.reasons);
      const signature = fingerprint(
        `${outcome.verdict}|${reasons}|${outcome.criteria.map(resultFingerprint).join(',')}|${outcome.personKey}|${row.inputHash}|${ELIGIBILITY_RULES_VERSION}`,
      );
      const before = existing.get(row.id);
      if (before && before[1] === signature) continue;
      changed++;
      const criteria = criteriaJson(outcome.criteria);
      upsert.run(row.id, campaignId, outcome.verdict, reasons, criteria, outcome.personKey, ELIGIBILITY_RULES_VERSION, row.inputHash, signature, at);
      if (before && before[2] !== row.inputHash) {
        const result = staleOverrides.run(row.id, row.inputHash);
        if (result.changes > 0) {
          stale += result.changes;
          audit({ campaignId, actor, action: 'screening.overrideStale', subject: row.input.raw.applicationId, details: { reason: 'the application data changed' } }, at);
        }
      }
    }
  })();
  return { screened: rows.length, changed, staleOverrides: stale, byVerdict, durationMs: Math.round(performance.now() - started) };
}

/** Screens a campaign in memory with other settings and counts how the verdicts would move. */
export function settingsImpact(sqlite: SqliteDatabase, campaignId: number, settings: CampaignSettings): { screened: number; moves: { from: Verdict; to: Verdict; count: number }[] } {
  const rows = loadScreeningInputs(sqlite, campaignId);
  const outcomes = screenCampaign(
    rows.map((r) => r.input),
    settings,
  );
  const current = new Map(
    (sqlite.prepare('SELECT application_ref, verdict FROM screening_results WHERE campaign_id = ?').raw().all(campaignId) as [number, Verdict][]).map((r) => [r[0], r[1]]),
  );
  const moves = new Map<string, { from: Verdict; to: Verdict; count: number }>();
  for (const row of rows) {
    const from = current.get(row.id);
    const to = outcomes.get(row.input.raw.applicationId)?.verdict;
    if (!from || !to || from === to) continue;
    const key = `${from}>${to}`;
    const move = moves.get(key) ?? { from, to, count: 0 };
    move.count++;
    moves.set(key, move);
  }
  return { screened: rows.length, moves: [...moves.values()].sort((a, b) => b.count - a.count) };
}
