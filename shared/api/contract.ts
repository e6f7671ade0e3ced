import { z } from 'zod';
import { campaignSettingsSchema, type CampaignSettings } from '../domain/settings';
import { APPLICATION_FIELDS, CORRECTABLE_FIELDS, type ApplicationFieldKey } from '../domain/application-fields';
import { DIVISION_CODES } from '../domain/divisions';
import type { AppErrorData, BackupProblem } from './errors';
import { MAX_RUBRIC_CRITERIA, NOT_RETAINED_REASONS, SCORE_MAX, SCORE_MIN, STAGE_IDS, UNASSIGNED_QUEUE, type Stage } from '../domain/stages';
import { TEXT_ENCODINGS, type TextEncoding } from '../domain/text-encodings';
import type { DivisionProgress, NextStep, VerdictCounts } from '../domain/season-progress';
import type { CefrLevel, FundingTrack } from '../domain/listed-values';

export type { DivisionProgress, NextStep, VerdictCounts };

/**
 * The one API between the renderer (or CLI, or tests) and the services. Every method has a zod
 * schema for its input, checked in the main process / worker before any service runs, and an
 * output type. Transports (Electron IPC, the web host, in-process) carry `{ method, input }` and
 * return an `ApiResult`; none of them knows what a method does.
 */

/** Names an output type without a runtime schema: outputs are produced by our own code. */
function returns<T>(): T {
  return undefined as T;
}

const campaignId = z.number().int().positive();
/** A backup's file name as listed: a name, never a path (no folder separators, ends in .sqlite). */
const backupFileName = z.string().min(1).max(255).regex(/^[^/\\:]+\.sqlite$/, 'not a backup file name');
const emptyInput = z.object({}).strict();

// ---- Output types ------------------------------------------------------------------------

export interface AppInfo {
  version: string;
  schemaVersion: number;
  databasePath: string;
  backupDirectory: string;
  /** The OS user: the default officer name. */
  userName: string;
  /** The name this OS user's decisions carry (recorded once; the OS user name until then). */
  officer: string;
  /** True when no campaign of this database holds applications yet: show the first-run screen. */
  isEmpty: boolean;
}

export interface CampaignSummary {
  id: number;
  name: string;
  createdAt: string;
  applicationCount: number;
}

export interface Campaign {
  id: number;
  name: string;
  createdAt: string;
  updatedAt: string;
  settings: CampaignSettings;
}

export interface CountRow {
  /** A division code, funding value, country… or null when the export left it blank / unreadable. */
  key: string | null;
  count: number;
}

export interface Overview {
  campaignId: number;
  campaignName: string;
  applications: number;
  /** Distinct applicant accounts (candidate id, or e-mail when the id is missing). */
  applicants: number;
  /** Applications whose candidate account sent more than one. */
  repeatApplications: number;
  /** NATO-funded applications submitted after the campaign's deadline. */
  lateNatoFunded: number;
  byDivision: CountRow[];
  byFunding: CountRow[];
  bySession: CountRow[];
  /** Countries (ISO alpha-2), however the export spelled them; null: a nationality naming no country. */
  topNationalities: CountRow[];
  /** Submissions per ISO week (Monday, YYYY-MM-DD), oldest first. */
  byWeek: CountRow[];
  firstSubmission: string | null;
  lastSubmission: string | null;
  /** The verdicts that count (an officer's override, else the automatic one). */
  verdicts: VerdictCounts;
  /** Triage per division queue (eligible applications), the unassigned queue last. */
  divisions: DivisionProgress[];
  nextStep: NextStep;
}

export interface BackupInfo {
  file: string;
  path: string;
  createdAt: string;
  reason: BackupReason;
  sizeBytes: number;
}

export const BACKUP_REASONS = ['manual', 'open', 'migration', 'periodic', 'restore'] as const;
export type BackupReason = (typeof BACKUP_REASONS)[number];

export interface DatabaseInfo {
  path: string;
  schemaVersion: number;
  sizeBytes: number;
  /** Where this database's backups are written. */
  backupDirectory: string;
  backups: BackupInfo[];
  /** The last backup failed (and none succeeded since): a warning naming the backup folder. */
  backupProblem: BackupProblem | null;
}

export interface DemoResult {
  campaignId: number;
  inserted: number;
  durationMs: number;
}

