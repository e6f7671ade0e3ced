import type { QueueId, TriageColumn, TriageFilter, TriageSort } from '../../../../shared/api/contract';
import { brusselsDayStart } from '../../../../shared/domain/datetime';
import { levelsAtLeast } from '../../../../shared/domain/listed-values';
import { ftsQuery, searchTerms } from '../../../../shared/domain/search-text';
import { STAGE_IDS, UNASSIGNED_QUEUE } from '../../../../shared/domain/stages';
import { ACTIVE_OVERRIDE, EFFECTIVE_VERDICT } from '../../screening/store/sqlite-effective-verdict';

/**
 * A queue view as SQL: which applications (campaign, division queue, eligible, filters, search)
 * and in which order. Everything runs in the database: the renderer only ever holds a page.
 * Values are always bound parameters (`?`; numbered for PostgreSQL by `numbered`); column names
 * come from the fixed tables below. One query for both engines; what differs is the dialect's:
 * - SQLite: FTS5 `MATCH` on application_search, `INDEXED BY` and `CROSS JOIN` (join order),
 *   `COLLATE NOCASE` (sorting text), `LIKE … ESCAPE` (case-insensitive for ASCII);
 * - PostgreSQL: a tsvector `@@` prefix query on application_search, the planner's own join order,
 *   `lower()` for sorting text, `ILIKE`.
 */

// What a queue row joins to `applications a`. The verdict is read from an index (0006) rather than
// the results' wide rows: a queue reads thousands.
export interface QueueDialect {
  verdictJoins: string;
  /** FROM led by a search's matches (one bound parameter: the dialect's query of the terms). */
  searchJoins: string;
  /** The search as that parameter, from what was typed; null when it holds no word. */
  searchQuery(typed: string): string | null;
  /** A text column in case-insensitive order. */
  nocase(column: string): string;
  like: string;
}

export const SQLITE_QUEUE: QueueDialect = {
  verdictJoins: `JOIN screening_results r INDEXED BY screening_results_verdict ON r.application_ref = a.id
  ${ACTIVE_OVERRIDE}`,
  // A search's matches, each tested for the effective verdict from the narrow indexes first: only the
  // eligible ones are looked up in the wide applications table (about 2 in 5 of a demo campaign).
  // CROSS JOIN keeps this order (s, r, o, a).
  searchJoins: `FROM (SELECT rowid AS ref FROM application_search WHERE application_search MATCH ?) s
  CROSS JOIN screening_results r INDEXED BY screening_results_verdict ON r.application_ref = s.ref
  LEFT JOIN screening_overrides o INDEXED BY screening_overrides_active ON o.application_ref = s.ref AND o.state = 'active'
  CROSS JOIN applications a ON a.id = s.ref`,
  searchQuery: ftsQuery,
  nocase: (column) => `${column} COLLATE NOCASE`,
  like: 'LIKE',
};

export const POSTGRES_QUEUE: QueueDialect = {
  verdictJoins: `JOIN screening_results r ON r.application_ref = a.id
  LEFT JOIN screening_overrides o ON o.application_ref = a.id AND o.state = 'active'`,
  // The search's matches first, from the GIN index (OFFSET 0 keeps the planner from folding them
  // into the join: it cannot tell how few a prefix finds, and would test every application instead).
  searchJoins: `FROM (SELECT application_ref AS ref FROM application_search WHERE document @@ to_tsquery('simple', ?) OFFSET 0) s
  JOIN applications a ON a.id = s.ref
  JOIN screening_results r ON r.application_ref = a.id
  LEFT JOIN screening_overrides o ON o.application_ref = a.id AND o.state = 'active'`,
  // Each word a prefix, all of them (FTS5's "word"* AND …); the words are letters and digits only.
  searchQuery: (typed) => {
    const terms = searchTerms(typed);
    return terms.length === 0 ? null : terms.map((t) => `${t}:*`).join(' & ');
  },
  nocase: (column) => `lower(${column})`,
  like: 'ILIKE',
};

