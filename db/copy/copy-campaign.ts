import { existsSync, renameSync } from 'node:fs';
import { basename } from 'node:path';
import pg from 'pg';
import { AppError, NotFoundError } from '../../shared/api/errors';
import { removeSqliteFile } from '../backup';
import { openSqlite, type SqliteDatabase } from '../connection';
import { inspectDatabaseFile, runMigrations } from '../migrate';
import { LATEST_SCHEMA_VERSION } from '../migrations';
import { PG_LATEST_SCHEMA_VERSION } from '../postgres/migrations';
import { connectServerAt } from '../postgres/connect';
import { ADMIN_ROLE } from '../postgres/server-admin';
import type { ServerAddress } from '../postgres/server-url';
import type { CopiedFrom } from './copied-from';
import { copyPlan } from './copy-plan';
import { copyRows, type CopyProgress } from './copy-rows';
import {
  CampaignIsACopyError,
  CampaignNameTakenError,
  NoSuchCampaignToCopyError,
  NotAdministratorError,
  ServerSchemaVersionError,
  SourceSchemaOlderError,
  TargetFileExistsError,
} from './errors';
import { analyzeCopied, checkServerColumns, postgresSource, postgresTarget } from './postgres-side';
import { sqliteSource, sqliteTarget } from './sqlite-side';
import { checkLoginsExist, OfficerNames } from './officer-logins';

/**
 * `cohort campaign copy` (issue 14): one campaign, every row of it, from a database file to the
 * office server (an administrator brings a season prepared on a laptop), or from the server to a
 * new file (work away from the office, read-only there). One transaction on the target: a refusal
 * or a failure half-way leaves the server as it was, and no file behind.
 */

export interface CopyOptions {
  /** Which campaign (its number or its name); by default the file's only one. */
  campaign?: string;
  /** Its name on the server, when the server has one of that name already. */
  name?: string;
  /** The login's password when the URL has none (COHORT_PASSWORD). */
  password?: string | null;
  /** The office's certificate authority (PEM file), for the server's certificate. */
  caFile?: string;
  /** To the server: each officer's name as the file wrote it → their login there (officer-logins.ts). */
  officers?: ReadonlyMap<string, string>;
  progress?: (step: CopyProgress) => void;
  now?: () => Date;
}

export interface CopySummary {
  from: { where: string; campaignId: number; name: string };
  to: { where: string; campaignId: number; name: string };
  tables: CopyProgress[];
  rows: number;
  ms: number;
  /** To the server: every officer's name the campaign holds, and the login it became (null: kept as written). */
  officers?: { name: string; login: string | null }[];
}

interface CampaignRow {
  id: number;
  name: string;
  copied_from: string | null;
}

/** The campaign asked for, by number or name; the only one when none is asked for. */
function chooseCampaign(campaigns: readonly CampaignRow[], asked: string | undefined, where: string): CampaignRow {
  const trimmed = asked?.trim();
  const found =
    trimmed === undefined || trimmed === ''
      ? campaigns.length === 1
        ? campaigns[0]
        : undefined
      : (campaigns.find((c) => /^\d+$/.test(trimmed) && c.id === Number(trimmed)) ?? campaigns.find((c) => c.name.trim().toLowerCase() === trimmed.toLowerCase()));
  if (!found) throw new NoSuchCampaignToCopyError(trimmed || null, where, campaigns);
  return found;
}

function serverName(address: ServerAddress): string {
  return `${address.host}:${address.port}/${address.database}`;
}

/** A connection to the server as every command makes it (db/postgres/connect.ts), the password given apart from the URL. */
async function connect(url: string, options: CopyOptions): Promise<{ client: pg.Client; address: ServerAddress }> {
  return connectServerAt(url, { caFile: options.caFile, password: options.password ?? undefined, applicationName: 'Cohort campaign copy' });
}

