import type pg from 'pg';
import type { RubricCriterion } from '../../../../shared/api/contract';
import { ConflictError, NotFoundError } from '../../../../shared/api/errors';
import { inTransaction, read } from '../../../../db/postgres/transaction';
import { pgTriageActions } from './pg-actions';
import { pgTriageDetail } from './pg-detail';
import { pgQueueReads } from './pg-queue';
import type { TriageStore } from './index';
import { toView, type ViewRow } from './sqlite-settings';

/**
 * Triage's store on the office server (team mode): the queue reads (pg-queue.ts), the detail
 * (pg-detail.ts), the actions with their row locks and versions (pg-actions.ts), and here the
 * rubrics and saved views. The search index needs no chunks: a trigger keeps it as applications
 * are written (PostgreSQL migration 2).
 */

export function pgTriageStore(pool: pg.Pool): TriageStore {
  const rubric = async (campaignId: number, division: string | null): Promise<RubricCriterion[]> =>
    division === null ? [] : read<RubricCriterion>(pool, 'SELECT id, label FROM rubric_criteria WHERE campaign_id = $1 AND division_code = $2 AND archived = 0 ORDER BY position', [campaignId, division]);

  return {
    ...pgQueueReads(pool),
    detail: pgTriageDetail(pool, rubric),
    rubric,
    ...pgTriageActions(pool),

    async saveRubric({ campaignId, division, criteria }, officer) {
      const at = new Date().toISOString();
      await inTransaction(pool, async (c) => {
        // One officer's rubric change at a time per division: the criteria read are the ones replaced.
        await c.query("SELECT pg_advisory_xact_lock(hashtext('rubric ' || $1::text || ' ' || $2))", [campaignId, division]);
        const current = (await c.query<RubricCriterion>('SELECT id, label FROM rubric_criteria WHERE campaign_id = $1 AND division_code = $2 AND archived = 0 ORDER BY position', [campaignId, division])).rows;
        const kept = new Set(criteria.flatMap((cr) => (cr.id === undefined ? [] : [cr.id])));
        for (const cr of current) if (!kept.has(cr.id)) await c.query('UPDATE rubric_criteria SET archived = 1 WHERE id = $1', [cr.id]);
        for (const [position, cr] of criteria.entries()) {
          if (cr.id === undefined) await c.query('INSERT INTO rubric_criteria (campaign_id, division_code, position, label) VALUES ($1, $2, $3, $4)', [campaignId, division, position, cr.label]);
          else {
            const updated = await c.query('UPDATE rubric_criteria SET label = $1, position = $2 WHERE id = $3 AND campaign_id = $4 AND division_code = $5 AND archived = 0', [cr.label, position, cr.id, campaignId, division]);
            if (updated.rowCount !== 1) throw new NotFoundError(`Rubric criterion ${cr.id} is not one of ${division}'s. Nothing was saved.`, 'NoSuchCriterion');
          }
        }
        await c.query('INSERT INTO audit_log (campaign_id, at, actor, action, subject, details_json) VALUES ($1, $2, $3, $4, $5, $6)', [
          campaignId,
          at,
          officer,
          'triage.setRubric',
          division,
          JSON.stringify({ before: current.map((cr) => cr.label), after: criteria.map((cr) => cr.label) }),
        ]);
      });
    },

    async savedViews(campaignId, owner) {
      return (await read<ViewRow>(pool, 'SELECT id, name, view_json, updated_at FROM saved_views WHERE campaign_id = $1 AND owner = $2 ORDER BY lower(name)', [campaignId, owner])).map(toView);
    },

    async saveView({ campaignId, name, view }, owner) {
      // A write: never re-sent on a dropped connection as read() does.
      const [row] = await inTransaction(pool, async (c) => (await c.query<ViewRow>(
        `INSERT INTO saved_views (campaign_id, owner, name, view_json, updated_at) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (campaign_id, owner, name) DO UPDATE SET view_json = excluded.view_json, updated_at = excluded.updated_at
         RETURNING id, name, view_json, updated_at`,
        [campaignId, owner, name, JSON.stringify(view), new Date().toISOString()],
      )).rows);
      if (!row) throw new ConflictError('The view could not be saved.', 'NotSaved');
      return toView(row);
    },

    async deleteView(id, owner) {
      const [row] = await inTransaction(pool, async (c) => (await c.query<{ campaign_id: number }>('DELETE FROM saved_views WHERE id = $1 AND owner = $2 RETURNING campaign_id', [id, owner])).rows);
      return row?.campaign_id ?? null;
    },

    indexSearchChunk: async () => 0,
  };
}
