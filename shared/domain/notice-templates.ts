import type { NoticeOutcome } from './notice-outcome';

/**
 * The texts of outcome notices, one per outcome and language, edited by the office. A template is
 * text with placeholders in braces, "Dear {firstName}," — filled per person when a batch is
 * prepared. A placeholder Cohort does not know (a typo, "{fristName}") or one that means nothing
 * for the outcome ("{session}" in a rejection) is an error shown while editing, before anything is
 * prepared: a notice never goes out with "{fristName}" in it.
 */

export const PLACEHOLDERS = [
  'firstName',
  'lastName',
  'fullName',
  /** One line per application: Application ID, division, position. */
  'applications',
  /** Why the applications were ineligible, in plain words, one line each. */
  'reasons',
  /** For nationals of partner countries: where to turn (their Delegation at NATO Headquarters). */
  'partnerReferral',
  'session',
  'startDate',
  'stipend',
  'travelAllowance',
  'paidLeave',
  'officeContact',
] as const;
export type Placeholder = (typeof PLACEHOLDERS)[number];

const COMMON: readonly Placeholder[] = ['firstName', 'lastName', 'fullName', 'applications', 'officeContact'];

/** What each outcome's notice may say. */
export const PLACEHOLDERS_OF: Readonly<Record<NoticeOutcome, readonly Placeholder[]>> = {
  ineligible: [...COMMON, 'reasons', 'partnerReferral'],
  notRetained: COMMON,
  notSelected: COMMON,
  reserve: COMMON,
  selected: [...COMMON, 'session', 'startDate', 'stipend', 'travelAllowance', 'paidLeave'],
  offerWithdrawn: COMMON,
};

export type TemplatePart = { text: string } | { placeholder: Placeholder };

export interface TemplateProblem {
  /** Where in the text (0-based), for the editor to show. */
  index: number;
  /** The piece at fault, as written: "{fristName}". */
  written: string;
  message: string;
  /** The placeholder probably meant, when one is close. */
  suggestion: Placeholder | null;
}

export type ParsedTemplate = { ok: true; parts: TemplatePart[] } | { ok: false; problems: TemplateProblem[] };

/** Letters compared without case; the distance of two names, to suggest the one meant. */
function distance(a: string, b: string): number {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  let previous = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const row = [i];
    for (let j = 1; j <= y.length; j++) {
      row[j] = Math.min((previous[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + (x[i - 1] === y[j - 1] ? 0 : 1));
    }
    previous = row;
  }
  return previous[y.length] ?? 0;
}

function closest(name: string, allowed: readonly Placeholder[]): Placeholder | null {
  let best: Placeholder | null = null;
  let bestDistance = Infinity;
  for (const candidate of allowed) {
    const d = distance(name, candidate);
    if (d < bestDistance) [best, bestDistance] = [candidate, d];
  }
  return best !== null && bestDistance <= Math.max(2, Math.floor(name.length / 3)) ? best : null;
}

const PIECE = /\{([^{}]*)\}|[{}]/g;

/** Reads a template for an outcome: its parts, or every problem in it. */
export function parseTemplate(text: string, outcome: NoticeOutcome): ParsedTemplate {
  const allowed = PLACEHOLDERS_OF[outcome];
  const parts: TemplatePart[] = [];
  const problems: TemplateProblem[] = [];
  let from = 0;
  for (const m of text.matchAll(PIECE)) {
    const index = m.index;
    if (index > from) parts.push({ text: text.slice(from, index) });
    from = index + m[0].length;
    const name = m[1];
    if (name === undefined) {
      problems.push({ index, written: m[0], message: `A lone "${m[0]}": placeholders are written in braces, like {firstName}.`, suggestion: null });
      continue;
    }
    const trimmed = name.trim();
    if ((allowed as readonly string[]).includes(trimmed)) {
      parts.push({ placeholder: trimmed as Placeholder });
      continue;
    }
    const known = (PLACEHOLDERS as readonly string[]).includes(trimmed);
    const suggestion = known ? null : closest(trimmed, allowed);
    problems.push({
      index,
      written: m[0],
      message: known
        ? `{${trimmed}} means nothing in this notice; it can use ${allowed.map((p) => `{${p}}`).join(', ')}.`
        : `{${trimmed}} is not a placeholder Cohort knows${suggestion ? `; did you mean {${suggestion}}?` : '.'}`,
      suggestion,
    });
  }
  if (from < text.length) parts.push({ text: text.slice(from) });
  return problems.length > 0 ? { ok: false, problems } : { ok: true, parts };
}

/** Fills a parsed template; every placeholder it uses must have a value (the service gives all of an outcome's). */
export function renderTemplate(parts: readonly TemplatePart[], values: Readonly<Partial<Record<Placeholder, string>>>): string {
  return parts.map((part) => ('text' in part ? part.text : (values[part.placeholder] ?? ''))).join('');
}
