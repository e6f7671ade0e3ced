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
  divisionCode: string | null;
  submittedAt: string | null;
  source: 'demo' | 'import';
  createdAt: string;
  updatedAt: string;
}

export interface Database {
  campaigns: CampaignsTable;
  auditLog: AuditLogTable;
  applications: ApplicationsTable;
}
