/**
 * The fields of one application as the e-recruitment export carries them (see
 * e-recruitment-export.md). One place for the list: the importer matches headers against it, the
 * demo generator fills it, and the database stores each field's raw text under the same key.
 */
export const APPLICATION_FIELDS = [
  { key: 'applicationId', en: 'Application ID', fr: 'N° de candidature' },
  { key: 'candidateId', en: 'Candidate ID', fr: 'N° de candidat' },
  { key: 'firstName', en: 'First Name', fr: 'Prénom' },
  { key: 'lastName', en: 'Last Name', fr: 'Nom' },
  { key: 'dateOfBirth', en: 'Date of Birth', fr: 'Date de naissance' },
  { key: 'email', en: 'Email', fr: 'Courriel' },
  { key: 'phone', en: 'Phone', fr: 'Téléphone' },
  { key: 'gender', en: 'Gender', fr: 'Genre' },
  { key: 'nationality', en: 'Nationality', fr: 'Nationalité' },
  { key: 'secondNationality', en: 'Second Nationality', fr: 'Seconde nationalité' },
  { key: 'residence', en: 'Country of Residence', fr: 'Pays de résidence' },
  { key: 'division', en: 'Division', fr: 'Division' },
  { key: 'position', en: 'Position', fr: 'Poste' },
  { key: 'funding', en: 'Funding', fr: 'Financement' },
  { key: 'preferredSession', en: 'Preferred Session', fr: 'Session souhaitée' },
  { key: 'status', en: 'Status', fr: 'Statut' },
  { key: 'submittedOn', en: 'Submitted On', fr: 'Date de soumission' },
  { key: 'university', en: 'University', fr: 'Université' },
  { key: 'fieldOfStudy', en: 'Field of Study', fr: "Domaine d'études" },
  { key: 'highestDegree', en: 'Highest Degree', fr: 'Diplôme le plus élevé' },
  { key: 'yearsCompleted', en: 'Years of University Completed', fr: "Années d'études universitaires achevées" },
  { key: 'currentlyEnrolled', en: 'Currently Enrolled', fr: 'Inscrit actuellement' },
  { key: 'degreeDate', en: 'Degree Date', fr: "Date d'obtention du diplôme" },
  { key: 'englishLevel', en: 'English Level', fr: "Niveau d'anglais" },
  { key: 'frenchLevel', en: 'French Level', fr: 'Niveau de français' },
  { key: 'otherLanguages', en: 'Other Languages', fr: 'Autres langues' },
  { key: 'motivation', en: 'Motivation', fr: 'Motivation' },
  { key: 'cvFile', en: 'CV File', fr: 'Fichier CV' },
] as const;

export type ApplicationFieldKey = (typeof APPLICATION_FIELDS)[number]['key'];

/** One application as written in the export: every field as text, empty string when blank. */
export type ApplicationRecord = Record<ApplicationFieldKey, string>;

/** Fields an officer may correct: not the Application ID (it is the identity) nor the status (drafts are never stored). */
export type CorrectableField = Exclude<ApplicationFieldKey, 'applicationId' | 'status'>;
export const CORRECTABLE_FIELDS = APPLICATION_FIELDS.map((f) => f.key).filter((k): k is CorrectableField => k !== 'applicationId' && k !== 'status') as [
  CorrectableField,
  ...CorrectableField[],
];
