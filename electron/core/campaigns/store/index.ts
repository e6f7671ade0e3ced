import type { Campaign, CampaignSummary } from '../../../../shared/api/contract';
import type { CampaignSettings } from '../../../../shared/domain/settings';

export { kyselyCampaignStore, seedNewDatabase } from './kysely-campaigns';

/** A campaign's name and settings, as an update records them (before and after). */
export interface CampaignText {
  name: string;
  settings: CampaignSettings;
}

/** The campaigns' store: each method one read or one transaction (with its audit entry). */
export interface CampaignStore {
  /** A campaign, its settings read through the schema; NotFound ("NoSuchCampaign") if there is none. */
  load(id: number): Promise<Campaign>;
  /** The oldest campaign's id; NotFound ("NoCampaign") in a database with none. */
  firstId(): Promise<number>;
  /** Every campaign with how many applications it holds, oldest first. */
  list(): Promise<CampaignSummary[]>;
  /** A new campaign and its audit entry; its id. */
  insert(name: string, settings: CampaignSettings, actor: string): Promise<number>;
  update(campaignId: number, before: CampaignText, after: CampaignText, actor: string): Promise<void>;
}