/** `?` placeholders as PostgreSQL's $1, $2…: the queue's SQL holds no `?` but its placeholders. */
export function numbered(sql: string): string {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
}

const STATE_JOIN = 'LEFT JOIN triage_states t ON t.application_ref = a.id';



/** The stage, with no stored state meaning new. */
export const STAGE = `coalesce(t.stage, 'new')`;

const STAGE_ORDER = `CASE ${STAGE} ${STAGE_IDS.map((s, i) => `WHEN '${s}' THEN ${i}`).join(' ')} END`;
const LEVEL_ORDER = (column: string) => `CASE ${column} WHEN 'none' THEN 0 WHEN 'A1' THEN 1 WHEN 'A2' THEN 2 WHEN 'B1' THEN 3 WHEN 'B2' THEN 4 WHEN 'C1' THEN 5 WHEN 'C2' THEN 6 WHEN 'native' THEN 7 END`;

/** What each column sorts by; empty values last whichever the direction. */
const sortExpressions = (nocase: QueueDialect['nocase']): Record<TriageColumn, string[]> => ({
  applicationId: ['a.application_id'],
  // name_key: last and first name without accents or case (0008), so "Ābolinš" sorts with the A's.
  name: ['a.name_key IS NULL', 'a.name_key'],
  // By country (its code), unreadable nationalities last: "BE", "Belgique" and "Belgium" together.
  nationality: ['a.nationality_code IS NULL', 'a.nationality_code'],
  division: ['a.division_code IS NULL', 'a.division_code'],
  stage: [STAGE_ORDER],
  score: ['t.score IS NULL', 't.score'],
  funding: ['a.funding_parsed IS NULL', 'a.funding_parsed'],
  preferredSession: ["a.preferred_session = ''", nocase('a.preferred_session')],
  fieldOfStudy: ["a.field_of_study = ''", nocase('a.field_of_study')],
  university: ["a.university = ''", nocase('a.university')],
  englishLevel: ['a.english_level_parsed IS NULL', LEVEL_ORDER('a.english_level_parsed')],
  frenchLevel: ['a.french_level_parsed IS NULL', LEVEL_ORDER('a.french_level_parsed')],
  otherLanguages: ["a.other_languages = ''", nocase('a.other_languages')],
  // Every stored application has a submission instant (the import refuses rows without one).
  submittedAt: ['a.submitted_at'],
  assignee: ['t.assignee IS NULL', nocase('t.assignee')],
});

export interface QueueSql {
  /** FROM and joins, led by the search's matches when there is a search. */
  from: string;
  /**
   * The same FROM for a query that reads no column of `t` itself (a count, the refs): triage_states
   * is joined only if the conditions or the order read it. It is a LEFT JOIN on its primary key, so
   * leaving it out never changes which rows or how many.
   */
  refsFrom: string;
  /** Led by a search: the query reads every match, so a page costs as much as all of them. */
  search: boolean;
  where: string;
  params: (string | number)[];
  orderBy: string;
}

const escapeLike = (text: string) => `%${text.trim().replace(/[%_\\]/g, (c) => `\\${c}`)}%`;