export interface RestoreResult {
  restoredFrom: string;
  integrity: 'ok';
  /** The backup taken of the database as it was just before the restore. */
  safetyBackup: BackupInfo | null;
}

// ---- Import ------------------------------------------------------------------------------

const fieldKeys = APPLICATION_FIELDS.map((f) => f.key) as [ApplicationFieldKey, ...ApplicationFieldKey[]];

/** What one source column becomes: a field, ignored, or kept as an extra attribute. */
export const columnTargetSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('field'), field: z.enum(fieldKeys) }).strict(),
  z.object({ kind: z.literal('ignore') }).strict(),
  z.object({ kind: z.literal('extra') }).strict(),
]);
export type ColumnTarget = z.infer<typeof columnTargetSchema>;

export interface ImportColumn {
  /** 0-based position in the file. */
  index: number;
  /** The header as written. */
  header: string;
  /** Spreadsheet column letters (A, B, … AA), as the user sees them in Excel. */
  letter: string;
  /** Up to three non-empty example values from the first rows. */
  examples: string[];
  /** What the header matched automatically (null: no field recognised). */
  detected: ApplicationFieldKey | null;
}

export interface ImportInspection {
  jobId: string;
  campaignId: number;
  fileName: string;
  sizeBytes: number;
  format: 'csv' | 'xlsx';
  /** The text encoding read with (null for .xlsx): detected, or the one asked for. */
  encoding: TextEncoding | null;
  /**
   * Values of the first rows that look decoded in the wrong encoding ("J�rgen", "ƒmilie Nov‡k"),
   * control characters shown as �: when any, the user should pick the file's encoding. Empty when none.
   */
  garbled: string[];
  delimiter: string | null;
  columns: ImportColumn[];
  /** The mapping offered: the one saved for these headers in this campaign, else the automatic one. */
  mapping: ColumnTarget[];
  mappingSource: 'saved' | 'automatic';
}

/** Why a row could not be taken; `code` lets the UI say it in the user's language. */
export const REJECTION_CODES = [
  'MissingApplicationId',
  'MissingStatus',
  'UnknownStatus',
  'MissingSubmittedOn',
  'UnreadableSubmittedOn',
  'DuplicateApplicationId',
  'TooManyValues',
] as const;
export type RejectionCode = (typeof REJECTION_CODES)[number];

export interface RejectedRow {
  /** Spreadsheet row number: the header is row 1. */
  row: number;
  /** The header of the column at fault, as written in the file (null when the whole row is at fault). */
  column: string | null;
  code: RejectionCode;
  /** The same in plain English, for the CLI and logs. */
  message: string;
  /** The value at fault, as written. */
  value: string | null;
}

export interface ImportCounts {
  totalRows: number;
  added: number;
  updated: number;
  unchanged: number;
  skippedDrafts: number;
  rejected: number;
}

/** An application the export would update, and what would change (shown before anything is stored). */
export interface ImportUpdate {
  applicationId: string;
  /** The row of the file. */
  row: number;
  /** Field by field; long texts cut to a few hundred characters. `field` is a field key, or 'extraAttributes'. */
  changes: { field: string; before: string | null; after: string | null }[];
  /** First name, last name or date of birth changed: perhaps another person under the same Application ID. */
  identityChanged: boolean;
}

export interface ImportPreview {
  jobId: string;
  counts: ImportCounts;
  /** The first rejected rows (all of them up to 1,000), in file order. */
  rejected: RejectedRow[];
  /** The first updated applications (up to 500), in file order, with what changes. */
  updates: ImportUpdate[];
  /** Updated applications whose name or date of birth changes (all of them, not only those listed). */
  identityChanges: number;
}

export interface ImportRecord {
  id: number;
  campaignId: number;
  fileName: string;
  sizeBytes: number;
  sha256: string;
  format: string;
  encoding: string | null;
  actor: string;
  startedAt: string;
  finishedAt: string;
  counts: ImportCounts;
}

/** Where an import job stands: a window that lost it (a reload) or another window asks. */
export const IMPORT_JOB_STATES = ['inspected', 'reading', 'previewed', 'writing', 'committed', 'cancelled'] as const;
export type ImportJobState = (typeof IMPORT_JOB_STATES)[number];

