import type pg from 'pg';
import type { CountRow, QueueId, TriageFilter, TriagePage, TriageRow, TriageSidebar, TriageSort } from '../../../../shared/api/contract';
import { searchTerms } from '../../../../shared/domain/search-text';
import { UNASSIGNED_QUEUE, type Stage } from '../../../../shared/domain/stages';
import { read } from '../../../../db/postgres/transaction';
import { numbered, POSTGRES_QUEUE, queueSql, STAGE } from './queue-sql';
import { ROW_COLUMNS, sidebarOf } from './sqlite-queue';
import type { TriageFacets, TriageStore } from './index';

/**
 * The queue reads on the office server: the same query as SQLite's (queue-sql.ts) in PostgreSQL's
 * dialect, with the same row columns (their camelCase names quoted: PostgreSQL folds bare ones).
 */

const PG_ROW_COLUMNS = ROW_COLUMNS.replace(/ AS ([A-Za-z]+)/g, ' AS "$1"');

export function pgQueueReads(pool: pg.Pool): Pick<TriageStore, 'listQueue' | 'queueRefs' | 'sidebar' | 'facets'> {
  const queue = (campaignId: number, id: QueueId, filter: TriageFilter, sort: TriageSort = []) => queueSql(campaignId, id, filter, sort, POSTGRES_QUEUE);

  return {
    async listQueue(campaignId, id, filter, sort, offset, limit, withTotal = true): Promise<TriagePage> {
      const q = queue(campaignId, id, filter, sort);
      const terms = filter.search ? searchTerms(filter.search) : [];
      // A page's order from the narrow indexes (the queue's refs), then its rows by id: the wide
      // rows of a division are never all read. A search reads every match whatever the page (to sort
      // them): its refs come whole, and their number is the total, as on SQLite.
      const [refs, total] = await Promise.all([
        read<{ id: number }>(pool, numbered(`SELECT a.id ${q.refsFrom} WHERE ${q.where} ORDER BY ${q.orderBy}${q.search ? '' : ' LIMIT ? OFFSET ?'}`), q.search ? q.params : [...q.params, limit, offset]).then((r) =>
          r.map((row) => row.id),
        ),
        withTotal && !q.search ? read<{ n: number }>(pool, numbered(`SELECT count(*) AS n ${q.refsFrom} WHERE ${q.where}`), q.params).then((r) => r[0]?.n ?? 0) : Promise.resolve(null),
      ]);
      const page = q.search ? refs.slice(offset, offset + limit) : refs;
      const found = page.length === 0 ? [] : await read<TriageRow>(pool, `SELECT ${PG_ROW_COLUMNS} FROM applications a LEFT JOIN triage_states t ON t.application_ref = a.id WHERE a.id = ANY($1::int[])`, [page]);
      const byRef = new Map(found.map((r) => [r.ref, r]));
      return { rows: page.flatMap((ref) => byRef.get(ref) ?? []), total: q.search ? (withTotal ? refs.length : null) : total, offset, searchTerms: terms };
    },

    async queueRefs(campaignId, id, filter, sort) {
      const q = queue(campaignId, id, filter, sort);
      return (await read<{ id: number }>(pool, numbered(`SELECT a.id ${q.refsFrom} WHERE ${q.where} ORDER BY ${q.orderBy}`), q.params)).map((r) => r.id);
    },

    async sidebar(campaignId, officer): Promise<TriageSidebar> {
      const q = queue(campaignId, 'all', {});
      const rows = await read<{ queue: string; stage: Stage; n: number; mine: number }>(
        pool,
        numbered(`SELECT coalesce(a.division_code, '${UNASSIGNED_QUEUE}') AS queue, ${STAGE} AS stage, count(*) AS n, count(*) FILTER (WHERE t.assignee = ?) AS mine
          ${q.from} WHERE ${q.where} GROUP BY 1, 2`),
        [officer, ...q.params],
      );
      return sidebarOf(rows, officer);
    },

    async facets(campaignId, id): Promise<TriageFacets> {
      const q = queue(campaignId, id, {});
      const count = async (column: string) =>
        (await read<CountRow>(pool, numbered(`SELECT ${column} AS key, count(*) AS count ${q.from} WHERE ${q.where} GROUP BY ${column} ORDER BY count DESC, ${column} LIMIT 300`), q.params)).map((r) => ({
          key: r.key === '' ? null : r.key,
          count: r.count,
        }));
      const [nationality, preferredSession, fieldOfStudy, university] = await Promise.all([
        count('a.nationality_code'),
        count('a.preferred_session'),
        count('a.field_of_study'),
        count('a.university'),
      ]);
      return { nationality, preferredSession, fieldOfStudy, university };
    },
  };
}
