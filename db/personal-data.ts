/**
 * The register of personal data: for every table and column of the database, and for every place
 * on disk Cohort writes, whether it holds personal data and whose. Erasure, retention and the
 * subject-access export (electron/core/privacy) are built on it, so it must be complete: the test
 * test/unit/personal-data.test.ts fails when a migration adds a table or column this file does not
 * name, or when this file names one the database does not have.
 *
 * The rule applied: a column holds an applicant's ('person') data when its value is information
 * about an applicant, identifying or not (a name, a verdict, a score, a note written about them, a
 * hash of their data); an officer's ('officer') when it names or is written as an officer (who
 * did what, an officer's name, the OS user name). Keys (ids, refs) hold none themselves: the table's
 * `applicationLinks` say which keys tie a row to an application, for erasure and export to follow.
 * Bookkeeping (counts, rule versions, times a row was written) holds none. When in doubt the register
 * says personal: a wrong "none" loses data in an erasure, a wrong "person" costs a look.
 *
 * Names are SQLite's (snake_case), as erasure SQL and PRAGMA table_info see them. Pure data plus a
 * few helpers; nothing here reads the database.
 */

/** Whose personal data: the applicant an application belongs to, or an officer of the office. */
export type DataSubject = 'person' | 'officer';

export interface ColumnEntry {
  /** Whose personal data the column holds; empty when it holds none. */
  readonly whose: readonly DataSubject[];
  /** What the column holds, in a few words: what an erasure or an export must know about it. */
  readonly what: string;
}

export interface TableEntry {
  /** What one row is. */
  readonly what: string;
  /**
   * The columns holding an applications.id that ties the row to one application (deleting the
   * application deletes the row, by a foreign key or a trigger). Empty when no single application
   * owns the row: personal data in such a table must be found by its content (see
   * `unlinkedPersonalColumns`).
   */
  readonly applicationLinks: readonly string[];
  /** For an FTS5 shadow table, its virtual table: written and cleared only through it. */
  readonly shadowOf?: string;
  readonly columns: Readonly<Record<string, ColumnEntry>>;
}

const none = (what: string): ColumnEntry => ({ whose: [], what });
const person = (what: string): ColumnEntry => ({ whose: ['person'], what });
const officer = (what: string): ColumnEntry => ({ whose: ['officer'], what });
const both = (what: string): ColumnEntry => ({ whose: ['person', 'officer'], what });

const id = none('the row’s number');
const applicationRef = none('key: the application (applications.id)');
const campaignId = none('key: the campaign');
const at = none('when the row was written');
const actor = officer('the officer who did it (their name, or their OS user name)');

/** A raw field of the export: text the applicant gave (or the e-recruitment system set), as written. */
const raw = (what: string) => person(`${what}, as the export wrote it`);
/** A parsed form of a raw field: the same information, read. */
const parsed = (what: string) => person(`${what}, read from the raw text (null: unreadable)`);

