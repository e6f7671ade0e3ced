/** The eligibility rules engine (eligibility-rules.md): pure functions, no I/O. */
export * from './types';
export { EXPLANATION_KEYS, type ExplanationKey } from './explanation-keys';
export { ageCriterion } from './age';
export { nationalityCriterion } from './nationality';
export { educationCriterion, MINIMUM_YEARS_COMPLETED } from './education';
export { languageCriterion, meetsLevel } from './language';
export { deadlineCriterion } from './deadline';
export { applicationLimitCriterion } from './application-limit';
export { birthdayAfter, yearBefore, campaignClock, judgingDate, submittedMs, type CampaignClock } from './dates';
export { foldName, groupPersons, indexPersons, nameKey, type PersonGroups, type PersonIdentity, type PersonIndex } from './persons';
export { CRITERION_FUNCTIONS, ELIGIBILITY_RULES_VERSION, campaignContexts, screenApplication, screenCampaign, type CampaignContexts, screeningInput, verdictOf, type ScreenOptions } from './screen';
export { EXPLANATION_EN, REASON_EN, explainEn } from './explain-en';
