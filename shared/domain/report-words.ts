import { countryName } from './country-names';
import type { FailCode } from './eligibility/types';
import type { FundingTrack } from './listed-values';
import type { AgeBand, DegreeLevel, Exit, FunnelStep, LanguageProfile } from './report-facts';
import type { Dimension, GroupStage, OwedAgeBand, ReportFilter } from './report-figures';
import type { Session } from './selection-moves';
import type { NotRetainedReason } from './stages';

/**
 * The season report's words in English and French: one place for the page, the workbook and the
 * printed report, so all three say the same thing.
 */
export type ReportLanguage = 'en' | 'fr';
type Words<K extends string> = Readonly<Record<K, Readonly<Record<ReportLanguage, string>>>>;

export const SECTION_WORDS: Words<'funnel' | 'reach' | 'diversity' | 'pace' | 'compare'> = {
  funnel: { en: 'Funnel', fr: 'Entonnoir' },
  reach: { en: 'Member states', fr: 'Pays membres' },
  diversity: { en: 'Diversity', fr: 'Diversité' },
  pace: { en: 'Pace', fr: 'Rythme' },
  compare: { en: 'Compared', fr: 'Comparaison' },
};

export const STEP_WORDS: Words<FunnelStep> = {
  applications: { en: 'Applications', fr: 'Candidatures' },
  eligible: { en: 'Eligible', fr: 'Recevables' },
  proposed: { en: 'Proposed', fr: 'Proposées' },
  shortlisted: { en: 'Shortlisted', fr: 'Présélectionnées' },
  interviewed: { en: 'Interviewed', fr: 'Entretiens' },
  selected: { en: 'Selected', fr: 'Sélectionnées' },
  accepted: { en: 'Accepted', fr: 'Acceptées' },
};

export const GROUP_STAGE_WORDS: Words<GroupStage> = {
  applications: { en: 'Applied', fr: 'Candidats' },
  eligible: STEP_WORDS.eligible,
  shortlisted: STEP_WORDS.shortlisted,
  selected: STEP_WORDS.selected,
};

export const EXIT_WORDS: Words<Exit> = {
  ineligible: { en: 'Ineligible', fr: 'Non recevables' },
  notRetained: { en: 'Not retained after triage', fr: 'Non retenues au tri' },
  notSelected: { en: 'Not selected', fr: 'Non sélectionnées' },
  declined: { en: 'Offer declined', fr: 'Offre déclinée' },
  withdrawn: { en: 'Withdrawn', fr: 'Retirées' },
};

export const REASON_WORDS: Words<FailCode | NotRetainedReason> = {
  AGE: { en: 'Age', fr: 'Âge' },
  NATIONALITY: { en: 'Nationality', fr: 'Nationalité' },
  NATIONALITY_PARTNER: { en: 'Nationality (partner country)', fr: 'Nationalité (pays partenaire)' },
  EDUCATION: { en: 'Education', fr: 'Études' },
  LANGUAGE: { en: 'Languages', fr: 'Langues' },
  LATE: { en: 'After the deadline', fr: 'Après la date limite' },
  profileMismatch: { en: 'Profile does not match the post', fr: 'Profil inadapté au poste' },
  languages: { en: 'Language skills', fr: 'Compétences linguistiques' },
  studiesField: { en: 'Field of study', fr: 'Domaine d’études' },
  motivation: { en: 'Motivation', fr: 'Motivation' },
  otherCandidatesStronger: { en: 'Stronger candidates', fr: 'Candidats plus solides' },
  other: { en: 'Other', fr: 'Autre' },
};

export const DIMENSION_WORDS: Words<Dimension> = {
  gender: { en: 'Gender', fr: 'Genre' },
  ageBand: { en: 'Age', fr: 'Âge' },
  degree: { en: 'Degree', fr: 'Diplôme' },
  languages: { en: 'Languages (B2 or above)', fr: 'Langues (B2 ou plus)' },
  nationality: { en: 'Nationality', fr: 'Nationalité' },
};

export const GROUP_WORDS: Words<AgeBand | DegreeLevel | LanguageProfile | 'notGiven' | 'otherCountries' | 'unknownCountry'> = {
  under22: { en: 'Under 22', fr: 'Moins de 22 ans' },
  '22to24': { en: '22 to 24', fr: '22 à 24 ans' },
  '25to27': { en: '25 to 27', fr: '25 à 27 ans' },
  '28to30': { en: '28 to 30', fr: '28 à 30 ans' },
  over30: { en: 'Over 30', fr: 'Plus de 30 ans' },
  none: { en: 'No degree yet', fr: 'Pas encore de diplôme' },
  bachelor: { en: 'Bachelor', fr: 'Licence (bachelor)' },
  master: { en: 'Master', fr: 'Master' },
  doctorate: { en: 'Doctorate', fr: 'Doctorat' },
  both: { en: 'English and French', fr: 'Anglais et français' },
  englishOnly: { en: 'English only', fr: 'Anglais seulement' },
  frenchOnly: { en: 'French only', fr: 'Français seulement' },
  neither: { en: 'Neither', fr: 'Aucune des deux' },
  notGiven: { en: 'Not given', fr: 'Non indiqué' },
  otherCountries: { en: 'Other countries', fr: 'Autres pays' },
  unknownCountry: { en: 'Nationality not read', fr: 'Nationalité illisible' },
};

