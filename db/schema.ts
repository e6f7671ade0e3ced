import type { Generated, InsertType, SelectType } from 'kysely';
import type { ApplicationFieldKey } from '../shared/domain/application-fields';
import type { Verdict } from '../shared/domain/eligibility/types';
import type { Stage } from '../shared/domain/stages';

/**
 * The current schema as Kysely sees it, in camelCase (the CamelCasePlugin maps to the snake_case
 * columns the migrations create). Every table of a migrated database is here, except those listed
 * in TABLES_NOT_DESCRIBED with their reason.
 *
 * Interfaces vanish at runtime, so SCHEMA_COLUMNS below says the same thing as data: the compiler
 * holds the two together (same tables, same columns, same nullability, Generated where the database
 * fills the value), and test/unit/schema.test.ts holds SCHEMA_COLUMNS against a migrated database.
 * A migration that adds, drops or changes a column therefore fails that test until this file says
 * so, and this file cannot say so in one place only.
 *
 * Conventions: `| null` where the column accepts NULL; Generated<> where the database fills the
 * value when an insert leaves it out (an INTEGER PRIMARY KEY id, a DEFAULT). Times are ISO 8601
 * text; booleans are 0/1 integers; *_json columns are JSON text the services parse.
 */

export interface CampaignsTable {
  id: Generated<number>;
  name: string;
  settingsJson: string;
  createdAt: string;
  updatedAt: string;
  /** Bumped by triggers on each update or deletion of the campaign's applications (0005). */
  applicationsVersion: Generated<number>;
  /** Changes screening follows, counted by triggers (0007); owed while it differs from screeningDone. */
  screeningOwed: Generated<number>;
  screeningDone: Generated<number>;
  /** The day the office closed the campaign: its retention counts from it (0013). */
  closedOn: string | null;
  retentionMonths: Generated<number>;
  /** Copied from the office server to a file (where from, when): read-only here (0014). */
  copiedFrom: string | null;
  /** When its applicants' personal data was purged. */
  purgedAt: string | null;
}

export interface AuditLogTable {
  id: Generated<number>;
  /** Null for what concerns the database rather than a campaign (a backup, a restore). */
  campaignId: number | null;
  at: string;
  actor: string;
  action: string;
  subject: string | null;
  detailsJson: string | null;
}

/**
 * Raw text of every export field, stored as written. Each column but the Application ID defaults
 * to '' in the database, hence Generated: an insert may leave a field out.
 */
type RawApplicationColumns = { [K in Exclude<ApplicationFieldKey, 'applicationId'>]: Generated<string> };

export interface ApplicationsTable extends RawApplicationColumns {
  id: Generated<number>;
  campaignId: number;
  /** The identity within a campaign (UNIQUE with campaignId): no default, unlike the other raw fields. */
  applicationId: string;
  // Parsed forms (null: the raw text could not be read). See shared/domain/parse-application.ts.
  divisionCode: string | null;
  submittedAt: string | null;
  dateOfBirthParsed: string | null;
  degreeDateParsed: string | null;
  yearsCompletedParsed: number | null;
  currentlyEnrolledParsed: number | null;
  fundingParsed: string | null;
  englishLevelParsed: string | null;
  frenchLevelParsed: string | null;
  nationalityCode: string | null;
  nameKey: string | null;
  /** Columns kept as extra attributes: {"header": "value"}. */
  extraJson: string | null;
  /** The import that last wrote this application. */
  importId: number | null;
  source: 'demo' | 'import';
  createdAt: string;
  updatedAt: string;
}

export interface ImportsTable {
  id: Generated<number>;
  campaignId: number;
  fileName: string;
  fileSize: number;
  sha256: string;
  format: string;
  encoding: string | null;
  delimiter: string | null;
  mappingJson: string;
  totalRows: number;
  added: number;
  updated: number;
  unchanged: number;
  skippedDrafts: number;
  rejected: number;
  actor: string;
  startedAt: string;
  finishedAt: string;
}

