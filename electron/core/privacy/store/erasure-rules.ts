import type { RegisteredTable } from '../../../../db/personal-data';

/**
 * How an applicant's data is found, and erased, in the tables where no key ties a row to an
 * application (the register's `unlinkedPersonalColumns`): everywhere else deleting the applications
 * deletes the rows with them (foreign keys, triggers). One rule per table, for one person (their
 * rows in the TEMP tables of person-scope.ts) and for a whole campaign (`:campaign`). The
 * subject-access export reads with the same `ofPerson` clauses the erasure deletes with.
 *
 * test/unit/personal-data.test.ts checks these rules name exactly the register's unlinked tables.
 */
export interface ErasureRule {
  /** The rows of the person, a WHERE clause over the table (no alias). */
  ofPerson: string;
  /** The rows of every applicant of the campaign `:campaign`. */
  ofCampaign: string;
  /** What becomes of them: deleted, or kept with what names the person blanked (an officer's record). */
  erase: 'delete' | { set: string };
  /** Run after the applications are deleted (the rule reads what the deletion leaves). */
  afterApplications?: boolean;
  /** What of the person's rows an erasure removes, when not all of them (AND-ed to ofPerson). */
  erasedOnlyIf?: string;
}

/** Audit entries whose subject and details cannot name an applicant: kept whole by a purge. */
export const AUDIT_ACTIONS_WITHOUT_APPLICANT_DATA = [
  'campaign.create',
  'campaign.update',
  'database.backup',
  'database.deleteBackup',
  'database.restore',
  'demo.load',
  'import.commit',
  'notices.template',
  'reports.export',
  'selection.places',
  'triage.setRubric',
  'privacy.erase',
  'privacy.purge',
  'privacy.retention',
] as const;

/**
 * Where the engines' SQL differs in the rules, and only there: the schema of the session's
 * temporary tables, finding text in text, and reading JSON kept as text.
 */
export interface ErasureDialect {
  /** The schema the person's TEMP tables are in (person-scope.ts, pg-person-scope.ts). */
  temp: 'temp' | 'pg_temp';
  /** The campaign's placeholder in `ofCampaign` (bound by the store). */
  campaign: string;
  /** Whether `needle` occurs in `text`. */
  contains(text: string, needle: string): string;
  /** The text at a path of a JSON column (null when there is none). */
  jsonText(column: string, path: readonly string[]): string;
  /** Whether the number at `key` of a JSON column, or one of those in the list there, is one of the person's applications. */
  namesRef(column: string, key: string): string;
  /** The JSON column without the value at a path. */
  jsonWithout(column: string, path: readonly string[]): string;
}

export const SQLITE_ERASURE: ErasureDialect = {
  temp: 'temp',
  campaign: ':campaign',
  contains: (text, needle) => `instr(${text}, ${needle}) > 0`,
  jsonText: (column, path) => `json_extract(${column}, '$.${path.join('.')}')`,
  namesRef: (column, key) => `EXISTS (SELECT 1 FROM json_each(${column}, '$.${key}') j WHERE j.value IN (SELECT ref FROM temp.person_refs))`,
  jsonWithout: (column, path) => `json_remove(${column}, '$.${path.join('.')}')`,
};

export const POSTGRES_ERASURE: ErasureDialect = {
  temp: 'pg_temp',
  campaign: '$1',
  contains: (text, needle) => `strpos(${text}, ${needle}) > 0`,
  jsonText: (column, path) => `(${column}::jsonb #>> '{${path.join(',')}}')`,
  // lax: a single number is read as a list of one, as SQLite's json_each reads it.
  namesRef: (column, key) => `EXISTS (SELECT 1 FROM jsonb_path_query(${column}::jsonb, 'lax $.${key}[*]') j WHERE (j #>> '{}') IN (SELECT ref::text FROM pg_temp.person_refs))`,
  jsonWithout: (column, path) => `(${column}::jsonb #- '{${path.join(',')}}')::text`,
};

/** The tables the rules cover: the register's unlinked ones, in the order an erasure clears them. */
export const UNLINKED_TABLES = [
  'audit_log',
  'saved_views',
  'import_rejections',
  'triage_actions',
  'notices',
  'privacy_owed',
  'notice_languages',
  'notice_standing',
  'notice_standing_stale',
] as const satisfies readonly RegisteredTable[];

export type UnlinkedTable = (typeof UNLINKED_TABLES)[number];

/** The rules, in one engine's SQL: each table's rule, and the audit log's two clauses the erasure and the export use. */
export interface ErasureSql {
  rules: Readonly<Record<UnlinkedTable, ErasureRule>>;
  /** An audit entry about the person (see below). */
  auditAboutPerson: string;
  /** An audit entry naming the person among others (see below). */
  auditMentionsPerson: string;
}

