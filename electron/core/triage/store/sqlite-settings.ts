import type { RubricCriterion, SavedView } from '../../../../shared/api/contract';
import { ConflictError, NotFoundError } from '../../../../shared/api/errors';
import type { SqliteDatabase } from '../../../../db/connection';
import { writeTransaction } from '../../../../db/write-transaction';
import { auditWriter } from '../../audit/audit-log';
import type { TriageStore } from './index';
import type { Synchronous } from '../../synchronous-store';

/**
 * Triage's settings on SQLite: each division's rubric and each officer's saved views.
 * SQLite-only: `COLLATE NOCASE` (views by name), `ON CONFLICT … DO UPDATE` (saving under a taken name).
 */

type SettingsMethods = Pick<Synchronous<TriageStore>, 'rubric' | 'saveRubric' | 'savedViews' | 'saveView' | 'deleteView'>;

/** A saved view as either engine stores it. */
export interface ViewRow {
  id: number;
  name: string;
  view_json: string;
  updated_at: string;
}

export const toView = (r: ViewRow): SavedView => ({ id: r.id, name: r.name, ...(JSON.parse(r.view_json) as Omit<SavedView, 'id' | 'name' | 'updatedAt'>), updatedAt: r.updated_at });

export function sqliteTriageSettings(sqlite: SqliteDatabase): SettingsMethods {
  const rubricRows = sqlite.prepare<[number, string], RubricCriterion>('SELECT id, label FROM rubric_criteria WHERE campaign_id = ? AND division_code = ? AND archived = 0 ORDER BY position');
  const retireCriterion = sqlite.prepare<[number]>('UPDATE rubric_criteria SET archived = 1 WHERE id = ?');
  const addCriterion = sqlite.prepare<[number, string, number, string]>('INSERT INTO rubric_criteria (campaign_id, division_code, position, label) VALUES (?, ?, ?, ?)');
  const updateCriterion = sqlite.prepare<[string, number, number, number, string]>(
    'UPDATE rubric_criteria SET label = ?, position = ? WHERE id = ? AND campaign_id = ? AND division_code = ? AND archived = 0',
  );
  const viewRows = sqlite.prepare<[number, string], ViewRow>('SELECT id, name, view_json, updated_at FROM saved_views WHERE campaign_id = ? AND owner = ? ORDER BY name COLLATE NOCASE');
  const upsertView = sqlite.prepare<[number, string, string, string, string]>(
    `INSERT INTO saved_views (campaign_id, owner, name, view_json, updated_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (campaign_id, owner, name) DO UPDATE SET view_json = excluded.view_json, updated_at = excluded.updated_at`,
  );
  const viewByName = sqlite.prepare<[number, string, string], ViewRow>('SELECT id, name, view_json, updated_at FROM saved_views WHERE campaign_id = ? AND owner = ? AND name = ?');
  const viewCampaign = sqlite.prepare<[number, string], number>('SELECT campaign_id FROM saved_views WHERE id = ? AND owner = ?').pluck();
  const removeView = sqlite.prepare<[number]>('DELETE FROM saved_views WHERE id = ?');
  const audit = auditWriter(sqlite);

  const rubric = (campaignId: number, division: string | null): RubricCriterion[] => (division === null ? [] : rubricRows.all(campaignId, division));

  return {
    rubric,

    /**
     * A division's rubric as the officer left it, in one transaction: criteria with an id keep it
     * (renamed, moved), new ones are added, those left out are retired (their scores stay); audited.
     */
    saveRubric({ campaignId, division, criteria }, officer) {
      const at = new Date().toISOString();
      writeTransaction(sqlite, () => {
        const current = rubric(campaignId, division);
        const kept = new Set(criteria.flatMap((c) => (c.id === undefined ? [] : [c.id])));
        for (const c of current) if (!kept.has(c.id)) retireCriterion.run(c.id);
        criteria.forEach((c, position) => {
          if (c.id === undefined) addCriterion.run(campaignId, division, position, c.label);
          else if (updateCriterion.run(c.label, position, c.id, campaignId, division).changes !== 1) {
            throw new NotFoundError(`Rubric criterion ${c.id} is not one of ${division}'s. Nothing was saved.`, 'NoSuchCriterion');
          }
        });
        audit({ campaignId, actor: officer, action: 'triage.setRubric', subject: division, details: { before: current.map((c) => c.label), after: criteria.map((c) => c.label) } }, at);
      });
    },

    savedViews: (campaignId, owner) => viewRows.all(campaignId, owner).map(toView),

    saveView({ campaignId, name, view }, owner) {
      upsertView.run(campaignId, owner, name, JSON.stringify(view), new Date().toISOString());
      const row = viewByName.get(campaignId, owner, name);
      if (!row) throw new ConflictError('The view could not be saved.', 'NotSaved');
      return toView(row);
    },

    deleteView(id, owner) {
      const campaignId = viewCampaign.get(id, owner);
      if (campaignId === undefined) return null;
      removeView.run(id);
      return campaignId;
    },
  };
}
