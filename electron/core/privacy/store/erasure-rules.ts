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

const PERSON_KEY = '(campaign_id, person_key) IN (SELECT campaign_id, person_key FROM temp.person_keys)';
const MENTIONS_PERSON = (column: string) => `EXISTS (SELECT 1 FROM temp.person_terms t WHERE instr(lower(${column}), t.quoted) > 0)`;
const PERSON_REF_IN = (list: string) => `EXISTS (SELECT 1 FROM json_each(audit_log.details_json, '${list}') j WHERE j.value IN (SELECT ref FROM temp.person_refs))`;

/**
 * An audit entry about the person: on one of their applications (its subject), on a pair of
 * applications one of which is theirs (a duplicate decision: "NIP-A + NIP-B"), or on their place on
 * a shortlist (a note: details.ref).
 */
export const AUDIT_ABOUT_PERSON = `((campaign_id, subject) IN (SELECT campaign_id, application_id FROM temp.person_applications)
  OR EXISTS (SELECT 1 FROM temp.person_applications p WHERE p.campaign_id = audit_log.campaign_id AND instr(' + ' || audit_log.subject || ' + ', ' + ' || p.application_id || ' + ') > 0)
  OR json_extract(details_json, '$.ref') IN (SELECT ref FROM temp.person_refs))`;

/** An audit entry naming the person among others: an ID or e-mail in its details, their application in a list of refs. */
export const AUDIT_MENTIONS_PERSON = `(${MENTIONS_PERSON('details_json')} OR ${PERSON_REF_IN('$.refs')} OR ${PERSON_REF_IN('$.order')})`;

const SEARCH = "json_extract(view_json, '$.filter.search')";

export const ERASURE_RULES = {
  audit_log: {
    // The officer's record stays (who did what, when); what it says of the person goes: an entry
    // about them is blanked, one naming them among others loses them (sqlite-erasure.ts,
    // audit-mentions.ts).
    ofPerson: `(${AUDIT_ABOUT_PERSON} OR ${AUDIT_MENTIONS_PERSON})`,
    ofCampaign: `campaign_id = :campaign AND action NOT IN (${AUDIT_ACTIONS_WITHOUT_APPLICANT_DATA.map((a) => `'${a}'`).join(', ')})`,
    erase: { set: `subject = NULL, details_json = '{"erased":true}'` },
    erasedOnlyIf: AUDIT_ABOUT_PERSON,
  },
  saved_views: {
    // A saved search an officer typed may be the person's name, e-mail or Application ID.
    ofPerson: `${SEARCH} IS NOT NULL AND (EXISTS (SELECT 1 FROM temp.person_words w WHERE instr(lower(${SEARCH}), w.word) > 0)
      OR EXISTS (SELECT 1 FROM temp.person_terms t WHERE instr(lower(${SEARCH}), t.term) > 0))`,
    ofCampaign: `campaign_id = :campaign AND ${SEARCH} IS NOT NULL`,
    erase: { set: "view_json = json_remove(view_json, '$.filter.search')" },
  },
  import_rejections: {
    ofPerson: `(${MENTIONS_PERSON('values_json')} OR lower(value) IN (SELECT term FROM temp.person_terms))`,
    ofCampaign: 'import_id IN (SELECT id FROM imports WHERE campaign_id = :campaign)',
    erase: 'delete',
  },
  triage_actions: {
    ofPerson: 'id IN (SELECT id FROM temp.person_actions)',
    // An action on the person's applications alone (a score, a note) says things of them; a bulk
    // action on others too keeps its common details (a stage, an assignee).
    erasedOnlyIf: 'NOT EXISTS (SELECT 1 FROM triage_changes c WHERE c.action_id = triage_actions.id)',
    ofCampaign: 'campaign_id = :campaign',
    erase: 'delete',
    afterApplications: true,
  },
  notices: {
    // By who screening says they are, by the applications a notice names, or by the address it went to.
    ofPerson: `(${PERSON_KEY} OR id IN (SELECT notice_id FROM notice_applications WHERE application_ref IN (SELECT ref FROM temp.person_refs))
      OR (email IS NOT NULL AND lower(trim(email)) IN (SELECT term FROM temp.person_terms)))`,
    ofCampaign: 'campaign_id = :campaign',
    erase: 'delete',
  },
  privacy_owed: {
    // An erasure under way names the person until its backups are rewritten: the work itself
    // removes the row when done (finish.ts), never an erasure's rules.
    ofPerson: MENTIONS_PERSON('identity_json'),
    ofCampaign: '0',
    erase: 'delete',
    erasedOnlyIf: '0',
  },
  notice_languages: { ofPerson: PERSON_KEY, ofCampaign: 'campaign_id = :campaign', erase: 'delete' },
  // Derived from the applications and notices, marked again by their triggers: cleared last.
  notice_standing: { ofPerson: PERSON_KEY, ofCampaign: 'campaign_id = :campaign', erase: 'delete', afterApplications: true },
  notice_standing_stale: { ofPerson: PERSON_KEY, ofCampaign: 'campaign_id = :campaign', erase: 'delete', afterApplications: true },
} as const satisfies Partial<Record<RegisteredTable, ErasureRule>>;

export type UnlinkedTable = keyof typeof ERASURE_RULES;

/** The clause an erasure of one person removes rows by. */
export function erasedOfPerson(table: UnlinkedTable): string {
  const rule: ErasureRule = ERASURE_RULES[table];
  return rule.erasedOnlyIf === undefined ? rule.ofPerson : `(${rule.ofPerson}) AND ${rule.erasedOnlyIf}`;
}

/** The statement erasing a table's rows the clause selects. */
export function erasureSql(table: UnlinkedTable, clause: string): string {
  const rule: ErasureRule = ERASURE_RULES[table];
  return rule.erase === 'delete' ? `DELETE FROM ${table} WHERE ${clause}` : `UPDATE ${table} SET ${rule.erase.set} WHERE ${clause}`;
}