export const PERSONAL_DATA = {
  campaigns: {
    what: 'one yearly call for applications and its settings',
    applicationLinks: [],
    columns: {
      id,
      name: none('the campaign’s name'),
      settings_json: none('eligibility settings (ages, dates, limits)'),
      created_at: at,
      updated_at: at,
      applications_version: none('a counter bumped by triggers'),
      screening_owed: none('a counter bumped by triggers'),
      screening_done: none('a counter'),
      closed_on: none('the day the office closed the campaign (retention counts from it)'),
      retention_months: none('how long personal data is kept after the campaign closed'),
      purged_at: none('when its applicants’ personal data was purged'),
      copied_from: none('a copy from the office server: which server and when (no login, no password)'),
    },
  },

  audit_log: {
    what: 'one thing an officer did (import, override, correction, note, undo, backup...)',
    // No key ties an entry to an application (the subject is its Application ID as text): entries outlive it.
    applicationLinks: [],
    columns: {
      id,
      campaign_id: campaignId,
      at,
      actor,
      action: none('what was done, e.g. "triage.note"'),
      subject: person('the Application ID acted on (else a file, a division, an import number)'),
      details_json: both(
        'before/after of the action: corrected values and their reason, a note’s text, an override’s justification, restored triage states (assignee), duplicate signals',
      ),
    },
  },

  applications: {
    what: 'one application as the export carries it, with the parsed forms of its fields',
    applicationLinks: ['id'],
    columns: {
      id,
      campaign_id: campaignId,
      application_id: raw('the Application ID (identifies the application)'),
      candidate_id: raw('the Candidate ID (identifies the applicant across applications)'),
      first_name: raw('first name'),
      last_name: raw('last name'),
      date_of_birth: raw('date of birth'),
      email: raw('e-mail address'),
      phone: raw('phone number'),
      gender: raw('gender'),
      nationality: raw('nationality'),
      second_nationality: raw('second nationality'),
      residence: raw('country of residence'),
      division: raw('the division applied to'),
      position: raw('the position applied to'),
      funding: raw('funding'),
      preferred_session: raw('preferred session'),
      status: raw('submitted or draft'),
      submitted_on: raw('when the application was submitted'),
      university: raw('university'),
      field_of_study: raw('field of study'),
      highest_degree: raw('highest degree'),
      years_completed: raw('years of university completed'),
      currently_enrolled: raw('currently enrolled'),
      degree_date: raw('degree date'),
      english_level: raw('English level'),
      french_level: raw('French level'),
      other_languages: raw('other languages'),
      motivation: raw('free text written by the applicant'),
      cv_file: raw('the CV’s file name (the CV itself is not stored)'),
      division_code: parsed('the division applied to'),
      submitted_at: parsed('when the application was submitted'),
      source: none('"import" or "demo"'),
      created_at: at,
      updated_at: at,
      extra_json: person('extra columns of the export the officer chose to keep: {"header": "value"}'),
      import_id: none('key: the import that last wrote the row'),
      date_of_birth_parsed: parsed('date of birth'),
      degree_date_parsed: parsed('degree date'),
      years_completed_parsed: parsed('years of university completed'),
      currently_enrolled_parsed: parsed('currently enrolled'),
      funding_parsed: parsed('funding'),
      english_level_parsed: parsed('English level'),
      french_level_parsed: parsed('French level'),
      nationality_code: parsed('nationality (ISO code)'),
      name_key: person('last and first name, folded for sorting (accents and case removed)'),
    },
  },

  imports: {
    what: 'one import of an export file: the file, its mapping, counts and who imported it',
    applicationLinks: [],
    columns: {
      id,
      campaign_id: campaignId,
      file_name: none('the export file’s name (as saved by whoever exported it)'),
      file_size: none('bytes'),
      sha256: none('the file’s hash'),
      format: none('csv or xlsx'),
      encoding: none('the text encoding read'),
      delimiter: none('the CSV delimiter'),
      mapping_json: none('which header went to which field'),
      total_rows: none('a count'),
      added: none('a count'),
      updated: none('a count'),
      unchanged: none('a count'),
      skipped_drafts: none('a count'),
      rejected: none('a count'),
      actor,
      started_at: at,
      finished_at: none('when the import ended'),
    },
  },

  import_rejections: {
    what: 'one row of an import file that was not stored, and why',
    // The row was rejected, so no application holds it: erasure must look into values_json.
    applicationLinks: [],
    columns: {
      id,
      import_id: none('key: the import'),
      row_number: none('the row in the file'),
      column_name: none('the header of the column at fault'),
      code: none('why, as a code'),
      message: person('why, in words: may quote the value at fault (an Application ID, a date)'),
      value: person('the raw value at fault'),
      values_json: person('raw import values: the whole rejected row as read, {"header": "value"}'),
    },
  },

  application_revisions: {
    what: 'one change of one field of an application (by an import or a correction)',
    applicationLinks: ['application_ref'],
    columns: {
      id,
      application_ref: applicationRef,
      import_id: none('key: the import that made the change, if any'),
      field: none('which field'),
      old_value: person('the field’s value before'),
      new_value: person('the field’s value after'),
      at,
      actor: officer('the officer who corrected it (null for an import)'),
    },
  },

  import_mappings: {
    what: 'the mapping confirmed for one header layout of one campaign',
    applicationLinks: [],
    columns: {
      campaign_id: campaignId,
      header_signature: none('the header row’s fingerprint'),
      mapping_json: none('which header went to which field'),
      updated_at: at,
    },
  },

  screening_results: {
    what: 'an application’s automatic eligibility result',
    applicationLinks: ['application_ref'],
    columns: {
      application_ref: applicationRef,
      campaign_id: campaignId,
      verdict: person('eligible, ineligible or review: a decision about the applicant'),
      reasons_json: person('why'),
      criteria_json: person('each criterion’s result with its explanation, quoting the applicant’s values (age, nationality...)'),
      person_key: person('the lowest Application ID of the applicant’s applications'),
      rules_version: none('the rules’ version'),
      input_hash: person('a hash of the applicant’s data judged (pseudonymous, not readable back)'),
      signature: person('a hash of the result and the data (pseudonymous, not readable back)'),
      screened_at: at,
    },
  },

  screening_overrides: {
    what: 'an officer’s decision replacing an automatic verdict',
    applicationLinks: ['application_ref'],
    columns: {
      id,
      application_ref: applicationRef,
      verdict: person('the officer’s verdict on the applicant'),
      justification: person('free text written by an officer about the applicant'),
      automatic_verdict: person('the automatic verdict replaced'),
      automatic_reasons_json: person('its reasons'),
      input_hash: person('a hash of the applicant’s data judged (pseudonymous)'),
      state: none('active or stale'),
      actor,
      at,
    },
  },

  application_corrections: {
    what: 'an officer’s correction of one imported value',
    applicationLinks: ['application_ref'],
    columns: {
      id,
      application_ref: applicationRef,
      field: none('which field'),
      imported_value: person('the value the export gave'),
      corrected_value: person('the value the officer set'),
      reason: person('free text written by an officer about the applicant’s data'),
      state: none('active, superseded or withdrawn'),
      actor,
      at,
    },
  },

  duplicate_decisions: {
    what: 'an officer’s decision on two applications that may be one applicant’s',
    applicationLinks: ['application_a', 'application_b'],
    columns: {
      id,
      campaign_id: campaignId,
      application_a: applicationRef,
      application_b: applicationRef,
      decision: person('confirmed (one applicant) or dismissed'),
      signals_json: person('which of their data matched (names of signals, e.g. same e-mail; no values)'),
      actor,
      at,
    },
  },

  triage_states: {
    what: 'where an eligible application stands in its division’s triage',
    applicationLinks: ['application_ref'],
    columns: {
      application_ref: applicationRef,
      campaign_id: campaignId,
      stage: person('the stage: a decision about the applicant'),
      reason: person('why not retained (a code)'),
      assignee: officer('the officer it is assigned to'),
      score: person('the average rubric score'),
      updated_at: at,
      updated_by: officer('the officer who changed it last'),
      version: none('how many shared decisions it has had (a stale decision is refused)'),
      scored_by: none('how many officers scored it'),
    },
  },

  triage_actions: {
    what: 'one triage action of an officer (one row even for a bulk action)',
    // A bulk action concerns many applications: triage_changes ties it to each.
    applicationLinks: [],
    columns: {
      id,
      campaign_id: campaignId,
      actor,
      kind: none('stage, assign, score, note or division'),
      details_json: both('what the action set: a stage and reason, an assignee (officer), a score with its comment (free text about an applicant), a division'),
      at,
      undone_at: none('when the action was undone (null while it stands)'),
      undone_by: officer('the officer who undid it'),
    },
  },

  triage_changes: {
    what: 'what one triage action changed on one application, before and after (history, undo)',
    applicationLinks: ['application_ref'],
    columns: {
      action_id: none('key: the action'),
      application_ref: applicationRef,
      before_json: both('the triage state before: stage, reason, assignee (officer), scores, a note’s text, the division'),
      after_json: both('the triage state after, as before_json'),
    },
  },

  application_notes: {
    what: 'a note an officer wrote on an application',
    applicationLinks: ['application_ref'],
    columns: {
      id,
      application_ref: applicationRef,
      action_id: none('key: the triage action that added it'),
      text: person('free text written by an officer about the applicant'),
      actor,
      at,
      removed_at: none('when it was undone (hidden, not deleted)'),
    },
  },

  rubric_criteria: {
    what: 'one criterion of a division’s rubric',
    applicationLinks: [],
    columns: {
      id,
      campaign_id: campaignId,
      division_code: none('the division'),
      position: none('its place in the rubric'),
      label: none('the criterion’s name, written by an officer'),
      archived: none('0/1'),
    },
  },

  rubric_scores: {
    what: 'an officer’s score of an application on one rubric criterion',
    applicationLinks: ['application_ref'],
    columns: {
      application_ref: applicationRef,
      criterion_id: none('key: the criterion'),
      score: person('1 to 5: an assessment of the applicant'),
      comment: person('free text written by an officer about the applicant'),
      actor,
      at,
    },
  },

  officer_scores: {
    what: 'an officer’s overall score of an application (their direct score, or their criteria’s average)',
    applicationLinks: ['application_ref'],
    columns: {
      application_ref: applicationRef,
      officer: officer('the officer who scored'),
      score: person('1 to 5: an assessment of the applicant'),
      at,
    },
  },

  saved_views: {
    what: 'a named filter, sort and columns an officer saved',
    applicationLinks: [],
    columns: {
      id,
      campaign_id: campaignId,
      owner: officer('the officer who saved it'),
      name: none('the view’s name, written by the officer'),
      view_json: both('the filter: an assignee filter names an officer; a saved search may be an applicant’s name, e-mail or Application ID (other filters are universities, fields of study, levels, dates)'),
      updated_at: at,
    },
  },

  preferences: {
    what: 'a small setting of this installation, e.g. "officerName:<OS user>" → the officer’s name',
    applicationLinks: [],
    columns: {
      key: officer('the setting’s name; the officer-name setting holds an OS user name'),
      value: officer('the setting’s value; the officer-name setting holds an officer’s name'),
    },
  },

  application_search: {
    what: 'the full-text search index (FTS5, contentless): the words of each application’s searched fields, by applications.id as rowid',
    // Its hidden rowid is applications.id; a trigger deletes an application's entry with it.
    applicationLinks: ['rowid'],
    columns: {
      application_id: person('indexed words of the Application ID (not readable back: contentless)'),
      first_name: person('indexed words of the first name'),
      last_name: person('indexed words of the last name'),
      email: person('indexed words of the e-mail address'),
      university: person('indexed words of the university'),
      field_of_study: person('indexed words of the field of study'),
      position: person('indexed words of the position'),
      motivation: person('indexed words of the motivation (free text written by the applicant)'),
    },
  },

  // FTS5's shadow tables: where application_search's index really sits. Written only through it.
  application_search_data: {
    shadowOf: 'application_search',
    what: 'FTS5 shadow table: the index’s b-tree blocks',
    applicationLinks: [],
    columns: {
      id: none('block number'),
      block: person('the indexed words of every application, with the rowids holding them'),
    },
  },
  application_search_idx: {
    shadowOf: 'application_search',
    what: 'FTS5 shadow table: the index’s segment directory',
    applicationLinks: [],
    columns: {
      segid: none('segment number'),
      term: person('a word (prefix) of the index that starts a page: words of applications'),
      pgno: none('page number'),
    },
  },
  application_search_docsize: {
    shadowOf: 'application_search',
    what: 'FTS5 shadow table: each indexed application’s word counts (kept for contentless_delete)',
    applicationLinks: ['id'],
    columns: {
      id: none('the application’s id (applications.id)'),
      sz: none('word counts per column'),
      origin: none('FTS5 bookkeeping'),
    },
  },
  application_search_config: {
    shadowOf: 'application_search',
    what: 'FTS5 shadow table: the index’s settings',
    applicationLinks: [],
    columns: { k: none('a setting’s name'), v: none('its value') },
  },

  search_state: {
    what: 'the search index’s progress (one row)',
    applicationLinks: [],
    columns: { id, indexed_up_to: none('the last application id indexed') },
  },

  search_pending: {
    what: 'an indexed application changed since, to index again',
    applicationLinks: ['application_ref'],
    columns: { application_ref: applicationRef },
  },
  candidate_codes: {
    what: 'the code an application goes by with hiring managers',
    applicationLinks: ['application_ref'],
    columns: {
      application_ref: applicationRef,
      campaign_id: campaignId,
      division_code: person('the division of the application'),
      sequence: none('the number within the division’s codes'),
      code: person('the candidate code: stands for the person in workbooks and replies'),
    },
  },

  shortlists: {
    what: 'a shortlist of a division, for its hiring managers',
    applicationLinks: [],
    columns: {
      id,
      campaign_id: campaignId,
      division_code: none('the division'),
      position: none('the position it is for, as the office named it'),
      state: none('draft, sent, replied or closed'),
      created_by: actor,
      created_at: at,
      updated_at: at,
    },
  },

  shortlist_entries: {
    what: 'an application on a shortlist, in the office’s order',
    applicationLinks: ['application_ref'],
    columns: {
      shortlist_id: none('key: the shortlist'),
      application_ref: applicationRef,
      rank: person('the place the office gave the candidate'),
      note: both('the office’s note about the candidate for the hiring manager (free text)'),
      added_by: actor,
      added_at: at,
    },
  },

  shortlist_exports: {
    what: 'a workbook sent to a hiring manager',
    applicationLinks: [],
    columns: {
      id,
      shortlist_id: none('key: the shortlist'),
      blind: none('whether names and other identifying columns were left out'),
      manager_name: officer('the hiring manager it was sent to (a NATO staff member, treated as an officer)'),
      manager_email: officer('the hiring manager’s e-mail address'),
      reply_by: none('the reply deadline'),
      file_name: none('the workbook’s file name (division and date)'),
      sha256: none('the SHA-256 of the workbook sent'),
      codes_check: none('the check of its candidate codes'),
      actor,
      at,
    },
  },

  shortlist_export_entries: {
    what: 'a candidate in a workbook sent',
    applicationLinks: ['application_ref'],
    columns: {
      export_id: none('key: the workbook sent'),
      application_ref: applicationRef,
      candidate_code: person('the candidate code written in the workbook'),
    },
  },

  shortlist_replies: {
    what: 'a hiring manager’s reply, applied',
    applicationLinks: [],
    columns: {
      id,
      export_id: none('key: the workbook it answers'),
      file_name: officer('the reply’s file name, as the hiring manager saved it'),
      sha256: none('the SHA-256 of the reply'),
      applied: none('how many candidates it changed'),
      unchanged: none('how many it left as they were'),
      action_id: none('key: the action that applied it (its changes name the applications)'),
      actor,
      at,
    },
  },

  selection_details: {
    what: 'an application’s interview, selection and offer',
    applicationLinks: ['application_ref'],
    columns: {
      application_ref: applicationRef,
      interview_date: person('when the candidate is interviewed'),
      interview_time: person('at what time'),
      interview_mode: person('in person, by video or by phone'),
      interviewer: both('who interviews (an officer or a hiring manager)'),
      interview_place: person('where, or the link to the call'),
      interview_outcome: both('how the interview went, in the interviewer’s words'),
      manager_comment: both('the hiring manager’s comment on the candidate (free text)'),
      session: person('the session the candidate is selected for'),
      start_date: person('the internship’s start date'),
      reserve_rank: person('the candidate’s place on the reserve list'),
      offer_made_at: person('when the offer was made'),
      offer_answered_at: person('when the candidate answered it'),
      withdrawn_reason: person('why the candidate withdrew, in their or the office’s words'),
      updated_at: at,
      updated_by: actor,
    },
  },

  notice_templates: {
    what: 'the text of a notice, per outcome and language, as the office wrote it',
    applicationLinks: [],
    columns: {
      campaign_id: campaignId,
      outcome: none('the outcome it tells'),
      language: none('English or French'),
      subject: none('the subject, with placeholders (no applicant’s data until filled)'),
      body: none('the text, with placeholders'),
      updated_by: actor,
      updated_at: at,
    },
  },

  notice_batches: {
    what: 'notices prepared together',
    applicationLinks: [],
    columns: { id, campaign_id: campaignId, outcome: none('the outcome told'), format: none('e-mail drafts or a mail-merge CSV'), actor, at },
  },

  notices: {
    what: 'an outcome told to one person: to whom, in which language, and whether it went out',
    applicationLinks: [],
    columns: {
      id,
      campaign_id: campaignId,
      person_key: person('the person’s identity key: the lowest Application ID of their applications, as screening grouped them'),
      outcome: person('what the person was told (ineligible, not retained, selected…)'),
      language: person('the language they were written in'),
      email: person('the address the notice went to'),
      batch_id: none('key: the batch it was prepared in'),
      state: person('prepared, sent, bounced or superseded'),
      basis: person('each application’s verdict and stage when it was prepared'),
      prepared_at: at,
      sent_at: person('when it was sent'),
      bounced_at: person('when it bounced'),
      resent_at: person('when it was sent again'),
      superseded_at: person('when a changed decision made it wrong'),
      updated_by: actor,
    },
  },

  notice_applications: {
    what: 'an application a notice names',
    applicationLinks: ['application_ref'],
    columns: { notice_id: none('key: the notice'), application_ref: applicationRef },
  },

  notice_languages: {
    what: 'the language an officer chose for a person’s notices',
    applicationLinks: [],
    columns: { campaign_id: campaignId, person_key: person('the person’s identity key'), language: person('English or French'), actor, at },
  },

  notice_standing: {
    what: 'where a person stands for their outcome notice, derived from their applications and notices (rebuilt from them)',
    applicationLinks: [],
    columns: {
      campaign_id: campaignId,
      person_key: person('the person’s identity key'),
      outcome: person('the outcome their applications give'),
      owed: person('the notice they are owed'),
      since: person('when their latest decision was made'),
      divisions_json: person('the divisions they applied to'),
      superseded_json: none('keys: the notices a later decision made untrue'),
    },
  },

  notice_standing_stale: {
    what: 'a person whose notice standing must be worked out again',
    applicationLinks: [],
    columns: { campaign_id: campaignId, person_key: person('the person’s identity key') },
  },

  report_facts_kept: {
    what: 'the season report’s figures of an application whose personal data was erased or purged: one anonymised fact, with no key back to the application or the person',
    // No key and nothing that names anyone: division, track, session, nationality, gender as given,
    // age band, degree level, language profile, how far it went, why it left, four dates (days).
    applicationLinks: [],
    columns: {
      id,
      campaign_id: campaignId,
      fact_json: none('anonymised: the groups the applicant fell in and how far the application went, without names, contact, date of birth or free text (report-facts.ts)'),
    },
  },

  privacy_owed: {
    what: 'an erasure or a purge whose backups and free pages are still being cleared (seconds; after a crash, until the database is next opened)',
    applicationLinks: [],
    columns: {
      id,
      kind: none('erase or purge'),
      campaign_id: campaignId,
      identity_json: person('the erased person’s Application IDs, Candidate IDs and e-mail addresses, to find them in the backups; removed with the row'),
      audit_id: none('key: the audit entry of the erasure or purge'),
      at,
    },
  },

  division_places: {
    what: 'places per division and session, a setting of the campaign',
    applicationLinks: [],
    columns: { campaign_id: campaignId, division_code: none('the division'), session: none('March or September'), places: none('how many interns it takes') },
  },
} as const satisfies Readonly<Record<string, TableEntry>>;

