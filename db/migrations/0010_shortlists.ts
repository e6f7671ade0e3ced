import type { Migration } from './types';

/**
 * Shortlists for hiring managers, their replies, and what follows until the offer (issue 11).
 *
 * An application's stage stays in triage_states (one row per application, as the queues read it):
 * the stages after `proposed` are more values of the same column, and every change is a
 * triage_actions row with its triage_changes, undone the same way. What the later stages need
 * besides a stage lives here:
 * - candidate_codes: the code an application goes by with hiring managers ("DI-042-7"), given the
 *   first time it goes on a shortlist and kept (a reply is read back by it);
 * - shortlists + shortlist_entries: per division (and optionally one position), the office's order
 *   and note per candidate;
 * - shortlist_exports + shortlist_export_entries: each workbook sent, to whom, by when, with which
 *   candidates (and their codes as written), the file's SHA-256 and the check of its codes;
 * - shortlist_replies: each reply applied, with the action that applied it;
 * - selection_details: per application, the interview, the manager's comment, the session and
 *   start date, the reserve rank, the offer's dates, a withdrawal's reason;
 * - division_places: places per division and session, a setting of the campaign.
 */
export const migration0010: Migration = {
  version: 10,
  name: 'shortlists, replies, selection and places',
  up(db) {
    db.exec(`
      CREATE TABLE candidate_codes (
        application_ref INTEGER PRIMARY KEY REFERENCES applications(id) ON DELETE CASCADE,
        campaign_id INTEGER NOT NULL REFERENCES campaigns(id) ON DELETE CASCADE,
        division_code TEXT NOT NULL,
        sequence INTEGER NOT NULL,
        code TEXT NOT NULL,
        UNIQUE (campaign_id, code),
        UNIQUE (campaign_id, division_code, sequence)
      );

      CREATE TABLE shortlists (
        id INTEGER PRIMARY KEY,
        campaign_id INTEGER NOT NULL REFERENCES campaigns(id) ON DELETE CASCADE,
        division_code TEXT NOT NULL,
        position TEXT,
        state TEXT NOT NULL CHECK (state IN ('draft', 'sent', 'replied', 'closed')),
        created_by TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE INDEX shortlists_campaign ON shortlists(campaign_id, division_code);

      CREATE TABLE shortlist_entries (
        shortlist_id INTEGER NOT NULL REFERENCES shortlists(id) ON DELETE CASCADE,
        application_ref INTEGER NOT NULL REFERENCES applications(id) ON DELETE CASCADE,
        rank INTEGER NOT NULL,
        note TEXT,
        added_by TEXT NOT NULL,
        added_at TEXT NOT NULL,
        PRIMARY KEY (shortlist_id, application_ref)
      );
      CREATE INDEX shortlist_entries_application ON shortlist_entries(application_ref);

      CREATE TABLE shortlist_exports (
        id INTEGER PRIMARY KEY,
        shortlist_id INTEGER NOT NULL REFERENCES shortlists(id) ON DELETE CASCADE,
        blind INTEGER NOT NULL CHECK (blind IN (0, 1)),
        manager_name TEXT,
        manager_email TEXT,
        reply_by TEXT NOT NULL,
        file_name TEXT NOT NULL,
        sha256 TEXT NOT NULL,
        codes_check TEXT NOT NULL,
        actor TEXT NOT NULL,
        at TEXT NOT NULL
      );
      CREATE INDEX shortlist_exports_shortlist ON shortlist_exports(shortlist_id, id);

      CREATE TABLE shortlist_export_entries (
        export_id INTEGER NOT NULL REFERENCES shortlist_exports(id) ON DELETE CASCADE,
        application_ref INTEGER NOT NULL REFERENCES applications(id) ON DELETE CASCADE,
        candidate_code TEXT NOT NULL,
        PRIMARY KEY (export_id, application_ref)
      );
      CREATE INDEX shortlist_export_entries_application ON shortlist_export_entries(application_ref);

      CREATE TABLE shortlist_replies (
        id INTEGER PRIMARY KEY,
        export_id INTEGER NOT NULL REFERENCES shortlist_exports(id) ON DELETE CASCADE,
        file_name TEXT NOT NULL,
        sha256 TEXT NOT NULL,
        applied INTEGER NOT NULL,
        unchanged INTEGER NOT NULL,
        action_id INTEGER REFERENCES triage_actions(id) ON DELETE SET NULL,
        actor TEXT NOT NULL,
        at TEXT NOT NULL
      );
      CREATE INDEX shortlist_replies_export ON shortlist_replies(export_id, id);

      CREATE TABLE selection_details (
        application_ref INTEGER PRIMARY KEY REFERENCES applications(id) ON DELETE CASCADE,
        interview_date TEXT,
        interview_time TEXT,
        interview_mode TEXT CHECK (interview_mode IN ('inPerson', 'video', 'phone')),
        interviewer TEXT,
        interview_place TEXT,
        interview_outcome TEXT,
        manager_comment TEXT,
        session TEXT CHECK (session IN ('march', 'september')),
        start_date TEXT,
        reserve_rank INTEGER,
        offer_made_at TEXT,
        offer_answered_at TEXT,
        withdrawn_reason TEXT,
        updated_at TEXT NOT NULL,
        updated_by TEXT NOT NULL
      );

      CREATE TABLE division_places (
        campaign_id INTEGER NOT NULL REFERENCES campaigns(id) ON DELETE CASCADE,
        division_code TEXT NOT NULL,
        session TEXT NOT NULL CHECK (session IN ('march', 'september')),
        places INTEGER NOT NULL CHECK (places >= 0),
        PRIMARY KEY (campaign_id, division_code, session)
      );
    `);
  },
};
