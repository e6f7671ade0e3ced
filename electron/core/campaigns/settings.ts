import { ValidationError } from '../../../shared/api/errors';
import { DEFAULT_CAMPAIGN_SETTINGS, campaignSettingsSchema, type CampaignSettings } from '../../../shared/domain/settings';

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