export interface ImportRejectionsTable {
  id: Generated<number>;
  importId: number;
  rowNumber: number;
  columnName: string | null;
  code: string;
  message: string;
  value: string | null;
  /** The whole rejected row as read: {"header": "value"}. */
  valuesJson: string;
}

export interface ApplicationRevisionsTable {
  id: Generated<number>;
  applicationRef: number;
  importId: number | null;
  field: string;
  oldValue: string | null;
  newValue: string | null;
  at: string;
  /** Who: null for an import (the import names its actor), an officer for a correction. */
  actor: string | null;
}

export interface ImportMappingsTable {
  campaignId: number;
  headerSignature: string;
  mappingJson: string;
  updatedAt: string;
}

/** One automatic result per application (0004); the key is the application, not a rowid of its own. */
export interface ScreeningResultsTable {
  applicationRef: number;
  campaignId: number;
  verdict: Verdict;
  reasonsJson: string;
  criteriaJson: string;
  /** The lowest Application ID of the person the application belongs to (the application limit). */
  personKey: string;
  rulesVersion: number;
  inputHash: string;
  signature: string;
  screenedAt: string;
}

export interface ScreeningOverridesTable {
  id: Generated<number>;
  applicationRef: number;
  verdict: Verdict;
  justification: string;
  automaticVerdict: Verdict;
  automaticReasonsJson: string;
  inputHash: string;
  /** 'active'; 'stale' once the application's data changed (an officer must decide again). */
  state: string;
  actor: string;
  at: string;
}

export interface ApplicationCorrectionsTable {
  id: Generated<number>;
  applicationRef: number;
  field: string;
  importedValue: string;
  correctedValue: string;
  reason: string;
  /** 'active', 'superseded' or 'withdrawn'. */
  state: string;
  actor: string;
  at: string;
}

export interface DuplicateDecisionsTable {
  id: Generated<number>;
  campaignId: number;
  /** The pair, lower application ref first (a CHECK holds it). */
  applicationA: number;
  applicationB: number;
  /** 'confirmed' (one person) or 'dismissed'. */
  decision: string;
  signalsJson: string;
  actor: string;
  at: string;
}

/** Where an eligible application stands; no row means it is new (0006). */
export interface TriageStatesTable {
  applicationRef: number;
  campaignId: number;
  stage: Stage;
  reason: string | null;
  assignee: string | null;
  /** The average of the officers' scores (officer_scores), null before any. */
  score: number | null;
  /** How many officers scored it (0014). */
  scoredBy: Generated<number>;
  /** Shared decisions so far: a decision is refused when it changed since the officer saw it (0014). */
  version: Generated<number>;
  updatedAt: string;
  updatedBy: string;
}

export interface TriageActionsTable {
  id: Generated<number>;
  campaignId: number;
  actor: string;
  kind: string;
  detailsJson: string;
  at: string;
  undoneAt: string | null;
  undoneBy: string | null;
}

/** What one action changed on one application, before and after: the history, and what undo puts back. */
export interface TriageChangesTable {
  actionId: number;
  applicationRef: number;
  beforeJson: string;
  afterJson: string;
}

export interface ApplicationNotesTable {
  id: Generated<number>;
  applicationRef: number;
  actionId: number | null;
  text: string;
  actor: string;
  at: string;
  /** An undone note is hidden, not lost. */
  removedAt: string | null;
}

export interface RubricCriteriaTable {
  id: Generated<number>;
  campaignId: number;
  divisionCode: string;
  position: number;
  label: string;
  /** 0/1: a criterion removed from the rubric keeps the scores given on it. */
  archived: Generated<number>;
}

export interface RubricScoresTable {
  applicationRef: number;
  criterionId: number;
  /** 1 to 5 (a CHECK holds it). */
  score: number;
  comment: string | null;
  actor: string;
  at: string;
}

