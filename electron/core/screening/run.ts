import type { CampaignSettings } from '../../../shared/domain/settings';
import type { SettingsImpact } from '../../../shared/api/contract';
import type { Stage } from '../../../shared/domain/stages';
import {
  campaignContexts,
  ELIGIBILITY_RULES_VERSION,
  indexPersons,
  screenApplication,
  type PersonIndex,
  type CriterionResult,
  type ScreeningInput,
  type ScreeningRawField,
  type Verdict,
} from '../../../shared/domain/eligibility';
import type { CefrLevel, FundingTrack } from '../../../shared/domain/listed-values';
import type { SqliteDatabase } from '../../../db/connection';
import { columnOf, PARSED_COLUMNS } from '../applications/store';
import { auditWriter } from '../audit/audit-log';
import { markScreened } from './owed';
import { findPossibleDuplicates, type PossibleDuplicate } from '../../../shared/domain/eligibility/possible-duplicates';
import { writeTransaction } from '../../../db/write-transaction';

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
 * A 53-bit fingerprint (cyrb53, public domain) fed piece by piece, so a result is fingerprinted
 * without first being written out as one string: on 50,000 applications, JSON text and its garbage
 * cost more than the rules themselves. It only has to tell whether something changed.
 */
class Fingerprint {
  private h1 = 0xdeadbeef;
  private h2 = 0x41c6ce57;

  /** Feeds one piece, then a separator: ("ab", "c") and ("a", "bc") differ. */
  add(text: string | number | undefined): this {
    return this.addText(text === undefined ? '\u0002' : typeof text === 'number' ? String(text) : text).addText('\u0000');
  }

  /** Feeds text as it is. */
  addText(t: string): this {
    let h1 = this.h1;
    let h2 = this.h2;
    for (let i = 0; i < t.length; i++) {
      const ch = t.charCodeAt(i);
      h1 = Math.imul(h1 ^ ch, 2654435761);
      h2 = Math.imul(h2 ^ ch, 1597334677);
    }
    this.h1 = h1;
    this.h2 = h2;
    return this;
  }

  digest(): string {
    let h1 = this.h1;
    let h2 = this.h2;
    h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
    h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
    return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
  }
}

/** One text's fingerprint: what input_hash holds (overrides compare it, so it must never change). */
export function fingerprint(text: string): string {
  return new Fingerprint().addText(text).digest();
}

/** Feeds one criterion result: every field it holds (see eligibility/results.ts). */
function addResult(print: Fingerprint, r: CriterionResult): void {
  print.add(r.criterion).add(r.outcome).add(r.code).add(r.explanation.key);
  for (const key in r.explanation.params) print.add(key).add(r.explanation.params[key]);
}

/** Shared (frozen) results are fingerprinted once. */
const printOfShared = new WeakMap<object, string>();
function resultPrint(r: CriterionResult): string | null {
  if (!Object.isFrozen(r)) return null;
  let print = printOfShared.get(r);
  if (print === undefined) {
    const f = new Fingerprint();
    addResult(f, r);
    printOfShared.set(r, (print = f.digest()));
  }
  return print;
}