export type RegisteredTable = keyof typeof PERSONAL_DATA;

/** The columns of a table holding personal data (of `whose` only, if given): what an export reads and an erasure clears. */
export function personalColumns(table: RegisteredTable, whose?: DataSubject): string[] {
  const columns: Readonly<Record<string, ColumnEntry>> = PERSONAL_DATA[table].columns;
  return Object.entries(columns)
    .filter(([, entry]) => (whose === undefined ? entry.whose.length > 0 : entry.whose.includes(whose)))
    .map(([column]) => column);
}

/** The tables holding personal data (of `whose` only, if given). */
export function tablesHolding(whose?: DataSubject): RegisteredTable[] {
  return (Object.keys(PERSONAL_DATA) as RegisteredTable[]).filter((table) => personalColumns(table, whose).length > 0);
}

/**
 * Applicants' data in tables where no key ties a row to one application: deleting an application
 * leaves it there, so an erasure or an export must search these columns by content (an Application
 * ID, a name, an e-mail). FTS5 shadow tables are left out: the search index is cleared through its
 * virtual table.
 */
export function unlinkedPersonalColumns(): { table: RegisteredTable; column: string }[] {
  return (Object.keys(PERSONAL_DATA) as RegisteredTable[])
    .filter((table) => {
      const entry: TableEntry = PERSONAL_DATA[table];
      return entry.applicationLinks.length === 0 && entry.shadowOf === undefined;
    })
    .flatMap((table) => personalColumns(table, 'person').map((column) => ({ table, column })));
}

