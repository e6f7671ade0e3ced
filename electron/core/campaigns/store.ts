import type { Kysely } from 'kysely';
import { NotFoundError, ValidationError } from '../../../shared/api/errors';
import type { Campaign } from '../../../shared/api/contract';
import {
  DEFAULT_CAMPAIGN_NAME,
  DEFAULT_CAMPAIGN_SETTINGS,
  campaignSettingsSchema,
  type CampaignSettings,
} from '../../../shared/domain/settings';
import type { SqliteDatabase } from '../../../db/connection';
import type { Database } from '../../../db/schema';

/** A new database starts with this year's campaign and the rules document's defaults. */
export function seedNewDatabase(sqlite: SqliteDatabase, now: Date): void {
  const at = now.toISOString();
  sqlite
    .prepare('INSERT INTO campaigns (name, settings_json, created_at, updated_at) VALUES (?, ?, ?, ?)')
    .run(DEFAULT_CAMPAIGN_NAME, JSON.stringify(DEFAULT_CAMPAIGN_SETTINGS), at, at);
}

/**
 * Settings are stored as JSON and read back through the schema: a setting added by a later
 * version gets its default, so an older campaign keeps working.
 */
export function readSettings(json: string): CampaignSettings {
  const stored: unknown = JSON.parse(json);
  return campaignSettingsSchema.parse({ ...DEFAULT_CAMPAIGN_SETTINGS, ...(stored as object) });
}

/** A campaign's settings with some changed, checked whole; a Validation error names each field at fault. */
export function mergeSettings(current: CampaignSettings, changes: Partial<CampaignSettings> = {}): CampaignSettings {
  const merged = campaignSettingsSchema.safeParse({ ...current, ...changes });
  if (merged.success) return merged.data;
  throw new ValidationError(
    'These settings cannot be saved.',
    merged.error.issues.map((i) => ({ path: ['settings', ...i.path.filter((p): p is string | number => typeof p !== 'symbol')], message: i.message })),
  );
}

export async function loadCampaign(db: Kysely<Database>, id: number): Promise<Campaign> {
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

export async function firstCampaignId(db: Kysely<Database>): Promise<number> {
  const row = await db.selectFrom('campaigns').select('id').orderBy('id').limit(1).executeTakeFirst();
  if (!row) throw new NotFoundError('This database has no campaign yet. Create one first.', 'NoCampaign');
  return row.id;
}