/** What is stored of a result, fingerprinted: equal prints, nothing to write. */
function outcomeSignature(verdict: Verdict, reasons: readonly string[], criteria: readonly CriterionResult[], personKey: string, inputHash: string): string {
  const f = new Fingerprint().add(verdict);
  for (const r of reasons) f.add(r);
  for (const c of criteria) {
    const shared = resultPrint(c);
    if (shared === null) addResult(f, c);
    else f.add(shared);
  }
  return f.add(personKey).add(inputHash).add(ELIGIBILITY_RULES_VERSION).digest();
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

export interface StoredRow {
  id: number;
  input: ScreeningInput;
  /** Fingerprint of the raw fields the rules read: an override stands while it is the same. */
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

/**
 * The last campaign's screening inputs, per connection, with the state of its applications they
 * were read from, and its persons for the last set of confirmed links. Reading and shaping 50,000
 * rows is a third of a re-screen; a setting change or a duplicate decision re-screens the same rows,
 * so they are kept. One campaign only: memory is bounded.
 */
interface CachedCampaign {
  campaignId: number;
  state: string;
  rows: readonly StoredRow[];
  inputs: readonly ScreeningInput[];
  persons?: { links: string; index: PersonIndex; duplicates?: PossibleDuplicate[] };
}
const inputCache = new WeakMap<SqliteDatabase, CachedCampaign>();

/** What tells the cache it is still right: updates and deletions bump a counter (0005), inserts raise count and max(id). */
function applicationsState(sqlite: SqliteDatabase, campaignId: number): string {
  const row = sqlite
    .prepare('SELECT (SELECT applications_version FROM campaigns WHERE id = ?), count(*), max(id) FROM applications WHERE campaign_id = ?')
    .raw()
    .get(campaignId, campaignId) as unknown[];
  return row.join('|');
}

function cachedCampaign(sqlite: SqliteDatabase, campaignId: number): CachedCampaign {
  const state = applicationsState(sqlite, campaignId);
  const cached = inputCache.get(sqlite);
  if (cached && cached.campaignId === campaignId && cached.state === state) return cached;
  const rows = loadScreeningInputs(sqlite, campaignId);
  const entry: CachedCampaign = { campaignId, state, rows, inputs: rows.map((r) => r.input) };
  inputCache.set(sqlite, entry);
  return entry;
}

/** A campaign's inputs and persons (identity rule plus officers' confirmed pairs), cached. */
export function screeningCampaign(sqlite: SqliteDatabase, campaignId: number): { rows: readonly StoredRow[]; inputs: readonly ScreeningInput[]; persons: PersonIndex } {
  const entry = cachedCampaign(sqlite, campaignId);
  const links = confirmedLinks(sqlite, campaignId);
  const linksKey = JSON.stringify(links.map(([a, b]) => (a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`)).sort());
  if (entry.persons?.links !== linksKey) entry.persons = { links: linksKey, index: indexPersons(entry.inputs, links) };
  return { rows: entry.rows, inputs: entry.inputs, persons: entry.persons.index };
}

/** Applications that look like one person but are not joined (cached with the persons they were found among). */
export function possibleDuplicates(sqlite: SqliteDatabase, campaignId: number): { rows: readonly StoredRow[]; pairs: PossibleDuplicate[] } {
  const { rows, inputs, persons } = screeningCampaign(sqlite, campaignId);
  const entry = inputCache.get(sqlite);
  if (entry?.persons && entry.persons.index === persons) {
    entry.persons.duplicates ??= findPossibleDuplicates(inputs, persons);
    return { rows, pairs: entry.persons.duplicates };
  }
  return { rows, pairs: findPossibleDuplicates(inputs, persons) };
}

/** Pairs of application ids officers confirmed as one person. */
export function confirmedLinks(sqlite: SqliteDatabase, campaignId: number): [string, string][] {
  return sqlite
    .prepare(
      `SELECT a.application_id, b.application_id FROM duplicate_decisions d
       JOIN applications a ON a.id = d.application_a JOIN applications b ON b.id = d.application_b
       WHERE d.campaign_id = ? AND d.decision = 'confirmed'`,
    )
    .raw()
    .all(campaignId) as [string, string][];
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
export function screenAndStore(
  sqlite: SqliteDatabase,
  campaignId: number,
  settings: CampaignSettings,
  actor: string,
  options: { now?: Date; owed?: number } = {},
): ScreeningRunResult {
  const now = options.now ?? new Date();
  const started = performance.now();
  const { rows, inputs, persons } = screeningCampaign(sqlite, campaignId);
  const { contextOf } = campaignContexts(inputs, settings, { persons });
  const at = now.toISOString();
  const existing = new Map(
    (sqlite.prepare('SELECT application_ref, signature, input_hash, verdict, person_key FROM screening_results WHERE campaign_id = ?').raw().all(campaignId) as [number, string, string, Verdict, string][]).map(
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
  const rewrite = sqlite.prepare(
    `UPDATE screening_results SET reasons_json = ?, criteria_json = ?, rules_version = ${ELIGIBILITY_RULES_VERSION}, input_hash = ?, signature = ?, screened_at = ? WHERE application_ref = ?`,
  );
  const staleOverrides = sqlite.prepare(
    `UPDATE screening_overrides SET state = 'stale' WHERE application_ref = ? AND state = 'active' AND input_hash <> ?`,
  );
  const audit = auditWriter(sqlite);
  const byVerdict: Record<Verdict, number> = { eligible: 0, ineligible: 0, review: 0 };
  let changed = 0;
  let stale = 0;
  writeTransaction(sqlite, () => {
    rows.forEach((row, i) => {
      const personKey = persons.keyOf[i] ?? row.input.raw.applicationId;
      const outcome = screenApplication(row.input, settings, contextOf(i));
      byVerdict[outcome.verdict]++;
      const signature = outcomeSignature(outcome.verdict, outcome.reasons, outcome.criteria, personKey, row.inputHash);
      const before = existing.get(row.id);
      if (before && before[1] === signature) return;
      changed++;
      const reasons = JSON.stringify(outcome.reasons);
      // Most changes leave the verdict and the person alone: updating only the other columns spares their indexes.
      if (before && before[3] === outcome.verdict && before[4] === personKey) rewrite.run(reasons, criteriaJson(outcome.criteria), row.inputHash, signature, at, row.id);
      else upsert.run(row.id, campaignId, outcome.verdict, reasons, criteriaJson(outcome.criteria), personKey, ELIGIBILITY_RULES_VERSION, row.inputHash, signature, at);
      if (before && before[2] !== row.inputHash) {
        const result = staleOverrides.run(row.id, row.inputHash);
        if (result.changes > 0) {
          stale += result.changes;
          audit({ campaignId, actor, action: 'screening.overrideStale', subject: row.input.raw.applicationId, details: { reason: 'the application data changed' } }, at);
        }
      }
    });
    // The results now follow every change counted before the settings and applications were read.
    if (options.owed !== undefined) markScreened(sqlite, campaignId, options.owed);
  });
  return { screened: rows.length, changed, staleOverrides: stale, byVerdict, durationMs: Math.round(performance.now() - started) };
}

/** Screens a campaign in memory with other settings and counts how the verdicts would move. */
/**
 * Where each triaged application stands (stage, division queue) and the verdict an officer's active
 * override holds it at, if any: what a rule change must weigh before it takes an application out
 * of the queues. "Triaged" means an officer did something to it: a stage beyond New, a score or an
 * assignee (a row in triage_states; no row means untouched).
 */
function triagedApplications(sqlite: SqliteDatabase, campaignId: number): Map<number, { stage: Stage; division: string | null; override: Verdict | null }> {
  const rows = sqlite
    .prepare(
      `SELECT t.application_ref, t.stage, a.division_code, o.verdict
         FROM triage_states t JOIN applications a ON a.id = t.application_ref
         LEFT JOIN screening_overrides o ON o.application_ref = a.id AND o.state = 'active'
        WHERE t.campaign_id = ?`,
    )
    .raw()
    .all(campaignId) as [number, Stage, string | null, Verdict | null][];
  return new Map(rows.map(([ref, stage, division, override]) => [ref, { stage, division, override }]));
}

export function settingsImpact(sqlite: SqliteDatabase, campaignId: number, settings: CampaignSettings): SettingsImpact {
  const { rows, inputs, persons } = screeningCampaign(sqlite, campaignId);
  const { contextOf } = campaignContexts(inputs, settings, { persons });
  const current = new Map(
    (sqlite.prepare('SELECT application_ref, verdict FROM screening_results WHERE campaign_id = ?').raw().all(campaignId) as [number, Verdict][]).map((r) => [r[0], r[1]]),
  );
  const triaged = triagedApplications(sqlite, campaignId);
  const moves = new Map<string, { from: Verdict; to: Verdict; count: number }>();
  const leaving = new Map<string, SettingsImpact['leavingQueues'][number]>();
  rows.forEach((row, i) => {
    const from = current.get(row.id);
    const to = screenApplication(row.input, settings, contextOf(i)).verdict;
    if (!from || from === to) return;
    const key = `${from}>${to}`;
    const move = moves.get(key) ?? { from, to, count: 0 };
    move.count++;
    moves.set(key, move);
    // The queues hold the applications whose verdict that counts (EFFECTIVE_VERDICT) is eligible;
    // an officer's override holds its verdict whatever the rules say.
    const state = triaged.get(row.id);
    if (!state || state.override !== null || from !== 'eligible') return;
    const where = `${state.stage}>${state.division ?? ''}`;
    const entry = leaving.get(where) ?? { stage: state.stage, division: state.division, count: 0 };
    entry.count++;
    leaving.set(where, entry);
  });
  return {
    screened: rows.length,
    moves: [...moves.values()].sort((a, b) => b.count - a.count),
    leavingQueues: [...leaving.values()].sort((a, b) => b.count - a.count || (a.division ?? '').localeCompare(b.division ?? '')),
  };
}
