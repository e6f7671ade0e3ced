/**
 * The shortlists' SQL that both engines run as it is, with `?` placeholders (numbered for
 * PostgreSQL) and column names quoted as the rows' fields (PostgreSQL folds bare ones). What
 * differs is each store's: a list of keys (SQLite's `json_each`, PostgreSQL's `= ANY`), the
 * effective verdict's join (SQLite names its index), new ids and upserts.
 */

const SUMMARY_COLUMNS = `s.id, s.campaign_id AS "campaignId", s.division_code AS division, s.position, s.state, s.created_at AS "createdAt", s.created_by AS "createdBy",
  (SELECT count(*) FROM shortlist_entries e WHERE e.shortlist_id = s.id) AS candidates`;

/** A campaign's shortlists (one parameter: the campaign). */
export const SUMMARIES = `SELECT ${SUMMARY_COLUMNS} FROM shortlists s WHERE s.campaign_id = ? ORDER BY s.division_code, s.id`;
/** One shortlist (one parameter: its id). */
export const SUMMARY = `SELECT ${SUMMARY_COLUMNS} FROM shortlists s WHERE s.id = ?`;

const EXPORT_COLUMNS = `x.id, x.shortlist_id AS "shortlistId", x.at, x.actor, x.blind, x.manager_name AS "managerName", x.manager_email AS "managerEmail", x.reply_by AS "replyBy",
  x.file_name AS "fileName", x.sha256, (SELECT count(*) FROM shortlist_export_entries ee WHERE ee.export_id = x.id) AS candidates`;
export const EXPORTS_OF = `SELECT ${EXPORT_COLUMNS} FROM shortlist_exports x WHERE x.shortlist_id = ? ORDER BY x.id`;
export const LAST_EXPORTS = `SELECT ${EXPORT_COLUMNS} FROM shortlist_exports x JOIN shortlists s ON s.id = x.shortlist_id
  WHERE s.campaign_id = ? AND x.id = (SELECT max(id) FROM shortlist_exports WHERE shortlist_id = s.id)`;

const REPLY_COLUMNS = `r.id, r.export_id AS "exportId", r.at, r.actor, r.file_name AS "fileName", r.applied, r.unchanged`;
export const REPLIES_OF = `SELECT ${REPLY_COLUMNS} FROM shortlist_replies r JOIN shortlist_exports x ON x.id = r.export_id WHERE x.shortlist_id = ? ORDER BY r.id`;
export const LAST_REPLIES = `SELECT ${REPLY_COLUMNS}, x.shortlist_id AS "shortlistId" FROM shortlist_replies r JOIN shortlist_exports x ON x.id = r.export_id JOIN shortlists s ON s.id = x.shortlist_id
  WHERE s.campaign_id = ? AND r.id = (SELECT max(r2.id) FROM shortlist_replies r2 JOIN shortlist_exports x2 ON x2.id = r2.export_id WHERE x2.shortlist_id = s.id)`;

/** A list's candidates in the office's order, read as EntryRow (one parameter: the list). */
export const ENTRIES = `SELECT a.id AS ref, a.application_id AS "applicationId", a.first_name AS "firstName", a.last_name AS "lastName", a.nationality,
    a.nationality_code AS "nationalityCode", a.division, a.division_code AS "divisionCode", c.code AS "candidateCode", t.stage, e.rank, e.note, t.score,
    coalesce(t.version, 0) AS version, d.interview_date AS "interviewDate", d.interview_time AS "interviewTime", d.manager_comment AS "managerComment", r.person_key AS "personKey"
  FROM shortlist_entries e
  JOIN applications a ON a.id = e.application_ref
  JOIN candidate_codes c ON c.application_ref = a.id
  LEFT JOIN triage_states t ON t.application_ref = a.id
  LEFT JOIN selection_details d ON d.application_ref = a.id
  LEFT JOIN screening_results r ON r.application_ref = a.id
  WHERE e.shortlist_id = ? ORDER BY e.rank`;

/**
 * The same people's applications on other shortlists of the campaign (screening's identity
 * groups), given the people (`keys`: the engine's list of a parameter), the campaign and the list.
 * In the same campaign only: the same person's lists of another season are another story.
 */
export function elsewhereSql(keys: string): string {
  return `SELECT s.id AS "shortlistId", s.division_code AS division, a.application_id AS "applicationId", coalesce(t.stage, 'new') AS stage, r.person_key AS "personKey"
    FROM screening_results r
    JOIN shortlist_entries e ON e.application_ref = r.application_ref
    JOIN shortlists s ON s.id = e.shortlist_id
    JOIN applications a ON a.id = r.application_ref
    LEFT JOIN triage_states t ON t.application_ref = r.application_ref
    WHERE r.person_key IN (${keys}) AND s.campaign_id = ? AND e.shortlist_id <> ?
    ORDER BY s.division_code, s.id`;
}

/**
 * Proposed (and still eligible) applications of a division, on no open shortlist: what a
 * shortlist is built from (an application stands on one open shortlist at a time). Parameters: the
 * campaign, the division; `activeOverride` joins the officer's override that stands as `o`.
 */
export function availableFrom(activeOverride: string, effectiveVerdict: string): string {
  return `FROM triage_states t
    JOIN applications a ON a.id = t.application_ref
    JOIN screening_results r ON r.application_ref = a.id ${activeOverride}
    WHERE t.campaign_id = ? AND t.stage = 'proposed' AND a.division_code = ? AND (${effectiveVerdict}) = 'eligible'
      AND NOT EXISTS (SELECT 1 FROM shortlist_entries e JOIN shortlists s ON s.id = e.shortlist_id WHERE e.application_ref = a.id AND s.state <> 'closed')`;
}

/** Best score first, then the earliest submitted: the order a new list starts in (NULLS FIRST: as SQLite's default, on both). */
export const PROPOSED_ORDER = 'ORDER BY t.score IS NULL, t.score DESC, a.submitted_at NULLS FIRST, a.id';

/** Only those for a position, when one is given (parameters: the position, twice). */
export const FOR_POSITION = 'AND (CAST(? AS text) IS NULL OR lower(trim(a.position)) = lower(trim(?)))';

/** The last sequence number given in a division (parameters: the campaign, the division). */
export const LAST_SEQUENCE = 'SELECT coalesce(max(sequence), 0) AS last FROM candidate_codes WHERE campaign_id = ? AND division_code = ?';
