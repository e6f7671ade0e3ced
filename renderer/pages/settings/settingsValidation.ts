import type { TFunction } from 'i18next';
import { campaignSettingsSchema } from '../../../shared/domain/settings';

/**
 * The limits come from the shared schema itself (the one the API validates with), so the form's
 * input bounds and messages can never disagree with what the service accepts.
 */
const shape = campaignSettingsSchema.shape;
export const RANGES = {
  minimumAge: { min: shape.minimumAge.minValue ?? 0, max: shape.minimumAge.maxValue ?? 0 },
  applicationLimit: { min: shape.applicationLimit.minValue ?? 0, max: shape.applicationLimit.maxValue ?? 0 },
} as const;

export const FIELD_PATHS = [
  'name',
  'settings.natoFundedDeadline',
  'settings.deadlineTimeZone',
  'settings.eligibilityJudgedOn',
  'settings.minimumAge',
  'settings.applicationLimit',
  'settings.requiredLanguageLevel',
] as const;
export type FieldPath = (typeof FIELD_PATHS)[number];

export function isFieldPath(path: string): path is FieldPath {
  return (FIELD_PATHS as readonly string[]).includes(path);
}

/**
 * What to tell the user about an invalid field, in their language: the schema's messages are
 * English and technical ("Too small: expected number to be >=14"); this says what to enter.
 */
export function fieldMessage(t: TFunction, path: FieldPath): string {
  switch (path) {
    case 'name':
      return t('settings.invalidName');
    case 'settings.natoFundedDeadline':
      return t('settings.invalidDeadline');
    case 'settings.minimumAge':
      return t('settings.invalidRange', RANGES.minimumAge);
    case 'settings.applicationLimit':
      return t('settings.invalidRange', RANGES.applicationLimit);
    case 'settings.deadlineTimeZone':
    case 'settings.eligibilityJudgedOn':
    case 'settings.requiredLanguageLevel':
      return t('settings.invalidChoice');
  }
}
