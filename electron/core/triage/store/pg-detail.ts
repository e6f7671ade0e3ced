import type pg from 'pg';
import type { RubricCriterion, TriageDetail } from '../../../../shared/api/contract';
import { NotFoundError } from '../../../../shared/api/errors';
import { read } from '../../../../db/postgres/transaction';
import { exportChangesFromRows, type ExportChangeRow } from '../../applications/store';
import { EFFECTIVE_VERDICT, LATEST_OVERRIDE, OVERRIDE_COLUMNS } from '../../screening/store/sqlite-effective-verdict';
import { detailOf, divisionOf, type HistoryRow, type ResultRow, type StateRow } from './detail-of';
import { STAGE } from './queue-sql';

/**
 * One application's whole story on the office server: the same reads as sqlite-detail.ts (the
 * effective verdict's fragments are plain SQL both engines run), issued together.
 */
export function pgTriageDetail(pool: pg.Pool, rubricOf: (campaignId: number, division: string | null) => Promise<RubricCriterion[]>): (ref: number) => Promise<Omit<TriageDetail, 'notices'>> {
  return async (ref) => {
    const [[app], [screened], [row], history, scores, officerScores, notes, changes] = await Promise.all([
      read<Record<string, string | number | null>>(pool, 'SELECT * FROM applications WHERE id = $1', [ref]),
      read<ResultRow>(
        pool,
        `SELECT r.verdict AS "automaticVerdict", ${EFFECTIVE_VERDICT} AS verdict, r.reasons_json, r.criteria_json, r.person_key, r.campaign_id, ${OVERRIDE_COLUMNS}
         FROM applications a JOIN screening_results r ON r.application_ref = a.id ${LATEST_OVERRIDE} WHERE a.id = $1`,
        [ref],
      ),
      read<StateRow>(
        pool,
        'SELECT stage, reason, assignee, score, version, updated_by, updated_at FROM triage_states WHERE application_ref = $1',
        [ref],
      ),
      read<HistoryRow>(
        pool,
        `SELECT a.id AS "actionId", a.kind, a.actor, a.at, a.undone_at, a.undone_by, c.before_json, c.after_json
         FROM triage_changes c JOIN triage_actions a ON a.id = c.action_id WHERE c.application_ref = $1 ORDER BY a.id DESC`,
        [ref],
      ),
      read<TriageDetail['scores'][number]>(pool, 'SELECT criterion_id AS "criterionId", score, comment, actor, at FROM rubric_scores WHERE application_ref = $1 ORDER BY criterion_id, actor', [ref]),
      read<TriageDetail['officerScores'][number]>(pool, 'SELECT officer, score, at FROM officer_scores WHERE application_ref = $1 ORDER BY officer', [ref]),
      read<TriageDetail['notes'][number]>(pool, 'SELECT id, text, actor, at FROM application_notes WHERE application_ref = $1 AND removed_at IS NULL ORDER BY id DESC', [ref]),
      read<{ import_id: number | null; file_name: string | null; at: string; field: string; old_value: string | null; new_value: string | null }>(
        pool,
        `SELECT r.import_id, i.file_name, r.at, r.field, r.old_value, r.new_value FROM application_revisions r LEFT JOIN imports i ON i.id = r.import_id
         WHERE r.application_ref = $1 AND r.actor IS NULL ORDER BY r.id DESC`,
        [ref],
      ),
    ]);
    if (!app || !screened) throw new NotFoundError('This application is not in this database, or not screened yet.', 'NoSuchApplication');
    const campaignId = screened.campaign_id;
    const [otherApplications, rubric] = await Promise.all([
      read<TriageDetail['otherApplications'][number]>(
        pool,
        `SELECT a.id AS ref, a.application_id AS "applicationId", a.division, a.division_code AS "divisionCode", ${STAGE} AS stage,
           ${EFFECTIVE_VERDICT} AS verdict, a.submitted_at AS "submittedAt"
         FROM screening_results r JOIN applications a ON a.id = r.application_ref ${LATEST_OVERRIDE}
         LEFT JOIN triage_states t ON t.application_ref = a.id
         WHERE r.campaign_id = $1 AND r.person_key = $2 AND a.id <> $3 ORDER BY a.submitted_at, a.application_id`,
        [campaignId, screened.person_key, ref],
      ),
      rubricOf(campaignId, divisionOf(app)),
    ]);
    return detailOf({
      ref,
      application: app,
      screened,
      state: row,
      otherApplications,
      rubric,
      scores,
      officerScores,
      notes,
      history,
      exportChanges: exportChangesFromRows(changes.map((c): ExportChangeRow => [c.import_id, c.file_name, c.at, c.field, c.old_value, c.new_value])),
    });
  };
}