async function checkServerSchema(client: pg.ClientBase): Promise<void> {
  const { rows } = await client.query<{ present: boolean }>("SELECT to_regclass('cohort_schema') IS NOT NULL AS present");
  const version = rows[0]?.present ? ((await client.query<{ version: number }>('SELECT version FROM cohort_schema')).rows[0]?.version ?? null) : null;
  if (version !== PG_LATEST_SCHEMA_VERSION) throw new ServerSchemaVersionError(version, PG_LATEST_SCHEMA_VERSION);
}

async function checkAdministrator(client: pg.ClientBase, login: string): Promise<void> {
  const { rows } = await client.query<{ admin: boolean }>(
    `SELECT r.rolsuper OR (EXISTS (SELECT 1 FROM pg_roles WHERE rolname = $1) AND pg_has_role(current_user, $1, 'MEMBER')) AS admin
     FROM pg_roles r WHERE r.rolname = current_user`,
    [ADMIN_ROLE],
  );
  if (rows[0]?.admin !== true) throw new NotAdministratorError(login);
}

/** An error of the server's or of SQLite's, as words that say nothing was copied; Cohort's own errors as they are. */
function refusal(error: unknown, login: string): Error {
  if (error instanceof AppError) return error;
  if ((error as { code?: unknown }).code === '42501') return new NotAdministratorError(login);
  return new Error(`The copy stopped: ${(error as Error).message}. Nothing was copied.`);
}

/**
 * The server's triggers (PostgreSQL migration 3) count the copied applications and confirmed pairs
 * as changes its screening owes; they are the campaign as it stands, screened as it was in the file.
 * Its counters are put back as the file had them: owed on the server exactly when it was in the file.
 */
async function keepScreeningCounters(client: pg.ClientBase, campaignId: number, sqlite: SqliteDatabase, sourceId: number): Promise<void> {
  const counters = sqlite
    .prepare<[number], { applications_version: number; screening_owed: number; screening_done: number }>('SELECT applications_version, screening_owed, screening_done FROM campaigns WHERE id = ?')
    .get(sourceId);
  if (!counters) return;
  await client.query('UPDATE campaigns SET applications_version = $1, screening_owed = $2, screening_done = $3 WHERE id = $4', [
    counters.applications_version,
    counters.screening_owed,
    counters.screening_done,
    campaignId,
  ]);
}

/** Copies a campaign of a database file to the server; the file is only read. */
export async function copyCampaignToServer(file: string, url: string, options: CopyOptions = {}): Promise<CopySummary> {
  const started = performance.now();
  const state = inspectDatabaseFile(file);
  if (!state.exists) throw new NotFoundError(`There is no database file at ${file}.`, 'NoSuchFile');
  if (state.schemaVersion < LATEST_SCHEMA_VERSION) throw new SourceSchemaOlderError(file, state.schemaVersion, LATEST_SCHEMA_VERSION);
  const sqlite = openSqlite(file, { readonly: true, fileMustExist: true });
  try {
    // One read transaction: the campaign as it stands at this moment, though the app may be writing.
    sqlite.exec('BEGIN');
    const plan = copyPlan(sqlite);
    const campaigns = sqlite.prepare<[], CampaignRow>('SELECT id, name, copied_from FROM campaigns ORDER BY id').all();
    const campaign = chooseCampaign(campaigns, options.campaign, basename(file));
    if (campaign.copied_from !== null) throw new CampaignIsACopyError(campaign.name, campaign.copied_from);
    const name = options.name?.trim() || campaign.name;

    const { client, address } = await connect(url, options);
    try {
      await client.query('BEGIN');
      try {
        // Two copies at once: the second waits, then finds the first one's name taken.
        await client.query("SELECT pg_advisory_xact_lock(hashtext('cohort campaign copy'))");
        await checkServerSchema(client);
        await checkAdministrator(client, address.user);
        await checkLoginsExist(client, options.officers ?? new Map());
        await checkServerColumns(client, plan);
        const taken = await client.query<{ id: number; name: string }>('SELECT id, name FROM campaigns WHERE lower(btrim(name)) = lower(btrim($1)) ORDER BY id LIMIT 1', [name]);
        const clash = taken.rows[0];
        if (clash) throw new CampaignNameTakenError(clash.name, clash.id, `The server ${serverName(address)}`);
        const officers = new OfficerNames(options.officers ?? new Map());
        const copied = await copyRows(plan, sqliteSource(sqlite), postgresTarget(client), campaign.id, {
          campaignRow: () => ({ name, copied_from: null }),
          progress: options.progress,
          officers,
        });
        await keepScreeningCounters(client, copied.campaignId, sqlite, campaign.id);
        await client.query('COMMIT');
        // Copied whatever happens next: fresh statistics are a help (autovacuum brings them within
        // its minute anyway), so a failure here is not the copy's.
        await analyzeCopied(client).catch(() => undefined);
        return {
          ...summary(started, { where: file, campaignId: campaign.id, name: campaign.name }, { where: serverName(address), campaignId: copied.campaignId, name }, copied.tables),
          officers: officers.report(),
        };
      } catch (error) {
        await client.query('ROLLBACK').catch(() => {});
        throw refusal(error, address.user);
      }
    } finally {
      await client.end();
    }
  } finally {
    if (sqlite.inTransaction) sqlite.exec('ROLLBACK');
    sqlite.close();
  }
}