/** Each officer's overall score of an application: their direct score, or their criteria's average (0014). */
export interface OfficerScoresTable {
  applicationRef: number;
  officer: string;
  score: number;
  at: string;
}

export interface SavedViewsTable {
  id: Generated<number>;
  campaignId: number;
  owner: string;
  name: string;
  viewJson: string;
  updatedAt: string;
}

export interface PreferencesTable {
  /**
   * SQLite lets a PRIMARY KEY that is not an INTEGER PRIMARY KEY hold NULL (a quirk it keeps for
   * old files), and 0006 did not add NOT NULL: the type says what the database accepts. Cohort
   * always writes a key.
   */
  key: string | null;
  value: string;
}

/** The search index's progress: one row (id = 1), applications with a greater id are not indexed yet. */
export interface SearchStateTable {
  id: Generated<number>;
  indexedUpTo: number;
}

/** Indexed applications changed since: the worker indexes them again. */
export interface SearchPendingTable {
  applicationRef: number;
}

/** The code an application goes by with hiring managers, kept once given (0010). */
export interface CandidateCodesTable {
  applicationRef: number;
  campaignId: number;
  divisionCode: string;
  sequence: number;
  /** "DI-042-7": shared/domain/candidate-codes.ts. */
  code: string;
}

export interface ShortlistsTable {
  id: Generated<number>;
  campaignId: number;
  divisionCode: string;
  position: string | null;
  state: 'draft' | 'sent' | 'replied' | 'closed';
  createdBy: string;
  createdAt: string;
  updatedAt: string;
}

/** A candidate on a shortlist, in the office's order, with its note for the hiring manager. */
export interface ShortlistEntriesTable {
  shortlistId: number;
  applicationRef: number;
  rank: number;
  note: string | null;
  addedBy: string;
  addedAt: string;
}

/** A workbook sent to a hiring manager. */
export interface ShortlistExportsTable {
  id: Generated<number>;
  shortlistId: number;
  /** 0/1. */
  blind: number;
  managerName: string | null;
  managerEmail: string | null;
  replyBy: string;
  fileName: string;
  sha256: string;
  codesCheck: string;
  actor: string;
  at: string;
}

/** Who was in a workbook sent, under which code. */
export interface ShortlistExportEntriesTable {
  exportId: number;
  applicationRef: number;
  candidateCode: string;
}

/** A hiring manager's reply, applied. */
export interface ShortlistRepliesTable {
  id: Generated<number>;
  exportId: number;
  fileName: string;
  sha256: string;
  applied: number;
  unchanged: number;
  actionId: number | null;
  actor: string;
  at: string;
}

/** What the stages after triage need besides the stage, per application. */
export interface SelectionDetailsTable {
  applicationRef: number;
  interviewDate: string | null;
  interviewTime: string | null;
  interviewMode: 'inPerson' | 'video' | 'phone' | null;
  interviewer: string | null;
  interviewPlace: string | null;
  interviewOutcome: string | null;
  managerComment: string | null;
  session: 'march' | 'september' | null;
  startDate: string | null;
  reserveRank: number | null;
  offerMadeAt: string | null;
  offerAnsweredAt: string | null;
  withdrawnReason: string | null;
  updatedAt: string;
  updatedBy: string;
}

/** Places per division and session: a setting of the campaign. */
export interface DivisionPlacesTable {
  campaignId: number;
  divisionCode: string;
  session: 'march' | 'september';
  places: number;
}

/** A notice's text, per campaign, outcome and language, as the office edited it (0011). */
export interface NoticeTemplatesTable {
  campaignId: number;
  outcome: string;
  language: 'en' | 'fr';
  subject: string;
  body: string;
  updatedBy: string;
  updatedAt: string;
}