export interface ImportJobStatus {
  jobId: string;
  campaignId: number;
  fileName: string;
  state: ImportJobState;
  /** The last progress of the reading or writing under way (or just finished). */
  progress: { phase: string | null; done: number; total: number; rows: number | null } | null;
  /** The import as recorded, once committed. */
  record: ImportRecord | null;
  /** Why the job's last preview or commit failed, when that is the last thing that happened to it. */
  error: AppErrorData | null;
}

export interface ImportResult extends ImportRecord {
  rejectedRows: RejectedRow[];
}

// ---- Screening ---------------------------------------------------------------------------

export const VERDICTS = ['eligible', 'ineligible', 'review'] as const;
export type ScreeningVerdict = (typeof VERDICTS)[number];
export const SCREENING_TABS = ['review', 'ineligible', 'eligible', 'all'] as const;
export type ScreeningTab = (typeof SCREENING_TABS)[number];

export interface ScreeningRunSummary {
  screened: number;
  changed: number;
  staleOverrides: number;
  byVerdict: Record<ScreeningVerdict, number>;
  durationMs: number;
}

/** One criterion's judgement, with its explanation as a message key and values (see eligibility/explanation-keys.ts). */
export interface CriterionView {
  criterion: 'age' | 'nationality' | 'education' | 'language' | 'deadline' | 'applicationLimit';
  outcome: 'pass' | 'fail' | 'review';
  code?: string;
  explanation: { key: string; params: Record<string, string | number> };
}

export interface OverrideView {
  id: number;
  verdict: ScreeningVerdict;
  justification: string;
  automaticVerdict: ScreeningVerdict;
  automaticReasons: string[];
  /**
   * 'stale': the application's data changed after the override: an officer must decide again.
   * 'superseded': a later decision replaced it (kept on record).
   */
  state: 'active' | 'stale' | 'superseded';
  actor: string;
  at: string;
}

export interface ScreeningRow {
  /** The stored application's key (not the export's Application ID). */
  ref: number;
  applicationId: string;
  firstName: string;
  lastName: string;
  nationality: string;
  /** The country the nationality names (ISO alpha-2); null: not a country. */
  nationalityCode: string | null;
  division: string;
  /** The division the Division field names; null when it names none. */
  divisionCode: string | null;
  submittedAt: string | null;
  /** The verdict that counts: the active override's, else the automatic one. */
  verdict: ScreeningVerdict;
  automaticVerdict: ScreeningVerdict;
  reasons: string[];
  override: OverrideView | null;
}

export interface ScreeningPage {
  rows: ScreeningRow[];
  /** Rows in this tab with this search, for paging. */
  total: number;
  counts: Record<ScreeningTab, number>;
  /** Applications with an override an officer must look at again. */
  staleOverrides: number;
}

export interface ScreeningDetail {
  row: ScreeningRow;
  /** Every export field as imported (raw text), by field key. */
  raw: Record<string, string>;
  /** The parsed forms the rules used (null: unreadable). */
  parsed: Record<string, string | number | boolean | null>;
  extra: Record<string, string>;
  criteria: CriterionView[];
  /** Every override ever made, newest first (the automatic result stays on record beside each). */
  overrides: OverrideView[];
  /** The person this application belongs to (identity rule of the rules document): all their applications. */
  person: { key: string; applications: { ref: number; applicationId: string; division: string; submittedAt: string | null; verdict: ScreeningVerdict }[] };
  rulesVersion: number;
  screenedAt: string;
  /** Officers' corrections of imported values, newest first. */
  corrections: CorrectionView[];
  /** What newer exports changed, newest first. */
  exportChanges: ExportChangeView[];
}

/** What one newer export changed in an application (the application's history). */
export interface ExportChangeView {
  /** The import that brought the change; null when its record is gone. */
  importId: number | null;
  fileName: string | null;
  at: string;
  /** `field` is a field key, or 'extraAttributes' for the columns kept as extra attributes. */
  changes: { field: string; before: string | null; after: string | null }[];
}

export interface CorrectionView {
  id: number;
  field: ApplicationFieldKey;
  /** What the export said. */
  imported: string;
  corrected: string;
  reason: string;
  /** 'superseded': a later import or correction replaced it; 'withdrawn': set back to the export's value. */
  state: 'active' | 'superseded' | 'withdrawn';
  actor: string;
  at: string;
}

