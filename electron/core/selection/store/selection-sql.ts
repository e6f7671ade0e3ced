/**
 * Selection's SQL that both engines run as it is (column names quoted as the rows' fields:
 * PostgreSQL folds bare ones). What differs is each store's: a list of refs (SQLite's `json_each`,
 * PostgreSQL's `= ANY`), placeholders, and upserts.
 */

/** An application a move is about, read as a TargetRow; expects `applications a`, `triage_states t`, `screening_results r` joined. */
export const TARGET_COLUMNS = `a.id AS ref, a.campaign_id AS "campaignId", a.application_id AS "applicationId", a.division_code AS division,
  coalesce(t.stage, 'new') AS stage, r.person_key AS "personKey"`;

/** Selections, offers and reserves per division, session and stage (one parameter: the campaign). */
export const STAGE_COUNTS = `SELECT a.division_code AS division, d.session, t.stage, count(*) AS n FROM triage_states t JOIN applications a ON a.id = t.application_ref
  LEFT JOIN selection_details d ON d.application_ref = a.id
  WHERE t.campaign_id = ? AND t.stage IN ('selected', 'offerMade', 'offerAccepted', 'reserve') GROUP BY 1, 2, 3`;

export const PLACE_ROWS = 'SELECT division_code AS division, session, places FROM division_places WHERE campaign_id = ?';

/** People selected or offered a place by two divisions, their applications grouped by person (one parameter: the campaign). */
export const CONFLICT_ROWS = `SELECT a.id AS ref, a.application_id AS "applicationId", a.first_name AS "firstName", a.last_name AS "lastName", a.division_code AS division, t.stage,
    t.version, r.person_key AS "personKey"
  FROM triage_states t JOIN applications a ON a.id = t.application_ref JOIN screening_results r ON r.application_ref = a.id
  WHERE t.campaign_id = ? AND t.stage IN ('selected', 'offerMade')
    AND r.person_key IN (
      SELECT r2.person_key FROM triage_states t2 JOIN screening_results r2 ON r2.application_ref = t2.application_ref
      WHERE t2.campaign_id = t.campaign_id AND t2.stage IN ('selected', 'offerMade') GROUP BY r2.person_key HAVING count(*) > 1)
  ORDER BY r.person_key, a.division_code, a.id`;

/** A candidate to invite, read as an Invitee; expects `applications a` with its triage state `t` and details `d`. */
export const INVITEE_COLUMNS = `a.id AS ref, a.campaign_id AS "campaignId", a.application_id AS "applicationId", a.first_name AS "firstName", a.last_name AS "lastName", a.email,
  a.division_code AS division, a.english_level_parsed AS "englishLevel", a.french_level_parsed AS "frenchLevel", coalesce(t.stage, 'new') AS stage,
  d.interview_date AS date, d.interview_time AS time, d.interview_mode AS mode, d.interview_place AS place, d.interviewer`;

/** Pairs of one person's eligible applications in two divisions (parameters: the campaign, how many). */
export const SEVERAL_DIVISIONS = `SELECT x.application_ref AS a, y.application_ref AS b, ax.division_code AS "divisionA", ay.division_code AS "divisionB"
  FROM screening_results x JOIN screening_results y ON y.person_key = x.person_key AND y.campaign_id = x.campaign_id AND y.application_ref > x.application_ref
  JOIN applications ax ON ax.id = x.application_ref JOIN applications ay ON ay.id = y.application_ref
  WHERE x.campaign_id = ? AND x.verdict = 'eligible' AND y.verdict = 'eligible' AND ax.division_code IS NOT NULL AND ay.division_code IS NOT NULL
    AND ax.division_code <> ay.division_code
  ORDER BY x.application_ref LIMIT ?`;

/** A move's details written over the application's (both engines' upserts of selection_details end with it). */
export const DETAILS_UPSERT = `ON CONFLICT (application_ref) DO UPDATE SET interview_date = excluded.interview_date, interview_time = excluded.interview_time,
       interview_mode = excluded.interview_mode, interviewer = excluded.interviewer, interview_place = excluded.interview_place,
       interview_outcome = excluded.interview_outcome, manager_comment = excluded.manager_comment, session = excluded.session,
       start_date = excluded.start_date, reserve_rank = excluded.reserve_rank, offer_made_at = excluded.offer_made_at,
       offer_answered_at = excluded.offer_answered_at, withdrawn_reason = excluded.withdrawn_reason, updated_at = excluded.updated_at,
       updated_by = excluded.updated_by`;