export interface NoticeBatchesTable {
  id: Generated<number>;
  campaignId: number;
  outcome: string;
  format: 'eml' | 'csv';
  actor: string;
  at: string;
}

/** One outcome told (or to be told) to one person. */
export interface NoticesTable {
  id: Generated<number>;
  campaignId: number;
  /** Screening's identity of the person (with the duplicates officers confirmed). */
  personKey: string;
  outcome: string;
  language: 'en' | 'fr';
  email: string | null;
  batchId: number | null;
  state: 'prepared' | 'sent' | 'bounced' | 'superseded';
  /** What the outcome was derived from: each application's verdict and stage, as JSON. */
  basis: string;
  preparedAt: string;
  sentAt: string | null;
  bouncedAt: string | null;
  resentAt: string | null;
  supersededAt: string | null;
  updatedBy: string;
}

export interface NoticeApplicationsTable {
  noticeId: number;
  applicationRef: number;
}

/** The officer's choice of the language a person is written in. */
export interface NoticeLanguagesTable {
  campaignId: number;
  personKey: string;
  language: 'en' | 'fr';
  actor: string;
  at: string;
}

/** Where a person stands for their outcome notice, derived and kept up to date by the notices store (0012). */
export interface NoticeStandingTable {
  campaignId: number;
  personKey: string;
  /** The outcome the person's applications now give; null while any is still being decided. */
  outcome: string | null;
  /** The notice owed, null when none is. */
  owed: string | null;
  /** The latest decision of the person's applications (ISO 8601). */
  since: string;
  /** The divisions the person applied to, as a JSON array. */
  divisionsJson: string;
  /** The notices a later decision made untrue, a JSON array of notice ids. */
  supersededJson: string;
}

/** People whose standing must be worked out again, recorded by triggers with each change (0012). */
export interface NoticeStandingStaleTable {
  campaignId: number;
  personKey: string;
}

/** An erasure or purge whose backups and free pages are still to be cleared (0013). */
export interface PrivacyOwedTable {
  id: Generated<number>;
  kind: 'erase' | 'purge';
  campaignId: number;
  /** The erased person's identity (electron/core/privacy/store/person-scope.ts), until the work is done. */
  identityJson: string | null;
  auditId: number | null;
  at: string;
}

/** A report fact (shared/domain/report-facts.ts) of an application erased or purged, with no key back to it (0013). */
export interface ReportFactsKeptTable {
  id: Generated<number>;
  campaignId: number;
  factJson: string;
}

export interface Database {
  campaigns: CampaignsTable;
  auditLog: AuditLogTable;
  applications: ApplicationsTable;
  imports: ImportsTable;
  importRejections: ImportRejectionsTable;
  applicationRevisions: ApplicationRevisionsTable;
  importMappings: ImportMappingsTable;
  screeningResults: ScreeningResultsTable;
  screeningOverrides: ScreeningOverridesTable;
  applicationCorrections: ApplicationCorrectionsTable;
  duplicateDecisions: DuplicateDecisionsTable;
  triageStates: TriageStatesTable;
  triageActions: TriageActionsTable;
  triageChanges: TriageChangesTable;
  applicationNotes: ApplicationNotesTable;
  rubricCriteria: RubricCriteriaTable;
  rubricScores: RubricScoresTable;
  officerScores: OfficerScoresTable;
  savedViews: SavedViewsTable;
  preferences: PreferencesTable;
  searchState: SearchStateTable;
  searchPending: SearchPendingTable;
  candidateCodes: CandidateCodesTable;
  shortlists: ShortlistsTable;
  shortlistEntries: ShortlistEntriesTable;
  shortlistExports: ShortlistExportsTable;
  shortlistExportEntries: ShortlistExportEntriesTable;
  shortlistReplies: ShortlistRepliesTable;
  selectionDetails: SelectionDetailsTable;
  divisionPlaces: DivisionPlacesTable;
  noticeTemplates: NoticeTemplatesTable;
  noticeBatches: NoticeBatchesTable;
  notices: NoticesTable;
  noticeApplications: NoticeApplicationsTable;
  noticeLanguages: NoticeLanguagesTable;
  noticeStanding: NoticeStandingTable;
  noticeStandingStale: NoticeStandingStaleTable;
  reportFactsKept: ReportFactsKeptTable;
  privacyOwed: PrivacyOwedTable;
}

