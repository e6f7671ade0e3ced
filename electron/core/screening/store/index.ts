import type { DuplicateSide, DuplicateSignalName, ScreeningDetail, ScreeningLine, ScreeningPage, ScreeningTab, ScreeningVerdict } from '../../../../shared/api/contract';
import type { CriterionResult, PersonIndex, ScreeningInput, Verdict } from '../../../../shared/domain/eligibility';
import type { PossibleDuplicate } from '../../../../shared/domain/eligibility/possible-duplicates';
import type { Stage } from '../../../../shared/domain/stages';
import type { SqliteDatabase } from '../../../../db/connection';
import type { Synchronous } from '../../synchronous-store';
import type { Seen } from '../../triage/actions';
import { sqliteDuplicates } from './sqlite-duplicates';
import { campaignsOwingScreening, isScreeningOwed, screeningOwedCount } from './sqlite-owed';
import { sqliteOverrides } from './sqlite-overrides';
import { screeningDetail, screeningLines, screeningPage } from './sqlite-reads';
import { sqliteScreeningRun } from './sqlite-run';

/**
 * Screening's store: all of its SQL, behind one interface. Each method is one unit of work: one
 * read, or one whole transaction (a run's results with the overrides they make stale and the owed
 * mark; an override; a duplicate decision). The rules themselves (shared/domain/eligibility) and
 * what a run writes (../run.ts) stay outside, the same for every engine.
 *
 * The SQLite implementation (sqliteScreeningStore, the files beside this one) is raw better-sqlite3:
 * a run reads and writes tens of thousands of rows (sqlite-run.ts keeps the campaign's inputs
 * cached per connection), the pages read thousands (sqlite-reads.ts); overrides
 * (sqlite-overrides.ts), duplicate decisions (sqlite-duplicates.ts), screening owed
 * (sqlite-owed.ts), and the effective verdict as SQL, shared with triage and the overview
 * (sqlite-effective-verdict.ts). Writes go through db/write-transaction.ts. What a PostgreSQL
 * adapter must translate, SQLite-only:
 * - TRIGGERS that count what screening owes (0007) and bump applications_version (0005), which the
 *   owed mark and the input cache rely on; and search_pending's trigger (triage);
 * - `INDEXED BY` (screening_overrides_active, in ACTIVE_OVERRIDE);
 * - `json_each` (the reason filter over reasons_json, a list of refs as one JSON parameter);
 * - `LIKE … ESCAPE '\'` (case-insensitive for ASCII in SQLite: PostgreSQL needs ILIKE);
 * - `ON CONFLICT … DO UPDATE` (results, duplicate decisions);
 * - booleans as 0/1 (`sum(verdict = 'review')`), `.raw()` rows as arrays, `lastInsertRowid`.
 * The PostgreSQL implementation (pgScreeningStore, pg.ts and the pg-*.ts beside it) translates
 * them; the rows both engines read are shaped once (rows-of.ts, inputs-of.ts).
 */
export interface ScreeningStore {
  /** One page of a screening tab, with the counts of the campaign's tabs (whatever the search). */
  page(query: ScreeningPageQuery): Promise<ScreeningPage>;
  /** Everything screening knows of one application. */
  /** An application's detail; its person's notices are the notices store's to add. */
  detail(ref: number): Promise<Omit<ScreeningDetail, 'notices'>>;
  /** Every stored application's verdict, by Application ID (the CLI's screen --json). */
  lines(campaignId: number): Promise<ScreeningLine[]>;
  /**
   * Records officers' verdicts on applications, in one transaction: each replaces the decisions
   * before it (kept on record as superseded), with the automatic result beside it, and is audited.
   * Returns the campaigns concerned.
   */
  /** Refused whole (ChangedMeanwhile) when an application's standing override is not the one the officer saw (`seen`: override-rules.ts). */
  overrideVerdicts(request: { refs: number[]; verdict: ScreeningVerdict; justification: string; seen?: Seen[] }, officer: string): Promise<Set<number>>;