/** One side of a possible duplicate. */
export interface DuplicateSide {
  ref: number;
  applicationId: string;
  firstName: string;
  lastName: string;
  dateOfBirth: string;
  email: string;
  nationality: string;
  division: string;
  submittedAt: string | null;
  verdict: ScreeningVerdict;
  /** The person (identity rule plus confirmed pairs) it belongs to. */
  personKey: string;
}

export const DUPLICATE_SIGNALS = ['similarNames', 'swappedNames', 'emailVariant'] as const;
export type DuplicateSignalName = (typeof DUPLICATE_SIGNALS)[number];

export interface DuplicatePair {
  a: DuplicateSide;
  b: DuplicateSide;
  /** Why they look alike (empty for a decided pair that no longer looks alike). */
  signals: DuplicateSignalName[];
  decision: { decision: 'confirmed' | 'dismissed'; actor: string; at: string } | null;
}

export interface DuplicateList {
  /** Pairs the identity rule does not join that look like one person, not yet decided. */
  open: DuplicatePair[];
  /** Pairs an officer confirmed or dismissed, newest first. */
  decided: DuplicatePair[];
}

/** What a change of settings would do to verdicts, before it is saved. */
export interface SettingsImpact {
  screened: number;
  /** Applications whose automatic verdict would change, by from -> to; largest first. */
  moves: { from: ScreeningVerdict; to: ScreeningVerdict; count: number }[];
  /**
   * Applications an officer has triaged (a stage beyond New, a score, an assignee) that would leave
   * the division queues, by stage and division (null: Unassigned); largest first. They keep their
   * triage state, and come back at their stage if a later change makes them eligible again.
   */
  leavingQueues: { stage: Stage; division: string | null; count: number }[];
}

/** One line of `cohort screen --json`. */
export interface ScreeningLine {
  applicationId: string;
  verdict: ScreeningVerdict;
  reasons: string[];
  override?: { verdict: ScreeningVerdict; state: 'active' | 'stale' };
}


// ---- Triage (issue 5) ----------------------------------------------------------------------

/** A division's queue, the queue of applications without a readable division, or every division. */
export const QUEUE_IDS = [...DIVISION_CODES, UNASSIGNED_QUEUE, 'all'] as const;
export type QueueId = (typeof QUEUE_IDS)[number];

/** Columns of the queue table; each can be shown, ordered and sorted by. */
export const TRIAGE_COLUMNS = [
  'applicationId',
  'name',
  'nationality',
  'division',
  'stage',
  'score',
  'funding',
  'preferredSession',
  'fieldOfStudy',
  'university',
  'englishLevel',
  'frenchLevel',
  'otherLanguages',
  'submittedAt',
  'assignee',
] as const;
export type TriageColumn = (typeof TRIAGE_COLUMNS)[number];

export const triageFilterSchema = z
  .object({
    stages: z.array(z.enum(STAGE_IDS)).max(STAGE_IDS.length).optional(),
    /** Only applications assigned to this officer ("My queue"); '' for unassigned ones. */
    assignee: z.string().max(200).optional(),
    /** Country codes (ISO alpha-2); '' for nationalities that name no country. */
    nationality: z.array(z.union([z.string().regex(/^[A-Z]{2}$/), z.literal('')])).max(300).optional(),
    funding: z.array(z.enum(['nato', 'grant', 'unknown'])).max(3).optional(),
    preferredSession: z.array(z.string().max(200)).max(50).optional(),
    fieldOfStudy: z.string().max(200).optional(),
    university: z.string().max(200).optional(),
    /** Applications whose English (or French) is at least this level. */
    englishAtLeast: z.enum(['A1', 'A2', 'B1', 'B2', 'C1', 'C2']).optional(),
    frenchAtLeast: z.enum(['A1', 'A2', 'B1', 'B2', 'C1', 'C2']).optional(),
    scoreAtLeast: z.number().min(1).max(5).optional(),
    unscored: z.boolean().optional(),
    submittedFrom: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
    submittedTo: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
    /** Full-text search over the application id, names, e-mail, university, field of study, position and motivation. */
    search: z.string().max(200).optional(),
  })
  .strict();
export type TriageFilter = z.infer<typeof triageFilterSchema>;