/**
 * Tables of the migrated database deliberately left out of `Database`, with the reason. The
 * schema test checks that each still exists as a virtual table, so this list cannot hide a plain
 * table. (FTS5's shadow tables, application_search_data and the like, belong to their virtual
 * table: SQLite marks them 'shadow' and the test leaves them out.)
 */
export const TABLES_NOT_DESCRIBED: Readonly<Record<string, string>> = {
  application_search:
    'FTS5 virtual table: contentless, so its columns read back NULL and its rows are reached by the hidden rowid and MATCH, which Kysely does not type; ' +
    'the search index is written and queried in raw SQL (a SQLite-only construct a PostgreSQL adapter replaces).',
};

/** How SQLite declares a column (PRAGMA table_info's type). */
export type SqlType = 'TEXT' | 'INTEGER' | 'REAL';

/** One column as data: what the test compares with PRAGMA table_info. */
export interface ColumnShape {
  readonly type: SqlType;
  /** The column accepts NULL (no NOT NULL, and not the INTEGER PRIMARY KEY, which cannot be NULL). */
  readonly nullable: boolean;
  /** The database fills the value when an insert leaves it out. */
  readonly generated: boolean;
}

type SqlTypeOf<T> = T extends string ? 'TEXT' : T extends number ? 'INTEGER' | 'REAL' : never;

/** The shape a column's TypeScript type implies: SCHEMA_COLUMNS must match it exactly. */
type ShapeOf<V> = {
  readonly type: SqlTypeOf<NonNullable<SelectType<V>>>;
  readonly nullable: null extends SelectType<V> ? true : false;
  readonly generated: undefined extends InsertType<V> ? true : false;
};

/** Every table and every column of DB, each with the shape its type implies; no more, no fewer. */
export type SchemaColumns<DB> = { readonly [T in keyof DB]: { readonly [C in keyof DB[T]]-?: ShapeOf<DB[T][C]> } };

const text = { type: 'TEXT', nullable: false, generated: false } as const;
const textOrNull = { type: 'TEXT', nullable: true, generated: false } as const;
const textDefault = { type: 'TEXT', nullable: false, generated: true } as const;
const integer = { type: 'INTEGER', nullable: false, generated: false } as const;
const integerOrNull = { type: 'INTEGER', nullable: true, generated: false } as const;
const integerDefault = { type: 'INTEGER', nullable: false, generated: true } as const;
/** An INTEGER PRIMARY KEY left out of an insert: SQLite gives the next rowid. */
const rowid = integerDefault;
const realOrNull = { type: 'REAL', nullable: true, generated: false } as const;
const real = { type: 'REAL', nullable: false, generated: false } as const;

/**
 * The schema as data, in the same camelCase as `Database`. `satisfies SchemaColumns<Database>`
 * makes the compiler refuse a table or column missing on either side, an extra one, or a
 * nullability, default or type that differs from the interface.
 */
