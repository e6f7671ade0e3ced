import type { RubricCriterion, TriageDetail } from '../../../../shared/api/contract';
import { NotFoundError } from '../../../../shared/api/errors';
import type { SqliteDatabase } from '../../../../db/connection';
import { exportChangesOf } from '../../applications/store';
import { EFFECTIVE_VERDICT, LATEST_OVERRIDE, OVERRIDE_COLUMNS } from '../../screening/store/sqlite-effective-verdict';
import { detailOf, divisionOf, type HistoryRow, type ResultRow, type StateRow } from './detail-of';
import { STAGE } from './queue-sql';

/**
 * One application's whole story for triage on SQLite: its fields, verdict, state, the person's
 * other applications, rubric scores, notes, history. Read on every move to the next application:
 * statements are prepared once per connection.
 * SQLite-only: nothing of its own beyond the effective verdict's joins (LATEST_OVERRIDE).
 */

export function sqliteTriageDetail(sqlite: SqliteDatabase, rubricOf: (campaignId: number, division: string | null) => RubricCriterion[]): (ref: number) => Omit<TriageDetail, 'notices'> {
  const application = sqlite.prepare<[number], Record<string, string | number | null>>('SELECT * FROM applications WHERE id = ?');
  const result = sqlite.prepare<[number], ResultRow>(
    `SELECT r.verdict AS automaticVerdict, ${EFFECTIVE_VERDICT} AS verdict, r.reasons_json, r.criteria_json, r.person_key, r.campaign_id, ${OVERRIDE_COLUMNS}
     FROM applications a JOIN screening_results r ON r.application_ref = a.id ${LATEST_OVERRIDE} WHERE a.id = ?`,
  );
  const state = sqlite.prepare<[number], StateRow>(
    'SELECT stage, reason, assignee, score, version, updated_by, updated_at FROM triage_states WHERE application_ref = ?',
  );
  const otherApplications = sqlite.prepare<[number, string, number], TriageDetail['otherApplications'][number]>(
    `SELECT a.id AS ref, a.application_id AS applicationId, a.division, a.division_code AS divisionCode, ${STAGE} AS stage,
       ${EFFECTIVE_VERDICT} AS verdict, a.submitted_at AS submittedAt
     FROM screening_results r JOIN applications a ON a.id = r.application_ref ${LATEST_OVERRIDE}
     LEFT JOIN triage_states t ON t.application_ref = a.id
     WHERE r.campaign_id = ? AND r.person_key = ? AND a.id <> ? ORDER BY a.submitted_at, a.application_id`,
  );
  const history = sqlite.prepare<[number], HistoryRow>(
    `SELECT a.id AS actionId, a.kind, a.actor, a.at, a.undone_at, a.undone_by, c.before_json, c.after_json
     FROM triage_changes c JOIN triage_actions a ON a.id = c.action_id WHERE c.application_ref = ? ORDER BY a.id DESC`,
  );
  const scores = sqlite.prepare<[number], TriageDetail['scores'][number]>(
    'SELECT criterion_id AS criterionId, score, comment, actor, at FROM rubric_scores WHERE application_ref = ? ORDER BY criterion_id, actor',
  );
  const officerScores = sqlite.prepare<[number], TriageDetail['officerScores'][number]>('SELECT officer, score, at FROM officer_scores WHERE application_ref = ? ORDER BY officer');
  const notes = sqlite.prepare<[number], TriageDetail['notes'][number]>('SELECT id, text, actor, at FROM application_notes WHERE application_ref = ? AND removed_at IS NULL ORDER BY id DESC');

  return (ref) => {
    const app = application.get(ref);
    const screened = result.get(ref);
    if (!app || !screened) throw new NotFoundError('This application is not in this database, or not screened yet.', 'NoSuchApplication');
    const campaignId = screened.campaign_id;
    return detailOf({
      ref,
      application: app,
      screened,
      state: state.get(ref),
      otherApplications: otherApplications.all(campaignId, screened.person_key, ref),
      rubric: rubricOf(campaignId, divisionOf(app)),
      scores: scores.all(ref),
      officerScores: officerScores.all(ref),
      notes: notes.all(ref),
      history: history.all(ref),
      exportChanges: exportChangesOf(sqlite, ref),
    });
  };
}