/** Copies a campaign of the server to a new database file, marked as a read-only copy (campaigns.copied_from). */
export async function copyCampaignToFile(url: string, file: string, options: CopyOptions = {}): Promise<CopySummary> {
  const started = performance.now();
  if (existsSync(file)) throw new TargetFileExistsError(file);
  const now = options.now ?? (() => new Date());
  const { client, address } = await connect(url, options);
  // Written under another name and renamed when whole: a failure leaves no half-made database.
  const partial = `${file}.copying-${process.pid}`;
  let sqlite: SqliteDatabase | undefined;
  try {
    // One snapshot of the server for every table, whatever officers write meanwhile.
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    await checkServerSchema(client);
    const campaigns = (await client.query<CampaignRow>('SELECT id, name, copied_from FROM campaigns ORDER BY id')).rows;
    if (options.campaign === undefined) throw new NoSuchCampaignToCopyError(null, `the server ${serverName(address)}`, campaigns);
    const campaign = chooseCampaign(campaigns, options.campaign, `the server ${serverName(address)}`);

    removeSqliteFile(partial);
    sqlite = openSqlite(partial);
    runMigrations(sqlite);
    const plan = copyPlan(sqlite);
    await checkServerColumns(client, plan);
    sqlite.exec('BEGIN IMMEDIATE');
    const target = sqliteTarget(sqlite);
    const copiedFrom: CopiedFrom = { server: serverName(address), campaignId: campaign.id, at: now().toISOString() };
    const copied = await copyRows(plan, postgresSource(client), target, campaign.id, {
      campaignRow: () => ({ copied_from: JSON.stringify(copiedFrom) }),
      progress: options.progress,
    });
    target.restoreTriggers();
    sqlite.exec('COMMIT');
    sqlite.close();
    sqlite = undefined;
    if (existsSync(file)) throw new TargetFileExistsError(file);
    renameSync(partial, file);
    await client.query('COMMIT');
    return summary(started, { where: serverName(address), campaignId: campaign.id, name: campaign.name }, { where: file, campaignId: copied.campaignId, name: campaign.name }, copied.tables);
  } catch (error) {
    if (sqlite?.inTransaction) sqlite.exec('ROLLBACK');
    sqlite?.close();
    removeSqliteFile(partial);
    await client.query('ROLLBACK').catch(() => {});
    throw refusal(error, address.user);
  } finally {
    await client.end();
  }
}

function summary(started: number, from: CopySummary['from'], to: CopySummary['to'], tables: CopyProgress[]): CopySummary {
  return { from, to, tables, rows: tables.reduce((n, t) => n + t.rows, 0), ms: Math.round(performance.now() - started) };
}
