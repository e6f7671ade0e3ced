import { z } from 'zod';

/**
 * A campaign's settings: every number and list of eligibility-rules.md that a later call may change.
 * The defaults are those of the Internship Programme 2026.
 */

const LOCAL_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/;

export const LANGUAGE_LEVELS = ['A1', 'A2', 'B1', 'B2', 'C1', 'C2', 'native'] as const;
export type LanguageLevel = (typeof LANGUAGE_LEVELS)[number];

export const campaignSettingsSchema = z
  .object({
    /** Brussels local wall-clock time, inclusive: "2025-05-20T23:59:59". */
    natoFundedDeadline: z
      .string()
      .regex(LOCAL_DATE_TIME, 'Use the form YYYY-MM-DDTHH:MM:SS (Brussels time)'),
    deadlineTimeZone: z.literal('Europe/Brussels'),
    eligibilityJudgedOn: z.enum(['applicationDate', 'deadline']),
    minimumAge: z.number().int().min(14).max(99),
    applicationLimit: z.number().int().min(1).max(100),
    requiredLanguageLevel: z.enum(['B2', 'C1', 'C2', 'native']),
  })
  .strict();

export type CampaignSettings = z.infer<typeof campaignSettingsSchema>;

export const DEFAULT_CAMPAIGN_SETTINGS: CampaignSettings = {
  natoFundedDeadline: '2025-05-20T23:59:59',
  deadlineTimeZone: 'Europe/Brussels',
  eligibilityJudgedOn: 'applicationDate',
  minimumAge: 21,
  applicationLimit: 5,
  requiredLanguageLevel: 'C1',
};

export const DEFAULT_CAMPAIGN_NAME = 'Internship Programme 2026';

export type SettingKey = keyof CampaignSettings;
export const SETTING_KEYS = Object.keys(DEFAULT_CAMPAIGN_SETTINGS) as SettingKey[];