export const SCHEMA_COLUMNS = {
  campaigns: {
    id: rowid,
    name: text,
    settingsJson: text,
    createdAt: text,
    updatedAt: text,
    applicationsVersion: integerDefault,
    screeningOwed: integerDefault,
    screeningDone: integerDefault,
    closedOn: textOrNull,
    retentionMonths: integerDefault,
    purgedAt: textOrNull,
    copiedFrom: textOrNull,
  },
  auditLog: { id: rowid, campaignId: integerOrNull, at: text, actor: text, action: text, subject: textOrNull, detailsJson: textOrNull },
  applications: {
    id: rowid,
    campaignId: integer,
    applicationId: text,
    candidateId: textDefault,
    firstName: textDefault,
    lastName: textDefault,
    dateOfBirth: textDefault,
    email: textDefault,
    phone: textDefault,
    gender: textDefault,
    nationality: textDefault,
    secondNationality: textDefault,
    residence: textDefault,
    division: textDefault,
    position: textDefault,
    funding: textDefault,
    preferredSession: textDefault,
    status: textDefault,
    submittedOn: textDefault,
    university: textDefault,
    fieldOfStudy: textDefault,
    highestDegree: textDefault,
    yearsCompleted: textDefault,
    currentlyEnrolled: textDefault,
    degreeDate: textDefault,
    englishLevel: textDefault,
    frenchLevel: textDefault,
    otherLanguages: textDefault,
    motivation: textDefault,
    cvFile: textDefault,
    divisionCode: textOrNull,
    submittedAt: textOrNull,
    source: text,
    createdAt: text,
    updatedAt: text,
    extraJson: textOrNull,
    importId: integerOrNull,
    dateOfBirthParsed: textOrNull,
    degreeDateParsed: textOrNull,
    yearsCompletedParsed: integerOrNull,
    currentlyEnrolledParsed: integerOrNull,
    fundingParsed: textOrNull,
    englishLevelParsed: textOrNull,
    frenchLevelParsed: textOrNull,
    nationalityCode: textOrNull,
    nameKey: textOrNull,
  },
  imports: {
    id: rowid,
    campaignId: integer,
    fileName: text,
    fileSize: integer,
    sha256: text,
    format: text,
    encoding: textOrNull,
    delimiter: textOrNull,
    mappingJson: text,
    totalRows: integer,
    added: integer,
    updated: integer,
    unchanged: integer,
    skippedDrafts: integer,
    rejected: integer,
    actor: text,
    startedAt: text,
    finishedAt: text,
  },
  importRejections: {
    id: rowid,
    importId: integer,
    rowNumber: integer,
    columnName: textOrNull,
    code: text,
    message: text,
    value: textOrNull,
    valuesJson: text,
  },
  applicationRevisions: {
    id: rowid,
    applicationRef: integer,
    importId: integerOrNull,
    field: text,
    oldValue: textOrNull,
    newValue: textOrNull,
    at: text,
    actor: textOrNull,
  },
  importMappings: { campaignId: integer, headerSignature: text, mappingJson: text, updatedAt: text },
  screeningResults: {
    applicationRef: integer,
    campaignId: integer,
    verdict: text,
    reasonsJson: text,
    criteriaJson: text,
    personKey: text,
    rulesVersion: integer,
    inputHash: text,
    signature: text,
    screenedAt: text,
  },
  screeningOverrides: {
    id: rowid,
    applicationRef: integer,
    verdict: text,
    justification: text,
    automaticVerdict: text,
    automaticReasonsJson: text,
    inputHash: text,
    state: text,
    actor: text,
    at: text,
  },
  applicationCorrections: {
    id: rowid,
    applicationRef: integer,
    field: text,
    importedValue: text,
    correctedValue: text,
    reason: text,
    state: text,
    actor: text,
    at: text,
  },
  duplicateDecisions: {
    id: rowid,
    campaignId: integer,
    applicationA: integer,
    applicationB: integer,
    decision: text,
    signalsJson: text,
    actor: text,
    at: text,
  },
  triageStates: {
    applicationRef: integer,
    campaignId: integer,
    stage: text,
    reason: textOrNull,
    assignee: textOrNull,
    score: realOrNull,
    updatedAt: text,
    updatedBy: text,
    version: integerDefault,
    scoredBy: integerDefault,
  },
  triageActions: {
    id: rowid,
    campaignId: integer,
    actor: text,
    kind: text,
    detailsJson: text,
    at: text,
    undoneAt: textOrNull,
    undoneBy: textOrNull,
  },
  triageChanges: { actionId: integer, applicationRef: integer, beforeJson: text, afterJson: text },
  applicationNotes: { id: rowid, applicationRef: integer, actionId: integerOrNull, text, actor: text, at: text, removedAt: textOrNull },
  rubricCriteria: { id: rowid, campaignId: integer, divisionCode: text, position: integer, label: text, archived: integerDefault },
  rubricScores: { applicationRef: integer, criterionId: integer, actor: text, score: integer, comment: textOrNull, at: text },
  officerScores: { applicationRef: integer, officer: text, score: real, at: text },
  savedViews: { id: rowid, campaignId: integer, owner: text, name: text, viewJson: text, updatedAt: text },
  preferences: { key: textOrNull, value: text },
  searchState: { id: rowid, indexedUpTo: integer },
  searchPending: { applicationRef: integer },
  candidateCodes: { applicationRef: integer, campaignId: integer, divisionCode: text, sequence: integer, code: text },
  shortlists: { id: rowid, campaignId: integer, divisionCode: text, position: textOrNull, state: text, createdBy: text, createdAt: text, updatedAt: text },
  shortlistEntries: { shortlistId: integer, applicationRef: integer, rank: integer, note: textOrNull, addedBy: text, addedAt: text },
  shortlistExports: {
    id: rowid,
    shortlistId: integer,
    blind: integer,
    managerName: textOrNull,
    managerEmail: textOrNull,
    replyBy: text,
    fileName: text,
    sha256: text,
    codesCheck: text,
    actor: text,
    at: text,
  },
  shortlistExportEntries: { exportId: integer, applicationRef: integer, candidateCode: text },
  shortlistReplies: { id: rowid, exportId: integer, fileName: text, sha256: text, applied: integer, unchanged: integer, actionId: integerOrNull, actor: text, at: text },
  selectionDetails: {
    applicationRef: integer,
    interviewDate: textOrNull,
    interviewTime: textOrNull,
    interviewMode: textOrNull,
    interviewer: textOrNull,
    interviewPlace: textOrNull,
    interviewOutcome: textOrNull,
    managerComment: textOrNull,
    session: textOrNull,
    startDate: textOrNull,
    reserveRank: integerOrNull,
    offerMadeAt: textOrNull,
    offerAnsweredAt: textOrNull,
    withdrawnReason: textOrNull,
    updatedAt: text,
    updatedBy: text,
  },
  divisionPlaces: { campaignId: integer, divisionCode: text, session: text, places: integer },
  noticeTemplates: { campaignId: integer, outcome: text, language: text, subject: text, body: text, updatedBy: text, updatedAt: text },
  noticeBatches: { id: rowid, campaignId: integer, outcome: text, format: text, actor: text, at: text },
  notices: {
    id: rowid,
    campaignId: integer,
    personKey: text,
    outcome: text,
    language: text,
    email: textOrNull,
    batchId: integerOrNull,
    state: text,
    basis: text,
    preparedAt: text,
    sentAt: textOrNull,
    bouncedAt: textOrNull,
    resentAt: textOrNull,
    supersededAt: textOrNull,
    updatedBy: text,
  },
  noticeApplications: { noticeId: integer, applicationRef: integer },
  noticeLanguages: { campaignId: integer, personKey: text, language: text, actor: text, at: text },
  noticeStanding: { campaignId: integer, personKey: text, outcome: textOrNull, owed: textOrNull, since: text, divisionsJson: text, supersededJson: text },
  noticeStandingStale: { campaignId: integer, personKey: text },
  reportFactsKept: { id: rowid, campaignId: integer, factJson: text },
  privacyOwed: { id: rowid, kind: text, campaignId: integer, identityJson: textOrNull, auditId: integerOrNull, at: text },
} as const satisfies SchemaColumns<Database>;