/** A place on disk, outside the tables above or beside them, that holds personal data or might be thought to. */
export interface FileEntry {
  readonly place: string;
  /** Where it is, and which code decides that. */
  readonly where: string;
  readonly whose: readonly DataSubject[];
  readonly what: string;
  /** How long it lives: what retention and erasure must reckon with. */
  readonly lifetime: string;
}

/**
 * Files Cohort writes. Deleting rows does not reach backups, and a deleted row may sit in free pages
 * and in the -wal file until a checkpoint: an erasure or a purge deals with each
 * (electron/core/privacy/store/scrub.ts, electron/core/privacy/backups.ts).
 */
export const PERSONAL_DATA_FILES: readonly FileEntry[] = [
  {
    place: 'database',
    where: '<data folder>/cohort.sqlite (electron/core/paths.ts), or the file given with --db',
    whose: ['person', 'officer'],
    what: 'every table above',
    lifetime: 'until deleted by the user; readable by the user alone (db/private-files.ts)',
  },
  {
    place: 'database -wal',
    where: 'beside the database: cohort.sqlite-wal',
    whose: ['person', 'officer'],
    what: 'pages recently written, including rows deleted since, until a checkpoint copies them back',
    lifetime: 'emptied at checkpoints and when the last connection closes',
  },
  {
    place: 'database -shm',
    where: 'beside the database: cohort.sqlite-shm',
    whose: [],
    what: 'the WAL’s index (page numbers), no row data',
    lifetime: 'while the database is open',
  },
  {
    place: 'backups',
    where: '<data folder>/backups/<name>-<time>-<reason>.sqlite, or a backups folder beside a database given with --db (db/backup.ts, electron/core/paths.ts)',
    whose: ['person', 'officer'],
    what: 'whole copies of the database: personal data erased since would still be in them',
    lifetime: 'pruned per kind by db/backup-retention.ts; manual, pre-migration and restore-safety backups are never pruned. An erasure or a purge rewrites every backup without the data, or removes it when it cannot (an older schema): electron/core/privacy/backups.ts',
  },
  {
    place: 'web-host uploads',
    where: '<OS temp folder>/cohort-uploads-<pid>-*/u-*/<file name> (electron/web-host.ts)',
    whose: ['person'],
    what: 'export files uploaded through the browser for an import: every applicant’s raw row',
    lifetime: 'removed when its import is committed or cancelled, when the web host closes, and by the next web host if this one died: Cohort keeps no file of a past import (its rejected rows are in import_rejections)',
  },
  {
    place: 'import staging',
    where: 'TEMP tables temp.import_batches_<n>, temp.import_rejects_<n> of the worker’s connection (electron/core/import/jobs.ts): SQLite’s temporary storage, in memory or in temporary files SQLite deletes',
    whose: ['person'],
    what: 'the rows of a file being imported, between preview and commit',
    lifetime: 'dropped when the import ends; gone with the connection',
  },
  {
    place: 'files saved by the user',
    where: 'where the user chooses in the Save dialog, or the browser’s downloads from the web host (electron/core/files/output.ts; PDFs: electron/pdf.ts)',
    whose: ['person', 'officer'],
    what: 'rejected rows with their raw values, hiring managers’ workbooks, notices and interview invitations (e-mail drafts, mail-merge CSV), a person’s subject-access record (JSON, PDF), printed reports (figures only); each export holding applicants’ data is recorded in the audit log (which file, how many people)',
    lifetime: 'outside Cohort once saved: the office’s own rules apply; an erasure or a purge cannot reach them',
  },
  {
    place: 'renderer storage',
    where: 'the window’s localStorage and sessionStorage (renderer/shell, renderer/pages/triage, renderer/api/importJobMemory.ts)',
    whose: ['officer'],
    what: 'the campaign chosen (keyed by the database’s path, which may hold the OS user name), the navigation’s state, the triage columns and queue chosen, the import job under way (ids only), the web host’s access token; no applicant data',
    lifetime: 'until the browser profile is cleared; the sessionStorage with the tab',
  },
  {
    place: 'office server settings',
    where: '<data folder>/database.json and <data folder>/server-password.bin (electron/database-choice.ts, electron/server-keychain.ts)',
    whose: ['officer'],
    what: 'the office server chosen in Settings > Database (host, port, database, the officer’s login, TLS, the office CA file’s path), and the officer’s server password encrypted by the OS keychain (Electron safeStorage); no applicant data',
    lifetime: 'until the user chooses again; the password is forgotten when the user goes back to this computer’s database; both readable by the user alone',
  },
];