export const triageSortSchema = z.array(z.object({ column: z.enum(TRIAGE_COLUMNS), descending: z.boolean() }).strict()).max(4);
export type TriageSort = z.infer<typeof triageSortSchema>;

const triageQuery = { campaignId, queue: z.enum(QUEUE_IDS), filter: triageFilterSchema.default({}) };

export interface TriageRow {
  ref: number;
  applicationId: string;
  firstName: string;
  lastName: string;
  /** As the export wrote it (shown in the detail). */
  nationality: string;
  /** The country it names (ISO alpha-2), shown by name in the interface's language; null: not a country. */
  nationalityCode: string | null;
  division: string;
  divisionCode: string | null;
  stage: Stage;
  reason: string | null;
  score: number | null;
  /** As the export wrote it; `fundingTrack` is what it reads as (null: unreadable). */
  funding: string;
  fundingTrack: FundingTrack | null;
  preferredSession: string;
  fieldOfStudy: string;
  university: string;
  /** As written ("c1", "Mother tongue"); the `Cefr` fields are the levels they read as (null: unreadable). */
  englishLevel: string;
  englishCefr: CefrLevel | null;
  frenchLevel: string;
  frenchCefr: CefrLevel | null;
  otherLanguages: string;
  submittedAt: string | null;
  assignee: string | null;
}

export interface TriagePage {
  rows: TriageRow[];
  /** Rows of the whole view (filter and search), for the scroll bar; null when not asked for. */
  total: number | null;
  offset: number;
  /** The search terms as the index reads them, for highlighting. */
  searchTerms: string[];
}

export interface QueueCounts {
  queue: Exclude<QueueId, 'all'>;
  total: number;
  byStage: Record<Stage, number>;
}

export interface TriageSidebar {
  queues: QueueCounts[];
  /** Applications assigned to the current officer, per stage. */
  mine: Record<Stage, number>;
  officer: string;
}

export interface RubricCriterion {
  id: number;
  label: string;
}

export interface TriageHistoryEntry {
  actionId: number;
  kind: TriageActionKind;
  actor: string;
  at: string;
  before: TriageStateView;
  after: TriageStateView;
  /** Set when the action was undone. */
  undone: { at: string; by: string } | null;
}

export interface TriageStateView {
  stage: Stage;
  reason: string | null;
  assignee: string | null;
  score: number | null;
  scores?: Record<string, number>;
  note?: string;
  /** The Division field, for an action that gave one. */
  division?: string;
}

export const TRIAGE_ACTION_KINDS = ['stage', 'score', 'note', 'assign', 'division'] as const;
export type TriageActionKind = (typeof TRIAGE_ACTION_KINDS)[number];

export interface TriageDetail {
  ref: number;
  campaignId: number;
  /** Every export field as stored (raw text, corrections applied), by field key. */
  raw: Record<string, string>;
  extra: Record<string, string>;
  state: TriageStateView;
  screening: { verdict: ScreeningVerdict; automaticVerdict: ScreeningVerdict; reasons: string[]; criteria: CriterionView[]; override: OverrideView | null };
  /** The person's other applications, with their divisions and stages. */
  otherApplications: { ref: number; applicationId: string; division: string; divisionCode: string | null; stage: Stage; verdict: ScreeningVerdict; submittedAt: string | null }[];
  rubric: RubricCriterion[];
  /** Scores given on this application, by rubric criterion id (0: overall score when the division has no rubric). */
  scores: { criterionId: number; score: number; comment: string | null; actor: string; at: string }[];
  notes: { id: number; text: string; actor: string; at: string }[];
  history: TriageHistoryEntry[];
  /** What newer exports changed, newest first. */
  exportChanges: ExportChangeView[];
}

export interface TriageActionResult {
  actionId: number;
  /** Applications changed (a bulk action counts each). */
  changed: number;
}

export interface UndoResult {
  actionId: number;
  kind: TriageActionKind;
  /** Applications put back as they were. */
  restored: number;
  /** Application refs the undone action touched (the queue shows the first). */
  refs: number[];
}

export interface SavedView {
  id: number;
  name: string;
  queue: QueueId;
  filter: TriageFilter;
  sort: TriageSort;
  columns: TriageColumn[];
  updatedAt: string;
}

// ---- Methods -----------------------------------------------------------------------------

