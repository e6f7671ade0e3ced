import type { Generated } from 'kysely';
import type { ApplicationFieldKey } from '../shared/domain/application-fields';

/**
 * The current schema as Kysely sees it, in camelCase (the CamelCasePlugin maps to the snake_case
 * columns the migrations create). Keep in step with db/migrations.
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
}

export interface AuditLogTable {
  id: Generated<number>;
  campaignId: number | null;
  at: string;
  actor: string;
  action: string;
  subject: string | null;
  detailsJson: string | null;
}

/** Raw text of every export field, stored as written. */
type RawApplicationColumns = { [K in ApplicationFieldKey]: string };

export interface ApplicationsTable extends RawApplicationColumns {
  id: Generated<number>;
  campaignId: number;
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

export interface Database {
  campaigns: CampaignsTable;
  auditLog: AuditLogTable;
  applications: ApplicationsTable;
  imports: ImportsTable;
  importRejections: ImportRejectionsTable;
  applicationRevisions: ApplicationRevisionsTable;
  importMappings: ImportMappingsTable;
}
