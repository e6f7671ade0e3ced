/**
 * Listed values of the export (e-recruitment-export.md), matched ignoring case and surrounding
 * spaces. One place for each list.
 */

function norm(raw: string | null | undefined): string {
  return (raw ?? '').trim().toLowerCase();
}

export type ApplicationStatus = 'submitted' | 'draft';

const STATUS: Record<string, ApplicationStatus> = {
  submitted: 'submitted',
  soumise: 'submitted',
  draft: 'draft',
  brouillon: 'draft',
};

export function parseStatus(raw: string | null | undefined): ApplicationStatus | null {
  return STATUS[norm(raw)] ?? null;
}

export type YesNo = boolean;
const YES_NO: Record<string, boolean> = { yes: true, y: true, true: true, oui: true, no: false, n: false, false: false, non: false };

export function parseYesNo(raw: string | null | undefined): YesNo | null {
  return YES_NO[norm(raw)] ?? null;
}

export type FundingTrack = 'nato' | 'grant';
const FUNDING: Record<string, FundingTrack> = {
  'nato-funded': 'nato',
  'nato funded': 'nato',
  nato: 'nato',
  "financé par l'otan": 'nato',
  'financement otan': 'nato',
  'grant-funded': 'grant',
  'grant funded': 'grant',
  grant: 'grant',
  subvention: 'grant',
};

export function parseFunding(raw: string | null | undefined): FundingTrack | null {
  return FUNDING[norm(raw).replace(/’/g, "'")] ?? null;
}
