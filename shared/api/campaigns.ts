import { z } from 'zod';
import { campaignSettingsSchema, type CampaignSettings } from '../domain/settings';
import { campaignId, emptyInput, reads, returns } from './common';

/** Campaigns: one call for applications (a season), with its eligibility settings. */

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

export const campaignMethods = {
  'campaign.list': { input: emptyInput, output: returns<CampaignSummary[]>(), reads: reads('campaigns', 'applications') },
  'campaign.get': { input: z.object({ campaignId }).strict(), output: returns<Campaign>(), reads: reads('campaigns') },
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
} as const;
