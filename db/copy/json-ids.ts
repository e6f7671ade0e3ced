/**
 * Ids that JSON columns (and one text column) hold, which the schema cannot declare as foreign
 * keys: rewritten through the same maps as the foreign keys when a campaign is copied, because the
 * app reads them back as ids. What is rewritten, and why:
 * - triage_changes.before_json / after_json: a state's `scores` are keyed by rubric criterion and a
 *   note action's `note.id` is the note's row; undo writes those scores back and removes that note.
 * - triage_actions.details_json: criterionId (0 = the overall score, not a criterion), shortlistId,
 *   exportId, replyId: the history names the list, the export, the reply an action came from.
 * - audit_log.details_json: the same, and actionId, and the applications it names (`ref`, `refs`,
 *   `order`): an erasure finds a person's entries by those refs (privacy/store/erasure-rules.ts).
 *   audit_log.subject: the shortlist, import or notice batch an entry is about, for those actions.
 * - notice_standing.superseded_json: notice ids, joined to notices by the Notices page.
 * - notices.basis: what a notice rests on, one [application id, …] per application
 *   (shared/domain/notice-outcome.ts noticeBasis): a notice whose basis no longer matches the
 *   person's applications is owed again, so ids left unmapped would make every person told owed.
 * Left as they are: everything else in JSON is words, names, counts, dates, codes, file names,
 * settings and views of a state (before/after inside audit details are copies for reading, not
 * ids), and the applications' own ID (NIP-…) and person keys, which are the export's, not rows'.
 * An id of a row that is not copied (an application since erased) becomes null: on the target the
 * same number is another campaign's row.
 */

/** The new id of a row of `table`, or null when that row was not copied. */
export type IdLookup = (table: string, id: number) => number | null;

export interface JsonIdRule {
  table: string;
  column: string;
  /** The tables whose ids it holds (the plan checks they are copied). */
  holds: readonly string[];
  /** The column's new value, given the row's other columns as read (`get`), not yet rewritten. */
  rewrite(value: string, get: (column: string) => unknown, id: IdLookup): string;
}

type Json = Record<string, unknown>;

function asObject(text: string): Json | null {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Json) : null;
  } catch {
    return null;
  }
}

const isId = (value: unknown): value is number => typeof value === 'number' && Number.isSafeInteger(value);

/** Rewrites the top-level keys of an object that hold one id, or a list of ids, of a table. */
function rewriteKeys(object: Json, keys: Readonly<Record<string, string>>, id: IdLookup, keepZero: readonly string[] = []): Json {
  const out: Json = { ...object };
  for (const [key, table] of Object.entries(keys)) {
    const value = out[key];
    if (isId(value)) out[key] = value === 0 && keepZero.includes(key) ? 0 : id(table, value);
    else if (Array.isArray(value)) out[key] = value.map((v) => (isId(v) ? id(table, v) : v));
  }
  return out;
}

function rewriteJson(text: string, change: (object: Json) => Json): string {
  const object = asObject(text);
  return object === null ? text : JSON.stringify(change(object));
}

const ACTION_DETAIL_IDS = { criterionId: 'rubric_criteria', shortlistId: 'shortlists', exportId: 'shortlist_exports', replyId: 'shortlist_replies' } as const;
const AUDIT_DETAIL_IDS = { ...ACTION_DETAIL_IDS, actionId: 'triage_actions', ref: 'applications', refs: 'applications', order: 'applications' } as const;

/** The audit actions whose subject is a row's id (String(id)), and that row's table. */
const AUDIT_SUBJECT_IDS: Readonly<Record<string, string>> = {
  'shortlist.create': 'shortlists',
  'shortlist.arrange': 'shortlists',
  'shortlist.note': 'shortlists',
  'shortlist.add': 'shortlists',
  'shortlist.remove': 'shortlists',
  'shortlist.export': 'shortlists',
  'shortlist.reply': 'shortlists',
  'import.commit': 'imports',
  'import.rejectionsExport': 'imports',
  'notices.prepare': 'notice_batches',
  'notices.sent': 'notice_batches',
};

/** A triage state as triage_changes keeps it: scores by criterion id, a note action's note id. */
function rewriteState(state: Json, id: IdLookup): Json {
  const out: Json = { ...state };
  const scores = state.scores;
  if (typeof scores === 'object' && scores !== null && !Array.isArray(scores)) {
    out.scores = Object.fromEntries(
      Object.entries(scores as Json).flatMap(([criterion, score]) => {
        const next = /^\d+$/.test(criterion) ? id('rubric_criteria', Number(criterion)) : null;
        return next === null ? [] : [[String(next), score]];
      }),
    );
  }
  const note = state.note;
  if (typeof note === 'object' && note !== null && isId((note as Json).id)) out.note = { ...(note as Json), id: id('application_notes', (note as { id: number }).id) };
  return out;
}

/** A notice's basis: a list of [application id, …] (the ids ascending, as the copy keeps their order). */
function rewriteBasis(text: string, id: IdLookup): string {
  try {
    const value: unknown = JSON.parse(text);
    if (!Array.isArray(value)) return text;
    return JSON.stringify(value.map((entry: unknown) => (Array.isArray(entry) && isId(entry[0]) ? [id('applications', entry[0]), ...entry.slice(1)] : entry)));
  } catch {
    return text;
  }
}

export const JSON_ID_RULES: readonly JsonIdRule[] = [
  { table: 'notices', column: 'basis', holds: ['applications'], rewrite: (v, _get, id) => rewriteBasis(v, id) },
  { table: 'triage_changes', column: 'before_json', holds: ['rubric_criteria', 'application_notes'], rewrite: (v, _get, id) => rewriteJson(v, (s) => rewriteState(s, id)) },
  { table: 'triage_changes', column: 'after_json', holds: ['rubric_criteria', 'application_notes'], rewrite: (v, _get, id) => rewriteJson(v, (s) => rewriteState(s, id)) },
  { table: 'triage_actions', column: 'details_json', holds: Object.values(ACTION_DETAIL_IDS), rewrite: (v, _get, id) => rewriteJson(v, (o) => rewriteKeys(o, ACTION_DETAIL_IDS, id, ['criterionId'])) },
  { table: 'audit_log', column: 'details_json', holds: Object.values(AUDIT_DETAIL_IDS), rewrite: (v, _get, id) => rewriteJson(v, (o) => rewriteKeys(o, AUDIT_DETAIL_IDS, id, ['criterionId'])) },
  {
    table: 'audit_log',
    column: 'subject',
    holds: [...new Set(Object.values(AUDIT_SUBJECT_IDS))],
    rewrite(value, get, id) {
      const action = get('action');
      const table = typeof action === 'string' ? AUDIT_SUBJECT_IDS[action] : undefined;
      if (!table || !/^\d+$/.test(value)) return value;
      return String(id(table, Number(value)) ?? '');
    },
  },
  {
    table: 'notice_standing',
    column: 'superseded_json',
    holds: ['notices'],
    rewrite(value, _get, id) {
      try {
        const list: unknown = JSON.parse(value);
        // A notice not copied is left out: the list only joins notices.
        return Array.isArray(list) ? JSON.stringify(list.flatMap((n) => (isId(n) ? (id('notices', n) ?? []) : [n]))) : value;
      } catch {
        return value;
      }
    },
  },
];
