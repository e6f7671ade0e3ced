import type pg from 'pg';
import type { ShortlistStore } from './index';
import { pgShortlistExports } from './pg-exports';
import { pgShortlistLists } from './pg-lists';

/**
 * The shortlists' store on the office server (team mode): lists as the office builds them
 * (pg-lists.ts) and the workbooks sent and replies applied (pg-exports.ts), each write one
 * transaction under the locks it needs.
 */
export function pgShortlistStore(pool: pg.Pool): ShortlistStore {
  return { ...pgShortlistLists(pool), ...pgShortlistExports(pool) };
}
