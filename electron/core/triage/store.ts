import type { SavedView } from '../../../shared/api/contract';
import { ConflictError, NotFoundError } from '../../../shared/api/errors';
import type { SqliteDatabase } from '../../../db/connection';
import { auditWriter } from '../audit/audit-log';
import { rubricOf } from './read';
import { writeTransaction } from '../../../db/write-transaction';

/**
 * The SQL of triage's settings: each division's rubric and each officer's saved views. The queue
 * reads (read.ts, queue-query.ts), the actions (actions.ts) and the search index (search-index.ts)
 * keep their raw fast paths there. SQLite-only: `COLLATE NOCASE`, `ON CONFLICT … DO UPDATE`,
 * writes go through db/write-transaction.ts (BEGIN IMMEDIATE).
 */

interface ViewRow {
  id: number;
  name: string;
  view_json: string;
  updated_at: string;
}

const toView = (r: ViewRow): SavedView => ({ id: r.id, name: r.name, ...(JSON.parse(r.view_json) as Omit<SavedView, 'id' | 'name' | 'updatedAt'>), updatedAt: r.updated_at });

/**
 * A division's rubric as the officer left it, in one transaction: criteria with an id keep it
 * (renamed, moved), new ones are added, those left out are retired (their scores stay); audited.
 */
export function saveRubric(
  sqlite: SqliteDatabase,
  { campaignId, division, criteria }: { campaignId: number; division: string; criteria: { id?: number; label: string }[] },
  officer: string,
): void {
  const at = new Date().toISOString();
  writeTransaction(sqlite, () => {
      const current = rubricOf(sqlite, campaignId, division);
      const kept = new Set(criteria.flatMap((c) => (c.id === undefined ? [] : [c.id])));
      for (const c of current) if (!kept.has(c.id)) sqlite.prepare('UPDATE rubric_criteria SET archived = 1 WHERE id = ?').run(c.id);
      criteria.forEach((c, position) => {
        if (c.id === undefined) {
          sqlite.prepare('INSERT INTO rubric_criteria (campaign_id, division_code, position, label) VALUES (?, ?, ?, ?)').run(campaignId, division, position, c.label);
        } else {
          const updated = sqlite
            .prepare('UPDATE rubric_criteria SET label = ?, position = ? WHERE id = ? AND campaign_id = ? AND division_code = ? AND archived = 0')
            .run(c.label, position, c.id, campaignId, division);
          if (updated.changes !== 1) throw new NotFoundError(`Rubric criterion ${c.id} is not one of ${division}'s. Nothing was saved.`, 'NoSuchCriterion');
        }
      });
      auditWriter(sqlite)(
        { campaignId, actor: officer, action: 'triage.setRubric', subject: division, details: { before: current.map((c) => c.label), after: criteria.map((c) => c.label) } },
        at,
      );
    });
}

/** An officer's saved views of a campaign, by name. */
export function savedViews(sqlite: SqliteDatabase, campaignId: number, owner: string): SavedView[] {
  const rows = sqlite
    .prepare('SELECT id, name, view_json, updated_at FROM saved_views WHERE campaign_id = ? AND owner = ? ORDER BY name COLLATE NOCASE')
    .all(campaignId, owner) as ViewRow[];
  return rows.map(toView);
}

/** Saves a view; saving under an existing name replaces that view (the officer chose the name). */
export function saveView(
  sqlite: SqliteDatabase,
  { campaignId, name, view }: { campaignId: number; name: string; view: Omit<SavedView, 'id' | 'name' | 'updatedAt'> },
  owner: string,
): SavedView {
  sqlite
    .prepare(
      `INSERT INTO saved_views (campaign_id, owner, name, view_json, updated_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (campaign_id, owner, name) DO UPDATE SET view_json = excluded.view_json, updated_at = excluded.updated_at`,
    )
    .run(campaignId, owner, name, JSON.stringify(view), new Date().toISOString());
  const row = sqlite.prepare('SELECT id, name, view_json, updated_at FROM saved_views WHERE campaign_id = ? AND owner = ? AND name = ?').get(campaignId, owner, name) as ViewRow | undefined;
  if (!row) throw new ConflictError('The view could not be saved.', 'NotSaved');
  return toView(row);
}

/** Deletes one of the officer's own views; its campaign, or null when they have no such view. */
export function deleteView(sqlite: SqliteDatabase, id: number, owner: string): number | null {
  const row = sqlite.prepare('SELECT campaign_id FROM saved_views WHERE id = ? AND owner = ?').get(id, owner) as { campaign_id: number } | undefined;
  if (!row) return null;
  sqlite.prepare('DELETE FROM saved_views WHERE id = ?').run(id);
  return row.campaign_id;
}