export const methods = {
  'app.info': { input: emptyInput, output: returns<AppInfo>() },

  'campaign.list': { input: emptyInput, output: returns<CampaignSummary[]>() },
  'campaign.get': { input: z.object({ campaignId }).strict(), output: returns<Campaign>() },
  'campaign.create': {
    input: z
      .object({
        name: z.string().trim().min(1, 'A campaign needs a name').max(200),
        settings: campaignSettingsSchema.partial().optional(),
      })
      .strict(),
    output: returns<Campaign>(),
  },
  'campaign.update': {
    input: z
      .object({
        campaignId,
        name: z.string().trim().min(1, 'A campaign needs a name').max(200).optional(),
        settings: campaignSettingsSchema.partial().optional(),
      })
      .strict(),
    output: returns<Campaign>(),
  },

  'overview.get': { input: z.object({ campaignId }).strict(), output: returns<Overview>() },

  'demo.load': {
    input: z
      .object({
        /** Into this campaign; by default the first campaign of the database. */
        campaignId: campaignId.optional(),
        count: z.number().int().min(1).max(100_000).default(2000),
        seed: z.number().int().min(0).max(2 ** 31).optional(),
      })
      .strict(),
    output: returns<DemoResult>(),
  },

  'database.info': { input: emptyInput, output: returns<DatabaseInfo>() },
  'database.backupNow': { input: emptyInput, output: returns<BackupInfo>() },
  'database.listBackups': { input: emptyInput, output: returns<BackupInfo[]>() },
  /** Deletes one of this database's backups, named as database.listBackups names it. */
  'database.deleteBackup': {
    input: z.object({ file: backupFileName }).strict(),
    output: returns<{ deleted: string }>(),
  },
  'database.restore': {
    input: z.object({ file: z.string().min(1).max(255) }).strict(),
    output: returns<RestoreResult>(),
  },
  /** Switch to another database file (File > Open, File > New). `create` refuses an existing file. */
  'database.open': {
    input: z
      .object({ path: z.string().min(1).max(4096), create: z.boolean().default(false) })
      .strict(),
    output: returns<DatabaseInfo>(),
  },

  /** Reads a file's headers and first rows; proposes a mapping. Writes nothing. */
  'import.inspect': {
    /** `encoding`: read a delimited file in this encoding instead of the detected one (ignored for .xlsx). */
    input: z.object({ campaignId, path: z.string().min(1).max(4096), encoding: z.enum(TEXT_ENCODINGS).optional() }).strict(),
    output: returns<ImportInspection>(),
  },
  /** Reads the whole file with this mapping and counts what would happen. Writes nothing. */
  'import.preview': {
    input: z.object({ jobId: z.string().min(1).max(100), mapping: z.array(columnTargetSchema).max(20_000) }).strict(),
    output: returns<ImportPreview>(),
  },
  /** Stores the previewed file: all of it, in one transaction, or nothing. */
  'import.commit': { input: z.object({ jobId: z.string().min(1).max(100) }).strict(), output: returns<ImportResult>() },
  /** Stops a preview under way, or forgets a previewed file: nothing is left behind. */
  'import.cancel': { input: z.object({ jobId: z.string().min(1).max(100) }).strict(), output: returns<{ cancelled: boolean }>() },
  /** Where an import job stands (it may have finished while the window that began it was reloaded). */
  'import.status': { input: z.object({ jobId: z.string().min(1).max(100) }).strict(), output: returns<ImportJobStatus>() },
  'import.list': { input: z.object({ campaignId }).strict(), output: returns<ImportRecord[]>() },
  'import.rejections': {
    input: z.object({ importId: z.number().int().positive() }).strict(),
    output: returns<RejectedRow[]>(),
  },
  /** The rejected rows of an import as a CSV to send back or fix (applicant text neutralised for spreadsheets). */
  'import.rejectionsCsv': {
    input: z.object({ importId: z.number().int().positive() }).strict(),
    output: returns<{ fileName: string; csv: string }>(),
  },

  /** Screens the whole campaign and stores what changed (runs by itself after imports and setting changes). */
  'screening.run': { input: z.object({ campaignId }).strict(), output: returns<ScreeningRunSummary>() },
  /** One page of a screening tab, filtered in the database. */
  'screening.list': {
    input: z
      .object({
        campaignId,
        tab: z.enum(SCREENING_TABS),
        search: z.string().max(200).default(''),
        reason: z.string().max(40).optional(),
        offset: z.number().int().min(0).default(0),
        limit: z.number().int().min(1).max(500).default(100),
      })
      .strict(),
    output: returns<ScreeningPage>(),
  },
  'screening.detail': { input: z.object({ ref: z.number().int().positive() }).strict(), output: returns<ScreeningDetail>() },
  /** Overrides the verdict of one or many applications; the justification is mandatory and audited. */
  'screening.override': {
    input: z
      .object({
        refs: z.array(z.number().int().positive()).min(1).max(10_000),
        verdict: z.enum(VERDICTS),
        justification: z.string().trim().min(10, 'Write a justification of at least 10 characters').max(2000),
      })
      .strict(),
    output: returns<{ overridden: number }>(),
  },
  /** Screens the campaign with other settings, in memory, and says which verdicts would move. Writes nothing. */
  'screening.previewSettings': {
    input: z.object({ campaignId, settings: campaignSettingsSchema.partial() }).strict(),
    output: returns<SettingsImpact>(),
  },
  /** Corrects one imported value (raw text) with a reason; the campaign is screened again. */
  'application.correct': {
    input: z
      .object({
        ref: z.number().int().positive(),
        field: z.enum(CORRECTABLE_FIELDS),
        value: z.string().max(20_000),
        reason: z.string().trim().min(3, 'Say why, in a few words').max(2000),
      })
      .strict(),
    output: returns<{ changed: boolean }>(),
  },
  /** Applications the identity rule does not join that look like one person, and officers' decisions on them. */
  'screening.duplicates': { input: z.object({ campaignId }).strict(), output: returns<DuplicateList>() },
  /** Confirms (one person: the limit counts them together), dismisses, or reopens a pair; the campaign is screened again. */
  'screening.decideDuplicate': {
    input: z
      .object({ a: z.number().int().positive(), b: z.number().int().positive(), decision: z.enum(['confirmed', 'dismissed', 'undecided']) })
      .strict()
      .refine((v) => v.a !== v.b, 'A pair needs two different applications'),
    output: returns<{ decided: boolean }>(),
  },
  /** Counts per division queue and stage, and the current officer's own applications. */
  'triage.sidebar': { input: z.object({ campaignId }).strict(), output: returns<TriageSidebar>() },
  /** One page of a queue, filtered, searched and sorted in the database. */
  'triage.list': {
    input: z
      .object({
        ...triageQuery,
        sort: triageSortSchema.default([]),
        offset: z.number().int().min(0).default(0),
        limit: z.number().int().min(1).max(1000).default(200),
        /** False when the caller knows the total already (reloading a later page): spares a count. */
        withTotal: z.boolean().default(true),
      })
      .strict(),
    output: returns<TriagePage>(),
  },
  /** Every application ref of a view, in its order (select all, bulk actions). */
  'triage.refs': { input: z.object({ ...triageQuery, sort: triageSortSchema.default([]) }).strict(), output: returns<number[]>() },
  'triage.detail': { input: z.object({ ref: z.number().int().positive() }).strict(), output: returns<TriageDetail>() },
  /** Moves applications to a stage (with a reason for "not retained"), assigns them, or gives an unassigned one its division. One action, one undo. */
  'triage.decide': {
    input: z
      .object({
        refs: z.array(z.number().int().positive()).min(1).max(50_000),
        stage: z.enum(STAGE_IDS).optional(),
        reason: z.enum(NOT_RETAINED_REASONS).nullable().optional(),
        /** An officer's name, or null to take the assignment back. */
        assignee: z.string().trim().min(1).max(200).nullable().optional(),
        division: z.enum(DIVISION_CODES).optional(),
      })
      .strict()
      .refine((v) => v.stage !== undefined || v.assignee !== undefined || v.division !== undefined, 'Say what to change: a stage, an assignment or a division'),
    output: returns<TriageActionResult>(),
  },
  /** Scores applications 1-5 on one rubric criterion (0: the overall score of a division without a rubric). */
  'triage.score': {
    input: z
      .object({
        refs: z.array(z.number().int().positive()).min(1).max(50_000),
        criterionId: z.number().int().min(0),
        score: z.number().int().min(SCORE_MIN).max(SCORE_MAX).nullable(),
        comment: z.string().trim().max(2000).optional(),
      })
      .strict(),
    output: returns<TriageActionResult>(),
  },
  'triage.note': {
    input: z.object({ ref: z.number().int().positive(), text: z.string().trim().min(1, 'Write the note').max(10_000) }).strict(),
    output: returns<TriageActionResult>(),
  },
  /** Undoes the current officer's last action in this campaign that is not undone yet. */
  'triage.undo': { input: z.object({ campaignId }).strict(), output: returns<UndoResult>() },
  'triage.rubric': { input: z.object({ campaignId, division: z.enum(DIVISION_CODES) }).strict(), output: returns<RubricCriterion[]>() },
  'triage.setRubric': {
    input: z
      .object({
        campaignId,
        division: z.enum(DIVISION_CODES),
        /** In order; an id keeps a criterion (renamed or not), no id adds one; criteria left out are retired (their scores stay). */
        criteria: z.array(z.object({ id: z.number().int().positive().optional(), label: z.string().trim().min(1).max(100) }).strict()).max(MAX_RUBRIC_CRITERIA),
      })
      .strict(),
    output: returns<RubricCriterion[]>(),
  },
  /** Values met in a queue for the filter lists (nationalities, sessions, universities…), most frequent first. */
  'triage.facets': { input: z.object({ campaignId, queue: z.enum(QUEUE_IDS) }).strict(), output: returns<Record<'nationality' | 'preferredSession' | 'fieldOfStudy' | 'university', CountRow[]>>() },
  'triage.views': { input: z.object({ campaignId }).strict(), output: returns<SavedView[]>() },
  'triage.saveView': {
    input: z
      .object({
        campaignId,
        name: z.string().trim().min(1, 'Name the view').max(100),
        queue: z.enum(QUEUE_IDS),
        filter: triageFilterSchema,
        sort: triageSortSchema,
        columns: z.array(z.enum(TRIAGE_COLUMNS)).min(1).max(TRIAGE_COLUMNS.length),
      })
      .strict(),
    output: returns<SavedView>(),
  },
  'triage.deleteView': { input: z.object({ id: z.number().int().positive() }).strict(), output: returns<{ deleted: boolean }>() },
  /** The name the current OS user's decisions carry (default: the OS user name). */
  'app.setOfficerName': { input: z.object({ name: z.string().trim().min(1, 'Write your name').max(200) }).strict(), output: returns<{ officer: string }>() },
  /** Every stored application's automatic verdict, by Application ID (the CLI's screen --json). */
  'screening.lines': { input: z.object({ campaignId }).strict(), output: returns<ScreeningLine[]>() },
} as const;