  /** A campaign's screening inputs and persons (identity rule plus officers' confirmed pairs). */
  screeningInputs(campaignId: number): Promise<ScreeningInputs>;
  /** The results stored for a campaign, by application ref: what a run compares its outcomes with. */
  storedResults(campaignId: number): Promise<Map<number, StoredResult>>;
  /**
   * Writes a run's changed results in one transaction, making stale the overrides whose
   * application's data changed (audited), and records (`owed`) the count of changes they follow.
   * `results` may be computed lazily while they are written.
   */
  writeResults(campaignId: number, results: Iterable<ResultWrite>, options: { actor: string; at: string; owed?: number }): Promise<{ staleOverrides: number }>;
  /** The stored verdicts and where each triaged application stands: what a rule change weighs. */
  impactBasis(campaignId: number): Promise<{ current: Map<number, Verdict>; triaged: Map<number, TriagedApplication> }>;

  /** Applications that look like one person but are not joined, with the inputs they were found among. */
  possibleDuplicates(campaignId: number): Promise<{ rows: readonly StoredRow[]; pairs: PossibleDuplicate[] }>;
  /** Officers' decisions on pairs, newest first. */
  duplicateDecisions(campaignId: number): Promise<DuplicateDecision[]>;
  /** The screened applications among `refs`, as a pair shows them. */
  duplicateSides(refs: number[]): Promise<Map<number, DuplicateSide>>;
  /**
   * Records an officer's decision on a pair of refs, lower first ('undecided' takes it back), with an
   * audit entry. Returns the campaign, and whether it must be screened again (a confirmation made or
   * taken back).
   */
  decideDuplicate(pair: { a: number; b: number }, decision: DuplicateDecision['decision'] | 'undecided', actor: string, now?: Date): Promise<{ campaignId: number; rescreen: boolean }>;

  /** The count of changes owed so far. Read it BEFORE reading the settings and applications to screen. */
  owedCount(campaignId: number): Promise<number>;
  /** Whether a campaign has changes its stored results do not follow yet. */
  isOwed(campaignId: number): Promise<boolean>;
  /** Every campaign with changes its stored results do not follow (after a crash, say). */
  campaignsOwing(): Promise<number[]>;
}

export interface ScreeningPageQuery {
  campaignId: number;
  tab: ScreeningTab;
  search: string;
  reason?: string;
  offset: number;
  limit: number;
}

export interface StoredRow {
  id: number;
  input: ScreeningInput;
  /** Fingerprint of the raw fields the rules read: an override stands while it is the same. */
  inputHash: string;
}

export interface ScreeningInputs {
  rows: readonly StoredRow[];
  inputs: readonly ScreeningInput[];
  persons: PersonIndex;
}

export interface StoredResult {
  signature: string;
  inputHash: string;
  verdict: Verdict;
  personKey: string;
}

/** One changed result, as a run decided to write it. */
export interface ResultWrite {
  ref: number;
  applicationId: string;
  verdict: Verdict;
  reasons: readonly string[];
  criteria: readonly CriterionResult[];
  personKey: string;
  inputHash: string;
  signature: string;
  /** The verdict and the person are as stored: only the other columns change (sparing their indexes). */
  detailsOnly: boolean;
  /** The application's data changed since the stored result: its active override goes stale. */
  dataChanged: boolean;
}

/** A triaged application (an officer did something to it): its stage, queue, and active override's verdict. */
export interface TriagedApplication {
  stage: Stage;
  division: string | null;
  override: Verdict | null;
}

export interface DuplicateDecision {
  a: number;
  b: number;
  decision: 'confirmed' | 'dismissed';
  signals: DuplicateSignalName[];
  actor: string;
  at: string;
}

/** The SQLite implementation, answering synchronously; hot statements prepared once per connection. */
export function sqliteScreeningStore(sqlite: SqliteDatabase): Synchronous<ScreeningStore> {
  const run = sqliteScreeningRun(sqlite);
  return {
    page: (query) => screeningPage(sqlite, query),
    detail: (ref) => screeningDetail(sqlite, ref),
    lines: (campaignId) => screeningLines(sqlite, campaignId),
    ...sqliteOverrides(sqlite),
    ...run,
    ...sqliteDuplicates(sqlite, run.possibleDuplicates),
    owedCount: (campaignId) => screeningOwedCount(sqlite, campaignId),
    isOwed: (campaignId) => isScreeningOwed(sqlite, campaignId),
    campaignsOwing: () => campaignsOwingScreening(sqlite),
  };
}
