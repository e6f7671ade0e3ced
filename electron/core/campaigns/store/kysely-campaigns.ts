import { sql, type Kysely } from 'kysely';
import { NotFoundError } from '../../../../shared/api/errors';
import type { Campaign, CampaignSummary } from '../../../../shared/api/contract';
import { DEFAULT_CAMPAIGN_NAME, DEFAULT_CAMPAIGN_SETTINGS, type CampaignSettings } from '../../../../shared/domain/settings';
import { readSettings } from '../settings';
import type { CampaignStore } from './index';
import type { SqliteDatabase } from '../../../../db/connection';
import type { Database } from '../../../../db/schema';
import { writeAudit } from '../../audit/audit-log';

/**
 * Campaigns in Kysely's query builder: nothing here is SQLite's own, so PostgreSQL (team mode) runs
 * the same code through its dialect. The seeding of a new file is SQLite's (raw, before Kysely).
 */

/** A new database starts with this year's campaign and the rules document's defaults. */
export function seedNewDatabase(sqlite: SqliteDatabase, now: Date): void {
  const at = now.toISOString();
  sqlite
    .prepare('INSERT INTO campaigns (name, settings_json, created_at, updated_at) VALUES (?, ?, ?, ?)')
    .run(DEFAULT_CAMPAIGN_NAME, JSON.stringify(DEFAULT_CAMPAIGN_SETTINGS), at, at);
}

async function loadCampaign(db: Kysely<Database>, id: number): Promise<Campaign> {
  const row = await db.selectFrom('campaigns').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new NotFoundError(`There is no campaign number ${id} in this database.`, 'NoSuchCampaign');
  return {
    id: row.id,
    name: row.name,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    settings: readSettings(row.settingsJson),
  };
}

async function firstCampaignId(db: Kysely<Database>): Promise<number> {
  const row = await db.selectFrom('campaigns').select('id').orderBy('id').limit(1).executeTakeFirst();
  if (!row) throw new NotFoundError('This database has no campaign yet. Create one first.', 'NoCampaign');
  return row.id;
}

/** Every campaign with how many applications it holds, oldest first. */
async function listCampaigns(db: Kysely<Database>): Promise<CampaignSummary[]> {
  const rows = await db
    .selectFrom('campaigns as c')
    .select(['c.id', 'c.name', 'c.createdAt'])
    .select((eb) => eb.selectFrom('applications as a').select(sql<number>`count(*)`.as('n')).whereRef('a.campaignId', '=', 'c.id').as('applicationCount'))
    .orderBy('c.id')
    .execute();
  return rows.map((r) => ({ ...r, applicationCount: Number(r.applicationCount ?? 0) }));
}

/** Stores a new campaign and its audit entry, in one transaction; its id. */
async function insertCampaign(db: Kysely<Database>, name: string, settings: CampaignSettings, actor: string): Promise<number> {
  const now = new Date().toISOString();
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('campaigns')
      .values({ name, settingsJson: JSON.stringify(settings), createdAt: now, updatedAt: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    await writeAudit(trx, { campaignId: row.id, actor, action: 'campaign.create', details: { name, settings } });
    return row.id;
  });
}

/** Changes a campaign's name and settings, audited with what they were, in one transaction. */
async function updateCampaign(
  db: Kysely<Database>,
  campaignId: number,
  before: { name: string; settings: CampaignSettings },
  after: { name: string; settings: CampaignSettings },
  actor: string,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('campaigns')
      .set({ name: after.name, settingsJson: JSON.stringify(after.settings), updatedAt: new Date().toISOString() })
      .where('id', '=', campaignId)
      .execute();
    await writeAudit(trx, { campaignId, actor, action: 'campaign.update', details: { before, after } });
  });
}

export function kyselyCampaignStore(db: Kysely<Database>): CampaignStore {
  return {
    load: (id) => loadCampaign(db, id),
    firstId: () => firstCampaignId(db),
    list: () => listCampaigns(db),
    insert: (name, settings, actor) => insertCampaign(db, name, settings, actor),
    update: (campaignId, before, after, actor) => updateCampaign(db, campaignId, before, after, actor),
  };
}
