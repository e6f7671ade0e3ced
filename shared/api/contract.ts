import { z } from 'zod';
import { campaignSettingsSchema, type CampaignSettings } from '../domain/settings';

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
const emptyInput = z.object({}).strict();

// ---- Output types ------------------------------------------------------------------------

export interface AppInfo {
  version: string;
  schemaVersion: number;
  databasePath: string;
  backupDirectory: string;
  /** The default officer name: the OS user. */
  userName: string;
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
  topNationalities: CountRow[];
  /** Submissions per ISO week (Monday, YYYY-MM-DD), oldest first. */
  byWeek: CountRow[];
  firstSubmission: string | null;
  lastSubmission: string | null;
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
  backups: BackupInfo[];
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
  /** Which long job: 'demo', later 'import', 'screening'… */
  job: string;
  done: number;
  total: number;
}

export interface ChangedEvent {
  type: 'changed';
  scope: 'database' | 'campaign' | 'applications';
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