export function queueSql(campaignId: number, queue: QueueId, filter: TriageFilter, sort: TriageSort = [], dialect: QueueDialect = SQLITE_QUEUE): QueueSql {
  const where = ['a.campaign_id = ?', `${EFFECTIVE_VERDICT} = 'eligible'`];
  const params: (string | number)[] = [campaignId];
  if (queue === UNASSIGNED_QUEUE) where.push('a.division_code IS NULL');
  else if (queue !== 'all') {
    where.push('a.division_code = ?');
    params.push(queue);
  }
  const anyOf = (expression: string, values: readonly string[]) => {
    where.push(`${expression} IN (${values.map(() => '?').join(', ')})`);
    params.push(...values);
  };
  if (filter.stages && filter.stages.length > 0) anyOf(STAGE, filter.stages);
  if (filter.assignee !== undefined) {
    if (filter.assignee === '') where.push('t.assignee IS NULL');
    else {
      where.push('t.assignee = ?');
      params.push(filter.assignee);
    }
  }
  // Country codes (the facet's keys); '' stands for a nationality that names no country.
  if (filter.nationality && filter.nationality.length > 0) {
    const codes = filter.nationality.filter((c) => c !== '');
    const parts: string[] = [];
    if (codes.length > 0) {
      parts.push(`a.nationality_code IN (${codes.map(() => '?').join(', ')})`);
      params.push(...codes);
    }
    if (filter.nationality.includes('')) parts.push('a.nationality_code IS NULL');
    where.push(`(${parts.join(' OR ')})`);
  }
  if (filter.funding && filter.funding.length > 0) {
    const known = filter.funding.filter((f) => f !== 'unknown');
    const parts: string[] = [];
    if (known.length > 0) {
      parts.push(`a.funding_parsed IN (${known.map(() => '?').join(', ')})`);
      params.push(...known);
    }
    if (filter.funding.includes('unknown')) parts.push('a.funding_parsed IS NULL');
    where.push(`(${parts.join(' OR ')})`);
  }
  if (filter.preferredSession && filter.preferredSession.length > 0) anyOf('a.preferred_session', filter.preferredSession);
  for (const [column, value] of [
    ['a.field_of_study', filter.fieldOfStudy],
    ['a.university', filter.university],
  ] as const) {
    if (value && value.trim() !== '') {
      where.push(`${column} ${dialect.like} ? ESCAPE '\\'`);
      params.push(escapeLike(value));
    }
  }
  if (filter.englishAtLeast) anyOf('a.english_level_parsed', levelsAtLeast(filter.englishAtLeast));
  if (filter.frenchAtLeast) anyOf('a.french_level_parsed', levelsAtLeast(filter.frenchAtLeast));
  if (filter.scoreAtLeast !== undefined) {
    where.push('t.score >= ?');
    params.push(filter.scoreAtLeast);
  }
  if (filter.unscored) where.push('t.score IS NULL');
  // submitted_at is an instant (ISO, UTC); the dates are Brussels days, compared as the instants they start at.
  if (filter.submittedFrom) {
    where.push(`a.submitted_at >= ?`);
    params.push(brusselsDayStart(filter.submittedFrom));
  }
  if (filter.submittedTo) {
    where.push(`a.submitted_at < ?`);
    params.push(brusselsDayStart(filter.submittedTo, 1));
  }
  const match = filter.search ? dialect.searchQuery(filter.search) : null;
  const expressions = sortExpressions(dialect.nocase);
  const order = [...sort.flatMap((s) => expressions[s.column].map((e, i) => (i === 0 && e.includes('IS NULL')) || e.endsWith("= ''") ? e : `${e} ${s.descending ? 'DESC' : 'ASC'}`)), 'a.submitted_at', 'a.id'];
  // The default order (oldest first) is the indexes' own order: a page needs no sorting of the whole queue.
  // A search leads: its matches are usually a few hundred of the campaign's thousands, so the
  // query starts from them (SEARCH_JOINS) instead of testing every application.
  const joins = match ? dialect.searchJoins : `FROM applications a ${dialect.verdictJoins}`;
  const whereSql = where.join(' AND ');
  const orderBy = order.join(', ');
  const readsState = /\bt\./.test(`${whereSql} ${orderBy}`);
  return {
    from: `${joins} ${STATE_JOIN}`,
    refsFrom: readsState ? `${joins} ${STATE_JOIN}` : joins,
    search: match !== null,
    where: whereSql,
    params: match ? [match, ...params] : params,
    orderBy,
  };
}