/** The rules in the SQL of an engine. */
export function erasureSqlOf(d: ErasureDialect): ErasureSql {
  const t = d.temp;
  const PERSON_KEY = `(campaign_id, person_key) IN (SELECT campaign_id, person_key FROM ${t}.person_keys)`;
  const MENTIONS_PERSON = (column: string) => `EXISTS (SELECT 1 FROM ${t}.person_terms t WHERE ${d.contains(`lower(${column})`, 't.quoted')})`;

  /**
   * An audit entry about the person: on one of their applications (its subject), on a pair of
   * applications one of which is theirs (a duplicate decision: "NIP-A + NIP-B"), or on their place on
   * a shortlist (a note: details.ref).
   */
  const auditAboutPerson = `((campaign_id, subject) IN (SELECT campaign_id, application_id FROM ${t}.person_applications)
  OR EXISTS (SELECT 1 FROM ${t}.person_applications p WHERE p.campaign_id = audit_log.campaign_id AND ${d.contains(`' + ' || audit_log.subject || ' + '`, `' + ' || p.application_id || ' + '`)})
  OR ${d.namesRef('details_json', 'ref')})`;

  /** An audit entry naming the person among others: an ID or e-mail in its details, their application in a list of refs. */
  const auditMentionsPerson = `(${MENTIONS_PERSON('details_json')} OR ${d.namesRef('audit_log.details_json', 'refs')} OR ${d.namesRef('audit_log.details_json', 'order')})`;

  const SEARCH = d.jsonText('view_json', ['filter', 'search']);
  const campaign = d.campaign;

  const rules: Record<UnlinkedTable, ErasureRule> = {
    audit_log: {
      // The officer's record stays (who did what, when); what it says of the person goes: an entry
      // about them is blanked, one naming them among others loses them (sqlite-erasure.ts,
      // audit-mentions.ts).
      ofPerson: `(${auditAboutPerson} OR ${auditMentionsPerson})`,
      ofCampaign: `campaign_id = ${campaign} AND action NOT IN (${AUDIT_ACTIONS_WITHOUT_APPLICANT_DATA.map((a) => `'${a}'`).join(', ')})`,
      erase: { set: `subject = NULL, details_json = '{"erased":true}'` },
      erasedOnlyIf: auditAboutPerson,
    },
    saved_views: {
      // A saved search an officer typed may be the person's name, e-mail or Application ID.
      ofPerson: `${SEARCH} IS NOT NULL AND (EXISTS (SELECT 1 FROM ${t}.person_words w WHERE ${d.contains(`lower(${SEARCH})`, 'w.word')})
      OR EXISTS (SELECT 1 FROM ${t}.person_terms t WHERE ${d.contains(`lower(${SEARCH})`, 't.term')}))`,
      ofCampaign: `campaign_id = ${campaign} AND ${SEARCH} IS NOT NULL`,
      erase: { set: `view_json = ${d.jsonWithout('view_json', ['filter', 'search'])}` },
    },
    import_rejections: {
      ofPerson: `(${MENTIONS_PERSON('values_json')} OR lower(value) IN (SELECT term FROM ${t}.person_terms))`,
      ofCampaign: `import_id IN (SELECT id FROM imports WHERE campaign_id = ${campaign})`,
      erase: 'delete',
    },
    triage_actions: {
      ofPerson: `id IN (SELECT id FROM ${t}.person_actions)`,
      // An action on the person's applications alone (a score, a note) says things of them; a bulk
      // action on others too keeps its common details (a stage, an assignee).
      erasedOnlyIf: 'NOT EXISTS (SELECT 1 FROM triage_changes c WHERE c.action_id = triage_actions.id)',
      ofCampaign: `campaign_id = ${campaign}`,
      erase: 'delete',
      afterApplications: true,
    },
    notices: {
      // By who screening says they are, by the applications a notice names, or by the address it went to.
      ofPerson: `(${PERSON_KEY} OR id IN (SELECT notice_id FROM notice_applications WHERE application_ref IN (SELECT ref FROM ${t}.person_refs))
      OR (email IS NOT NULL AND lower(trim(email)) IN (SELECT term FROM ${t}.person_terms)))`,
      ofCampaign: `campaign_id = ${campaign}`,
      erase: 'delete',
    },
    privacy_owed: {
      // An erasure under way names the person until its backups are rewritten: the work itself
      // removes the row when done (finish.ts), never an erasure's rules.
      ofPerson: MENTIONS_PERSON('identity_json'),
      ofCampaign: '1 = 0',
      erase: 'delete',
      erasedOnlyIf: '1 = 0',
    },
    notice_languages: { ofPerson: PERSON_KEY, ofCampaign: `campaign_id = ${campaign}`, erase: 'delete' },
    // Derived from the applications and notices, marked again by their triggers: cleared last.
    notice_standing: { ofPerson: PERSON_KEY, ofCampaign: `campaign_id = ${campaign}`, erase: 'delete', afterApplications: true },
    notice_standing_stale: { ofPerson: PERSON_KEY, ofCampaign: `campaign_id = ${campaign}`, erase: 'delete', afterApplications: true },
  };
  return { rules, auditAboutPerson, auditMentionsPerson };
}

const SQLITE_RULES = erasureSqlOf(SQLITE_ERASURE);
/** The rules in SQLite's SQL (the database file, its backups). */
export const ERASURE_RULES = SQLITE_RULES.rules;
export const AUDIT_ABOUT_PERSON = SQLITE_RULES.auditAboutPerson;
export const AUDIT_MENTIONS_PERSON = SQLITE_RULES.auditMentionsPerson;

/** The tables an erasure clears before deleting the applications, and those it clears after. */
export const CLEARED_BEFORE = UNLINKED_TABLES.filter((t) => !ERASURE_RULES[t].afterApplications);
export const CLEARED_AFTER = UNLINKED_TABLES.filter((t) => ERASURE_RULES[t].afterApplications);

/** The clause an erasure of one person removes rows by. */
export function erasedOfPerson(table: UnlinkedTable, rules: ErasureSql['rules'] = ERASURE_RULES): string {
  const rule = rules[table];
  return rule.erasedOnlyIf === undefined ? rule.ofPerson : `(${rule.ofPerson}) AND ${rule.erasedOnlyIf}`;
}

/** The statement erasing a table's rows the clause selects. */
export function erasureSql(table: UnlinkedTable, clause: string, rules: ErasureSql['rules'] = ERASURE_RULES): string {
  const rule = rules[table];
  return rule.erase === 'delete' ? `DELETE FROM ${table} WHERE ${clause}` : `UPDATE ${table} SET ${rule.erase.set} WHERE ${clause}`;
}