export type Methods = typeof methods;
export type MethodName = keyof Methods;
export type MethodInput<M extends MethodName> = z.input<Methods[M]['input']>;
export type ParsedInput<M extends MethodName> = z.output<Methods[M]['input']>;
export type MethodOutput<M extends MethodName> = Methods[M]['output'];

export function isMethodName(name: unknown): name is MethodName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(methods, name);
}

// ---- Events ------------------------------------------------------------------------------

export interface ProgressEvent {
  type: 'progress';
  /** Which long job: 'demo', 'import', later 'screening'… */
  job: string;
  /** The job's id when several may run (imports). */
  jobId?: string;
  /** What is being done now, e.g. 'reading' or 'writing' for an import. */
  phase?: string;
  /** Units of work done and in all (rows for the demo, bytes read for an import). */
  done: number;
  total: number;
  /** Rows handled so far, when `done` counts something else (bytes). */
  rows?: number;
}

export interface ChangedEvent {
  type: 'changed';
  /** 'triage': stages, scores, notes, assignments (not verdicts). */
  scope: 'database' | 'campaign' | 'applications' | 'triage';
  /** The applications concerned, when few (a triage action): windows reload only what shows them. */
  refs?: number[];
  campaignId?: number;
}

/** A native-menu command the renderer should carry out (Electron only). */
export interface CommandEvent {
  type: 'command';
  command: 'newCampaign' | 'import' | 'restore' | 'settings' | 'overview';
}

export type ApiEvent = ProgressEvent | ChangedEvent | CommandEvent;

export { CHANNELS } from './channels';

/** What a transport carries for one call. */
export interface ApiRequest {
  method: string;
  input: unknown;
}
