/**
 * The code a candidate goes by on a shortlist: "DI-042-7", the division, a number within the
 * campaign's candidates of that division, and a check digit. Hiring managers see it instead of
 * the Application ID (and, in a blind workbook, instead of the name), and it is what their reply
 * is read back by. The check digit (Damm's algorithm) catches every single mistyped digit and every
 * swap of two neighbouring digits, so a typo never lands silently on another candidate.
 */

// Damm's totally anti-symmetric quasigroup of order 10.
const DAMM: readonly (readonly number[])[] = [
  [0, 3, 1, 7, 5, 9, 8, 6, 4, 2],
  [7, 0, 9, 2, 1, 5, 4, 8, 6, 3],
  [4, 2, 0, 6, 8, 7, 1, 3, 5, 9],
  [1, 7, 5, 0, 9, 8, 3, 4, 2, 6],
  [6, 1, 2, 3, 0, 4, 5, 9, 7, 8],
  [3, 6, 7, 4, 2, 0, 9, 5, 8, 1],
  [5, 8, 6, 9, 7, 2, 0, 1, 3, 4],
  [8, 9, 4, 5, 3, 6, 2, 0, 1, 7],
  [9, 4, 3, 8, 6, 1, 7, 2, 0, 5],
  [2, 5, 8, 1, 4, 3, 6, 7, 9, 0],
];

function damm(digits: string): number {
  let interim = 0;
  for (const d of digits) interim = DAMM[interim]?.[Number(d)] ?? 0;
  return interim;
}

const CODE = /^([A-Z]{2,5})-(\d{3,6})-(\d)$/;

/** The code of a division's `sequence`-th candidate (1, 2, …), e.g. candidateCode('DI', 42) = "DI-042-7". */
export function candidateCode(division: string, sequence: number): string {
  const number = String(sequence).padStart(3, '0');
  return `${division}-${number}-${damm(number)}`;
}

/** A code as a manager may have typed it (spaces, lower case) in its written form, or null if it is not one Cohort could have given. */
export function readCandidateCode(text: string): string | null {
  const code = text.trim().toUpperCase().replace(/\s+/g, '');
  const m = CODE.exec(code);
  if (!m) return null;
  return damm(`${m[2]}${m[3]}`) === 0 ? code : null;
}