export const REPORT_WORDS: Words<
  | 'report'
  | 'count'
  | 'ofPrevious'
  | 'leftAt'
  | 'reason'
  | 'country'
  | 'wave'
  | 'group'
  | 'share'
  | 'noApplicant'
  | 'noneSelected'
  | 'week'
  | 'decided'
  | 'medianToVerdict'
  | 'medianToShortlist'
  | 'medianToNotice'
  | 'days'
  | 'owedByAge'
  | 'workingDays'
  | 'fewerThan5'
  | 'smallGroups'
  | 'campaign'
  | 'filter'
  | 'all'
> = {
  report: { en: 'Season report', fr: 'Bilan de la saison' },
  count: { en: 'Applications', fr: 'Candidatures' },
  ofPrevious: { en: 'Of the step before', fr: 'De l’étape précédente' },
  leftAt: { en: 'Where applications left', fr: 'Où les candidatures se sont arrêtées' },
  reason: { en: 'Reason', fr: 'Motif' },
  country: { en: 'Member state', fr: 'Pays membre' },
  wave: { en: 'Joined NATO in', fr: 'Adhésion à l’OTAN' },
  group: { en: 'Group', fr: 'Groupe' },
  share: { en: 'Share', fr: 'Part' },
  noApplicant: { en: 'Member states with no applicant', fr: 'Pays membres sans candidat' },
  noneSelected: { en: 'Member states with no intern selected', fr: 'Pays membres sans stagiaire sélectionné' },
  week: { en: 'Week of', fr: 'Semaine du' },
  decided: { en: 'Verdicts given', fr: 'Avis rendus' },
  medianToVerdict: { en: 'Median days from application to verdict', fr: 'Jours médians de la candidature à l’avis' },
  medianToShortlist: { en: 'Median days from application to shortlist', fr: 'Jours médians de la candidature à la liste restreinte' },
  medianToNotice: { en: 'Median days from application to notice', fr: 'Jours médians de la candidature à la notification' },
  days: { en: 'Days', fr: 'Jours' },
  owedByAge: { en: 'Notices owed, by working days waiting', fr: 'Notifications dues, par jours ouvrés d’attente' },
  workingDays: { en: 'Working days', fr: 'Jours ouvrés' },
  fewerThan5: { en: 'fewer than 5', fr: 'moins de 5' },
  smallGroups: {
    en: 'Groups of fewer than 5 people are shown as "fewer than 5", so that no one can be recognised.',
    fr: 'Les groupes de moins de 5 personnes sont indiqués « moins de 5 », pour que personne ne puisse être reconnu.',
  },
  campaign: { en: 'Campaign', fr: 'Campagne' },
  filter: { en: 'Showing', fr: 'Périmètre' },
  all: { en: 'All', fr: 'Tout' },
};

export const TRACK_WORDS: Words<FundingTrack> = {
  nato: { en: 'NATO-funded', fr: 'Financement OTAN' },
  grant: { en: 'Grant-funded', fr: 'Subvention' },
};

export const OWED_AGE_WORDS: Words<OwedAgeBand> = {
  upTo5: { en: 'Up to 5 working days', fr: 'Jusqu’à 5 jours ouvrés' },
  '6to10': { en: '6 to 10 working days', fr: '6 à 10 jours ouvrés' },
  '11to20': { en: '11 to 20 working days', fr: '11 à 20 jours ouvrés' },
  over20: { en: 'Over 20 working days', fr: 'Plus de 20 jours ouvrés' },
};

export const SESSION_WORDS: Words<Session> = {
  march: { en: 'March', fr: 'Mars' },
  september: { en: 'September', fr: 'Septembre' },
};

/** A group of a diversity table as people read it: a word of Cohort's, a country's name, or a gender as the export gives it. */
export function groupLabel(dimension: Dimension, key: string, language: ReportLanguage): string {
  if (key in GROUP_WORDS) return GROUP_WORDS[key as keyof typeof GROUP_WORDS][language];
  if (dimension === 'nationality') return countryName(key, language);
  // Genders are counted case-insensitively (lower case): shown with a capital, as most write them.
  if (dimension === 'gender') return key.charAt(0).toUpperCase() + key.slice(1);
  return key;
}

/** What a report covers, in words: "All", or e.g. "DI · NATO-funded · March". */
export function filterLabel(filter: ReportFilter, language: ReportLanguage): string {
  const parts = [filter.division, filter.track && TRACK_WORDS[filter.track][language], filter.session && SESSION_WORDS[filter.session][language]].filter((p): p is string => Boolean(p));
  return parts.length === 0 ? REPORT_WORDS.all[language] : parts.join(' · ');
}
