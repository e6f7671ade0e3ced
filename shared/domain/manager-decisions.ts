/**
 * What a division's hiring manager may answer for a candidate in the workbook Cohort sends them:
 * the drop-down offers the English words; the French ones are accepted too (a manager types them,
 * or a French Excel user copies them in), in either gender, with or without accents and case.
 */

export const MANAGER_DECISIONS = ['interview', 'selected', 'reserve', 'notSelected'] as const;
export type ManagerDecision = (typeof MANAGER_DECISIONS)[number];

/** The words of each decision as the workbook writes them, English first (the drop-down's values). */
export const DECISION_WORDS: Readonly<Record<ManagerDecision, { en: string; fr: string }>> = {
  interview: { en: 'Interview', fr: 'Entretien' },
  selected: { en: 'Selected', fr: 'Sélectionné(e)' },
  reserve: { en: 'Reserve', fr: 'Réserve' },
  notSelected: { en: 'Not selected', fr: 'Non retenu(e)' },
};

/** Case, accents, "(e)", a trailing "e" of the feminine, spaces and punctuation do not matter. */
function fold(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/\(e\)/g, '')
    .replace(/[^a-z]+/g, ' ')
    .trim();
}

const ACCEPTED: ReadonlyMap<string, ManagerDecision> = new Map(
  MANAGER_DECISIONS.flatMap((decision) => {
    const { en, fr } = DECISION_WORDS[decision];
    // "Sélectionné(e)" is also written "Sélectionné" and "Sélectionnée".
    const feminine = fr.includes('(e)') ? [`${fold(fr)}e`] : [];
    return [fold(en), fold(fr), ...feminine].map((word) => [word, decision] as const);
  }),
);

/**
 * A Decision cell as the manager left it: a decision, `null` when blank (no answer yet), or
 * `undefined` when it says something else (the row is refused, naming what was written).
 */
export function readDecision(text: string | null | undefined): ManagerDecision | null | undefined {
  const folded = fold(text ?? '');
  if (folded === '') return null;
  return ACCEPTED.get(folded);
}
