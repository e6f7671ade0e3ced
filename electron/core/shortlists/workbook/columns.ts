/**
 * The candidates sheet of the workbook a hiring manager receives: its columns, each headed in
 * English and French, in the order a manager reads a candidate (who, studies, languages, what the
 * office thinks, in their own words), then the three columns the manager fills. The reader of the
 * reply (read.ts) finds the columns by these headers, so the manager may move or hide the others.
 */

/** One candidate as the workbook shows them; text is as stored (the writer neutralises it). */
export interface WorkbookCandidate {
  candidateCode: string;
  firstName: string | null;
  lastName: string | null;
  email: string | null;
  gender: string | null;
  /** The country's name, in English (the workbook's first language). */
  nationality: string | null;
  /** Whole years on the application date. */
  age: number | null;
  university: string | null;
  fieldOfStudy: string | null;
  highestDegree: string | null;
  /** "YYYY-MM-DD". */
  degreeDate: string | null;
  /** "English C1 · French B2". */
  languages: string | null;
  preferredSession: string | null;
  officeScore: number | null;
  officeNote: string | null;
  motivation: string | null;
}

export type CandidateColumnKey =
  | 'candidateCode'
  | 'name'
  | 'gender'
  | 'nationality'
  | 'age'
  | 'university'
  | 'fieldOfStudy'
  | 'highestDegree'
  | 'degreeDate'
  | 'languages'
  | 'preferredSession'
  | 'officeScore'
  | 'officeNote'
  | 'motivation'
  | 'decision'
  | 'interviewDate'
  | 'comments';

export interface CandidateColumn {
  key: CandidateColumnKey;
  en: string;
  fr: string;
  /** Characters, as Excel counts a column's width. */
  width: number;
  /** Long text: wrapped in its cell. */
  wrap?: boolean;
  /** Says who the person is: left out of a blind workbook. */
  identifying?: boolean;
  /** Filled by the hiring manager. */
  answer?: boolean;
}

export const CANDIDATE_COLUMNS: readonly CandidateColumn[] = [
  { key: 'candidateCode', en: 'Candidate code', fr: 'Code du candidat', width: 16 },
  { key: 'name', en: 'Name', fr: 'Nom', width: 24, identifying: true },
  { key: 'gender', en: 'Gender', fr: 'Genre', width: 10, identifying: true },
  { key: 'nationality', en: 'Nationality', fr: 'Nationalité', width: 16, identifying: true },
  { key: 'age', en: 'Age', fr: 'Âge', width: 7, identifying: true },
  { key: 'university', en: 'University', fr: 'Université', width: 26, wrap: true },
  { key: 'fieldOfStudy', en: 'Field of study', fr: "Domaine d'études", width: 22, wrap: true },
  { key: 'highestDegree', en: 'Highest degree', fr: 'Diplôme le plus élevé', width: 16, wrap: true },
  { key: 'degreeDate', en: 'Degree date', fr: 'Date du diplôme', width: 13 },
  { key: 'languages', en: 'Languages', fr: 'Langues', width: 22, wrap: true },
  { key: 'preferredSession', en: 'Preferred session', fr: 'Session souhaitée', width: 14, wrap: true },
  { key: 'officeScore', en: 'Office score', fr: 'Note du bureau', width: 10 },
  { key: 'officeNote', en: 'Office note', fr: 'Remarque du bureau', width: 30, wrap: true },
  { key: 'motivation', en: 'Motivation', fr: 'Motivation', width: 80, wrap: true },
  { key: 'decision', en: 'Decision', fr: 'Décision', width: 16, answer: true },
  { key: 'interviewDate', en: 'Interview date', fr: "Date d'entretien", width: 15, answer: true },
  { key: 'comments', en: 'Comments', fr: 'Commentaires', width: 40, wrap: true, answer: true },
];

/** The header cell: "Decision / Décision" (one language when both are the same word). */
export function columnHeader(column: CandidateColumn): string {
  return column.en === column.fr ? column.en : `${column.en} / ${column.fr}`;
}

/** The columns a workbook has: all of them, or without those that say who the person is. */
export function columnsFor(blind: boolean): CandidateColumn[] {
  return CANDIDATE_COLUMNS.filter((c) => !(blind && c.identifying));
}

/** The sheets' tab names; the reader finds the candidates by this name. */
export const COVER_SHEET = 'Read me - Lisez-moi';
export const CANDIDATES_SHEET = 'Candidates - Candidats';
