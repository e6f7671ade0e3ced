// Engines: SQLite only — SQLite's migrations, each from the previous schema with rows; PostgreSQL's are tested in postgres-server.test.ts.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COHORT_APPLICATION_ID, openSqlite } from '../../db/connection';
import { inspectDatabaseFile, runMigrations } from '../../db/migrate';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from '../../db/migrations';
import type { Migration } from '../../db/migrations/types';
import { DatabaseFromFutureError } from '../../shared/api/errors';
import { DatabaseSession } from '../../electron/core/session';
import { sqliteSearchIndexer } from '../../electron/core/triage/store/sqlite-search-index';
import { openTestApp, useTempDir } from './support/temp';

const tempDir = useTempDir();
const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

describe('migration list', () => {
  it('numbers migrations 1..N without gaps, each once', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_m, i) => i + 1));
    expect(LATEST_SCHEMA_VERSION).toBe(MIGRATIONS.length);
  });

  it('brings an empty file to the latest version and stamps it as Cohort’s', () => {
    const db = openSqlite(join(tempDir(), 'a.sqlite'));
    expect(runMigrations(db)).toEqual({ from: 0, to: LATEST_SCHEMA_VERSION });
    expect(db.pragma('application_id', { simple: true })).toBe(COHORT_APPLICATION_ID);
    expect(runMigrations(db)).toEqual({ from: LATEST_SCHEMA_VERSION, to: LATEST_SCHEMA_VERSION });
    db.close();
  });
});

describe('0001 campaigns and audit (from an empty file)', () => {
  it('creates campaigns and audit_log that take rows', () => {
    const db = openSqlite(join(tempDir(), 'a.sqlite'));
    runMigrations(db, { upTo: 1 });
    db.prepare("INSERT INTO campaigns (name, settings_json, created_at, updated_at) VALUES ('C', '{}', 'x', 'x')").run();
    db.prepare("INSERT INTO audit_log (campaign_id, at, actor, action) VALUES (1, 'x', 'me', 'test')").run();
    expect(db.prepare('SELECT count(*) AS n FROM audit_log').get()).toEqual({ n: 1 });
    db.close();
  });
});

describe('0002 applications (from version 1 with rows)', () => {
  it('keeps campaigns and audit entries and adds applications tied to campaigns', () => {
    const db = openSqlite(join(tempDir(), 'a.sqlite'));
    runMigrations(db, { upTo: 1 });
    db.prepare("INSERT INTO campaigns (id, name, settings_json, created_at, updated_at) VALUES (7, 'Internship Programme 2025', '{\"minimumAge\":21}', '2024-01-01', '2024-01-02')").run();
    db.prepare("INSERT INTO audit_log (campaign_id, at, actor, action, details_json) VALUES (7, '2024-01-01', 'anne', 'campaign.update', '{\"a\":1}')").run();

    expect(runMigrations(db, { upTo: 2 })).toEqual({ from: 1, to: 2 });

    expect(db.prepare('SELECT * FROM campaigns').all()).toEqual([
      { id: 7, name: 'Internship Programme 2025', settings_json: '{"minimumAge":21}', created_at: '2024-01-01', updated_at: '2024-01-02' },
    ]);
    expect(db.prepare('SELECT campaign_id, actor, action, details_json FROM audit_log').all()).toEqual([
      { campaign_id: 7, actor: 'anne', action: 'campaign.update', details_json: '{"a":1}' },
    ]);
    db.prepare("INSERT INTO applications (campaign_id, application_id, source, created_at, updated_at) VALUES (7, 'NIP-1', 'import', 'x', 'x')").run();
    expect(() => db.prepare("INSERT INTO applications (campaign_id, application_id, source, created_at, updated_at) VALUES (7, 'NIP-1', 'import', 'x', 'x')").run()).toThrow(/UNIQUE/);
    expect(() => db.prepare("INSERT INTO applications (campaign_id, application_id, source, created_at, updated_at) VALUES (99, 'NIP-2', 'import', 'x', 'x')").run()).toThrow(/FOREIGN KEY/);
    db.close();
  });
});

describe('0003 imports, revisions and parsed fields (from version 2 with rows)', () => {
  it('keeps applications, adds the import tables, and fills parsed fields when the app opens it', async () => {
    const dir = tempDir();
    const path = join(dir, 'v2.sqlite');
    const db = openSqlite(path);
    runMigrations(db, { upTo: 2 });
    db.prepare("INSERT INTO campaigns (id, name, settings_json, created_at, updated_at) VALUES (1, 'C', '{}', 'x', 'x')").run();
    db.prepare(
      `INSERT INTO applications (campaign_id, application_id, date_of_birth, funding, english_level, currently_enrolled, years_completed, division, division_code, submitted_on, submitted_at, source, created_at, updated_at)
       VALUES (1, 'NIP-9', '31/12/2001', 'Financement OTAN', 'Langue maternelle', 'Oui', '3', 'OPS', 'OPS', '2025-04-06T05:48:00Z', '2025-04-06T05:48:00Z', 'import', 'x', 'x')`,
    ).run();
    db.close();

    const session = new DatabaseSession({ backupDirectory: join(dir, 'backups') });
    await session.openFile(path);
    const row = session.open.sqlite.prepare('SELECT * FROM applications').get() as Record<string, unknown>;
    expect(row).toMatchObject({
      application_id: 'NIP-9',
      date_of_birth: '31/12/2001',
      date_of_birth_parsed: '2001-12-31',
      funding_parsed: 'nato',
      english_level_parsed: 'native',
      currently_enrolled_parsed: 1,
      years_completed_parsed: 3,
      division_code: 'OPS',
      extra_json: null,
      import_id: null,
    });
    expect(session.open.sqlite.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    // The backup before migrating holds the database as it was, at version 2.
    const [backup] = session.listBackups();
    expect(backup?.reason).toBe('migration');
    const old = openSqlite(backup!.path, { readonly: true });
    expect(old.pragma('user_version', { simple: true })).toBe(2);
    old.close();
    await session.close();
  });
});

describe('0004 screening (from version 3 with rows)', () => {
  it('keeps applications and imports, and adds screening tables tied to applications', () => {
    const db = openSqlite(join(tempDir(), 'v3.sqlite'));
    runMigrations(db, { upTo: 3 });
    db.prepare("INSERT INTO campaigns (id, name, settings_json, created_at, updated_at) VALUES (1, 'C', '{}', 'x', 'x')").run();
    db.prepare(
      `INSERT INTO imports (id, campaign_id, file_name, file_size, sha256, format, mapping_json, total_rows, added, updated, unchanged, skipped_drafts, rejected, actor, started_at, finished_at)
       VALUES (5, 1, 'export.csv', 10, 'abc', 'csv', '{}', 1, 1, 0, 0, 0, 0, 'anne', 'x', 'x')`,
    ).run();
    db.prepare("INSERT INTO applications (id, campaign_id, application_id, first_name, import_id, source, created_at, updated_at) VALUES (9, 1, 'NIP-1', 'Zoë', 5, 'import', 'x', 'x')").run();

    expect(runMigrations(db, { upTo: 4 })).toEqual({ from: 3, to: 4 });

    expect(db.prepare('SELECT id, application_id, first_name, import_id FROM applications').all()).toEqual([{ id: 9, application_id: 'NIP-1', first_name: 'Zoë', import_id: 5 }]);
    expect(db.prepare('SELECT id, file_name, added FROM imports').all()).toEqual([{ id: 5, file_name: 'export.csv', added: 1 }]);
    db.prepare(
      `INSERT INTO screening_results (application_ref, campaign_id, verdict, reasons_json, criteria_json, person_key, rules_version, input_hash, signature, screened_at)
       VALUES (9, 1, 'review', '["AGE_UNKNOWN"]', '[]', 'NIP-1', 1, 'h', 's', 'x')`,
    ).run();
    db.prepare(
      `INSERT INTO screening_overrides (application_ref, verdict, justification, automatic_verdict, automatic_reasons_json, input_hash, state, actor, at)
       VALUES (9, 'eligible', 'checked the passport', 'review', '["AGE_UNKNOWN"]', 'h', 'active', 'anne', 'x')`,
    ).run();
    expect(() =>
      db.prepare("INSERT INTO screening_results (application_ref, campaign_id, verdict, reasons_json, criteria_json, person_key, rules_version, input_hash, signature, screened_at) VALUES (77, 1, 'review', '[]', '[]', 'k', 1, 'h', 's', 'x')").run(),
    ).toThrow(/FOREIGN KEY/);
    // Deleting an application takes its screening with it.
    db.prepare('DELETE FROM applications WHERE id = 9').run();
    expect(db.prepare('SELECT (SELECT count(*) FROM screening_results) + (SELECT count(*) FROM screening_overrides) AS n').get()).toEqual({ n: 0 });
    db.close();
  });
});

describe('0005 corrections and duplicate decisions (from version 4 with rows)', () => {
  it('keeps revisions (without an actor) and adds corrections and pair decisions tied to applications', () => {
    const db = openSqlite(join(tempDir(), 'v4.sqlite'));
    runMigrations(db, { upTo: 4 });
    db.prepare("INSERT INTO campaigns (id, name, settings_json, created_at, updated_at) VALUES (1, 'C', '{}', 'x', 'x')").run();
    db.prepare("INSERT INTO applications (id, campaign_id, application_id, date_of_birth, source, created_at, updated_at) VALUES (9, 1, 'NIP-1', '31/02/2001', 'import', 'x', 'x')").run();
    db.prepare("INSERT INTO applications (id, campaign_id, application_id, source, created_at, updated_at) VALUES (10, 1, 'NIP-2', 'import', 'x', 'x')").run();
    db.prepare("INSERT INTO application_revisions (application_ref, field, old_value, new_value, at) VALUES (9, 'dateOfBirth', '', '31/02/2001', 'x')").run();

    expect(runMigrations(db, { upTo: 5 })).toEqual({ from: 4, to: 5 });

    expect(db.prepare('SELECT application_ref, field, new_value, actor FROM application_revisions').all()).toEqual([
      { application_ref: 9, field: 'dateOfBirth', new_value: '31/02/2001', actor: null },
    ]);
    const correct = db.prepare(
      "INSERT INTO application_corrections (application_ref, field, imported_value, corrected_value, reason, state, actor, at) VALUES (9, 'dateOfBirth', '31/02/2001', '2001-02-13', 'passport', ?, 'anne', 'x')",
    );
    correct.run('active');
    // One active correction per field: a second one must first supersede it.
    expect(() => correct.run('active')).toThrow(/UNIQUE/);
    correct.run('superseded');
    const decide = db.prepare("INSERT INTO duplicate_decisions (campaign_id, application_a, application_b, decision, signals_json, actor, at) VALUES (1, ?, ?, 'confirmed', '[]', 'anne', 'x')");
    decide.run(9, 10);
    expect(() => decide.run(9, 10)).toThrow(/UNIQUE/);
    expect(() => decide.run(10, 9)).toThrow(/CHECK/);
    const version = db.prepare('SELECT applications_version AS v FROM campaigns WHERE id = 1').pluck();
    expect(version.get()).toBe(0);
    db.prepare("UPDATE applications SET first_name = 'Zoë' WHERE id = 10").run();
    expect(version.get()).toBe(1);
    db.prepare('DELETE FROM applications WHERE id = 9').run();
    expect(version.get()).toBe(2);
    expect(db.prepare('SELECT (SELECT count(*) FROM application_corrections) + (SELECT count(*) FROM duplicate_decisions) AS n').get()).toEqual({ n: 0 });
    db.close();
  });
});

describe('0006 triage (from version 5 with rows)', () => {
  it('keeps applications and corrections, and adds triage, notes, rubrics, views and a search index that follows applications', () => {
    const db = openSqlite(join(tempDir(), 'v5.sqlite'));
    runMigrations(db, { upTo: 5 });
    db.prepare("INSERT INTO campaigns (id, name, settings_json, created_at, updated_at) VALUES (1, 'C', '{}', 'x', 'x')").run();
    db.prepare("INSERT INTO applications (id, campaign_id, application_id, first_name, last_name, division_code, source, created_at, updated_at) VALUES (9, 1, 'NIP-1', 'Zoë', 'Müller', 'OPS', 'import', 'x', 'x')").run();
    db.prepare(
      "INSERT INTO application_corrections (application_ref, field, imported_value, corrected_value, reason, state, actor, at) VALUES (9, 'nationality', 'Atlantis', 'Belgium', 'passport', 'active', 'anne', 'x')",
    ).run();

    expect(runMigrations(db, { upTo: 6 })).toEqual({ from: 5, to: 6 });

    expect(db.prepare('SELECT application_id, first_name FROM applications').all()).toEqual([{ application_id: 'NIP-1', first_name: 'Zoë' }]);
    expect(db.prepare('SELECT corrected_value FROM application_corrections').pluck().all()).toEqual(['Belgium']);
    // Nothing is indexed yet: the worker indexes rows above the watermark.
    expect(db.prepare('SELECT indexed_up_to FROM search_state').pluck().get()).toBe(0);
    db.prepare("INSERT INTO application_search (rowid, first_name, last_name) VALUES (9, 'Zoë', 'Müller')").run();
    db.prepare('UPDATE search_state SET indexed_up_to = 9').run();
    expect(db.prepare("SELECT rowid FROM application_search WHERE application_search MATCH '\"zoe\"* AND \"mull\"*'").pluck().all()).toEqual([9]);
    // A change of searched text marks the row for indexing again; other changes do not.
    db.prepare("UPDATE applications SET nationality = 'Belgium' WHERE id = 9").run();
    expect(db.prepare('SELECT count(*) FROM search_pending').pluck().get()).toBe(0);
    db.prepare("UPDATE applications SET last_name = 'Muller' WHERE id = 9").run();
    expect(db.prepare('SELECT application_ref FROM search_pending').pluck().all()).toEqual([9]);

    db.prepare("INSERT INTO triage_states (application_ref, campaign_id, stage, updated_at, updated_by) VALUES (9, 1, 'proposed', 'x', 'anne')").run();
    const action = db.prepare("INSERT INTO triage_actions (campaign_id, actor, kind, details_json, at) VALUES (1, 'anne', 'stage', '{}', 'x')").run().lastInsertRowid;
    db.prepare("INSERT INTO triage_changes (action_id, application_ref, before_json, after_json) VALUES (?, 9, '{}', '{}')").run(action);
    db.prepare("INSERT INTO application_notes (application_ref, action_id, text, actor, at) VALUES (9, ?, 'Strong profile', 'anne', 'x')").run(action);
    const criterion = db.prepare("INSERT INTO rubric_criteria (campaign_id, division_code, position, label) VALUES (1, 'OPS', 1, 'Motivation')").run().lastInsertRowid;
    expect(() => db.prepare("INSERT INTO rubric_scores (application_ref, criterion_id, score, actor, at) VALUES (9, ?, 6, 'anne', 'x')").run(criterion)).toThrow(/CHECK/);
    db.prepare("INSERT INTO rubric_scores (application_ref, criterion_id, score, actor, at) VALUES (9, ?, 4, 'anne', 'x')").run(criterion);
    db.prepare("INSERT INTO saved_views (campaign_id, owner, name, view_json, updated_at) VALUES (1, 'anne', 'Mine', '{}', 'x')").run();
    db.prepare("INSERT INTO preferences (key, value) VALUES ('officerName:anne', 'Anne Martin')").run();

    // Deleting the application takes its triage, history, notes, scores and index entry with it.
    db.prepare('DELETE FROM applications WHERE id = 9').run();
    const left = db
      .prepare(
        `SELECT (SELECT count(*) FROM triage_states) + (SELECT count(*) FROM triage_changes) + (SELECT count(*) FROM application_notes)
           + (SELECT count(*) FROM rubric_scores) + (SELECT count(*) FROM search_pending) AS n`,
      )
      .pluck()
      .get();
    expect(left).toBe(0);
    expect(db.prepare("SELECT count(*) FROM application_search WHERE application_search MATCH 'zoe'").pluck().get()).toBe(0);
    expect(db.prepare('SELECT indexed_up_to FROM search_state').pluck().get()).toBe(8);
    db.close();
  });
});

describe('0007 screening owed (from version 6 with rows)', () => {
  it('marks a campaign left unscreened by a crash as owed, and counts every change screening follows from then on', () => {
    const db = openSqlite(join(tempDir(), 'v6.sqlite'));
    runMigrations(db, { upTo: 6 });
    db.prepare("INSERT INTO campaigns (id, name, settings_json, created_at, updated_at) VALUES (1, 'Screened', '{}', 'x', 'x'), (2, 'Crashed after its import', '{}', 'x', 'x'), (3, 'Empty', '{}', 'x', 'x')").run();
    db.prepare(
      "INSERT INTO applications (id, campaign_id, application_id, first_name, source, created_at, updated_at) VALUES (1, 1, 'NIP-1', 'Zoë', 'import', 'x', 'x'), (2, 2, 'NIP-2', 'Ana', 'import', 'x', 'x'), (3, 2, 'NIP-3', 'Bo', 'import', 'x', 'x')",
    ).run();
    const result = db.prepare(
      "INSERT INTO screening_results (application_ref, campaign_id, verdict, reasons_json, criteria_json, person_key, rules_version, input_hash, signature, screened_at) VALUES (?, ?, 'eligible', '[]', '[]', ?, 1, 'h', 's', 'x')",
    );
    result.run(1, 1, 'NIP-1');
    result.run(2, 2, 'NIP-2'); // NIP-3 was stored, the crash came before its screening

    expect(runMigrations(db, { upTo: 7 })).toEqual({ from: 6, to: 7 });

    const owed = () => db.prepare('SELECT id FROM campaigns WHERE screening_owed <> screening_done ORDER BY id').pluck().all();
    expect(owed()).toEqual([2]);
    expect(db.prepare('SELECT name FROM campaigns ORDER BY id').pluck().all()).toEqual(['Screened', 'Crashed after its import', 'Empty']);
    expect(db.prepare('SELECT count(*) FROM applications').pluck().get()).toBe(3);

    // Each change screening follows is counted by the database itself, in the change's own transaction.
    db.prepare('UPDATE campaigns SET screening_done = screening_owed').run();
    db.prepare("INSERT INTO applications (campaign_id, application_id, source, created_at, updated_at) VALUES (3, 'NIP-4', 'import', 'x', 'x')").run();
    expect(owed()).toEqual([3]);
    db.prepare('UPDATE campaigns SET screening_done = screening_owed').run();
    db.prepare("UPDATE applications SET division = 'OPS' WHERE id = 1").run();
    expect(owed()).toEqual([1]);
    db.prepare('UPDATE campaigns SET screening_done = screening_owed').run();
    db.prepare("UPDATE campaigns SET name = 'Renamed' WHERE id = 2").run();
    expect(owed()).toEqual([]); // a name is not a rule
    db.prepare('UPDATE campaigns SET settings_json = \'{"minimumAge":20}\' WHERE id = 2').run();
    expect(owed()).toEqual([2]);
    db.prepare('UPDATE campaigns SET screening_done = screening_owed').run();
    db.prepare("INSERT INTO duplicate_decisions (campaign_id, application_a, application_b, decision, signals_json, actor, at) VALUES (2, 2, 3, 'dismissed', '[]', 'anne', 'x')").run();
    expect(owed()).toEqual([]); // a dismissed pair changes nobody's verdict
    db.prepare("UPDATE duplicate_decisions SET decision = 'confirmed'").run();
    expect(owed()).toEqual([2]);
    db.prepare('UPDATE campaigns SET screening_done = screening_owed').run();
    db.prepare('DELETE FROM applications WHERE id = 3').run();
    expect(owed()).toEqual([2]);
    db.close();
  });
});

describe('failure and refusal', () => {
  it('rolls back every step when one fails: the file stays at its old version', () => {
    const db = openSqlite(join(tempDir(), 'a.sqlite'));
    runMigrations(db, { upTo: 1 });
    const broken: Migration[] = [
      ...MIGRATIONS,
      { version: MIGRATIONS.length + 1, name: 'adds a table', up: (d) => d.exec('CREATE TABLE extra (id INTEGER)') },
      { version: MIGRATIONS.length + 2, name: 'fails', up: (d) => d.exec('THIS IS NOT SQL') },
    ];
    expect(() => runMigrations(db, { list: broken })).toThrow();
    expect(db.pragma('user_version', { simple: true })).toBe(1);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name IN ('applications', 'extra')").all()).toEqual([]);
    db.close();
  });

  it('refuses a database from a newer Cohort and leaves the file byte for byte as it was', async () => {
    const dir = tempDir();
    const path = join(dir, 'future.sqlite');
    const db = openSqlite(path);
    runMigrations(db);
    db.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 5}`);
    db.pragma('journal_mode = DELETE');
    db.close();
    const before = sha(path);

    expect(() => inspectDatabaseFile(path)).toThrow(DatabaseFromFutureError);
    const session = new DatabaseSession({ backupDirectory: join(dir, 'backups') });
    await expect(session.openFile(path)).rejects.toMatchObject({ code: 'Conflict', kind: 'DatabaseFromFuture' });
    expect(sha(path)).toBe(before);
  });

  it('refuses a file that is not a database, and a database of another program, untouched', async () => {
    const dir = tempDir();
    const junk = join(dir, 'junk.sqlite');
    writeFileSync(junk, 'this is a text file, not SQLite'.repeat(100));
    const other = join(dir, 'other.sqlite');
    const db = openSqlite(other);
    db.exec('CREATE TABLE t (x)');
    db.pragma('journal_mode = DELETE');
    db.close();
    const hashes = [sha(junk), sha(other)];
    const session = new DatabaseSession({ backupDirectory: join(dir, 'backups') });
    await expect(session.openFile(junk)).rejects.toMatchObject({ code: 'Validation', kind: 'NotADatabase' });
    await expect(session.openFile(other)).rejects.toMatchObject({ code: 'Validation', kind: 'NotCohortDatabase' });
    expect([sha(junk), sha(other)]).toEqual(hashes);
  });
});

describe('0008 nationality code and name key (from version 7 with rows)', () => {
  it('gives stored applications the country their nationality names and a name key that ignores accents, when the database is opened', async () => {
    const dir = tempDir();
    const path = join(dir, 'cohort.sqlite');
    const db = openSqlite(path);
    runMigrations(db, { upTo: 7 });
    db.prepare("INSERT INTO campaigns (id, name, settings_json, created_at, updated_at) VALUES (1, 'Season', '{}', 'x', 'x')").run();
    const insert = db.prepare("INSERT INTO applications (campaign_id, application_id, first_name, last_name, nationality, source, created_at, updated_at) VALUES (1, ?, ?, ?, ?, 'import', 'x', 'x')");
    insert.run('NIP-1', 'Anna', 'Ābolinš', 'Belgique');
    insert.run('NIP-2', 'Zoë', 'Zola', 'BE');
    insert.run('NIP-3', 'Éric', 'Özil', 'Belgium');
    insert.run('NIP-4', 'Bo', 'Berg', 'Atlantis');
    db.close();

    const app = await openTestApp(dir);
    try {
      const { sqlite } = app.core.session.open;
      expect(sqlite.pragma('user_version', { simple: true })).toBeGreaterThanOrEqual(8);
      const rows = sqlite.prepare('SELECT application_id, nationality_code, name_key FROM applications ORDER BY name_key').raw().all();
      expect(rows).toEqual([
        ['NIP-1', 'BE', 'abolins anna'],
        ['NIP-4', null, 'berg bo'],
        ['NIP-3', 'BE', 'ozil eric'],
        ['NIP-2', 'BE', 'zola zoe'],
      ]);
      expect(sqlite.prepare('SELECT name FROM campaigns').pluck().all()).toEqual(['Season']);
    } finally {
      await app.core.close();
    }
  });
});

describe('0009 search prefix indexes (from version 8 with rows)', () => {
  it('makes the search index again with prefix indexes, to be filled again from the first application', () => {
    const db = openSqlite(join(tempDir(), 'v8.sqlite'));
    runMigrations(db, { upTo: 8 });
    db.prepare("INSERT INTO campaigns (id, name, settings_json, created_at, updated_at) VALUES (1, 'Season', '{}', 'x', 'x')").run();
    db.prepare("INSERT INTO applications (id, campaign_id, application_id, first_name, last_name, source, created_at, updated_at) VALUES (9, 1, 'NIP-9', 'Zoë', 'de la Cruz', 'import', 'x', 'x')").run();
    expect(sqliteSearchIndexer(db)()).toBe(1);
    db.prepare("UPDATE applications SET last_name = 'de la Cruz Müller' WHERE id = 9").run();
    expect(db.prepare('SELECT count(*) FROM search_pending').pluck().get()).toBe(1);

    runMigrations(db);
    expect(db.prepare("SELECT sql FROM sqlite_master WHERE name = 'application_search'").pluck().get()).toContain("prefix = '1 2 3'");
    expect(db.prepare('SELECT indexed_up_to FROM search_state').pluck().get()).toBe(0);
    expect(db.prepare('SELECT count(*) FROM search_pending').pluck().get()).toBe(0);
    const search = db.prepare('SELECT rowid FROM application_search WHERE application_search MATCH ?').pluck();
    expect(search.all('"de"* AND "l"*')).toEqual([]);
    expect(sqliteSearchIndexer(db)()).toBe(1);
    expect(search.all('"de"* AND "l"* AND "mu"*')).toEqual([9]);
    expect(search.all('"zo"* AND "c"*')).toEqual([9]);
    db.close();
  });
});

describe('0010 shortlists (from version 9 with rows)', () => {
  it('keeps triage states and adds shortlists, codes, exports, replies and selection details that follow their applications', () => {
    const db = openSqlite(join(tempDir(), 'v9.sqlite'));
    runMigrations(db, { upTo: 9 });
    db.prepare("INSERT INTO campaigns (id, name, settings_json, created_at, updated_at) VALUES (1, 'Season', '{}', 'x', 'x')").run();
    for (const id of [7, 8]) {
      db.prepare("INSERT INTO applications (id, campaign_id, application_id, division_code, source, created_at, updated_at) VALUES (?, 1, ?, 'DI', 'import', 'x', 'x')").run(id, `NIP-${id}`);
      db.prepare("INSERT INTO triage_states (application_ref, campaign_id, stage, updated_at, updated_by) VALUES (?, 1, 'proposed', 'x', 'officer')").run(id);
    }

    runMigrations(db);
    expect(db.prepare('SELECT application_ref, stage FROM triage_states ORDER BY application_ref').all()).toEqual([
      { application_ref: 7, stage: 'proposed' },
      { application_ref: 8, stage: 'proposed' },
    ]);
    db.prepare("INSERT INTO shortlists (id, campaign_id, division_code, state, created_by, created_at, updated_at) VALUES (1, 1, 'DI', 'draft', 'o', 'x', 'x')").run();
    for (const id of [7, 8]) {
      db.prepare("INSERT INTO candidate_codes (application_ref, campaign_id, division_code, sequence, code) VALUES (?, 1, 'DI', ?, ?)").run(id, id, `DI-00${id}-0`);
      db.prepare("INSERT INTO shortlist_entries (shortlist_id, application_ref, rank, added_by, added_at) VALUES (1, ?, ?, 'o', 'x')").run(id, id);
      db.prepare("INSERT INTO selection_details (application_ref, interview_mode, updated_at, updated_by) VALUES (?, 'video', 'x', 'o')").run(id);
    }
    db.prepare("INSERT INTO shortlist_exports (id, shortlist_id, blind, reply_by, file_name, sha256, codes_check, actor, at) VALUES (1, 1, 0, '2027-01-29', 'DI.xlsx', 'h', 'c', 'o', 'x')").run();
    db.prepare("INSERT INTO shortlist_export_entries (export_id, application_ref, candidate_code) VALUES (1, 7, 'DI-007-0'), (1, 8, 'DI-008-0')").run();
    expect(() => db.prepare("INSERT INTO candidate_codes (application_ref, campaign_id, division_code, sequence, code) VALUES (8, 1, 'DI', 9, 'DI-007-0')").run()).toThrow(/UNIQUE/);
    expect(() => db.prepare("INSERT INTO selection_details (application_ref, session, updated_at, updated_by) VALUES (99, 'june', 'x', 'o')").run()).toThrow(/CHECK|FOREIGN/);

    // Erasing an application takes its code, its places on shortlists and in exports, and its details.
    db.prepare('DELETE FROM applications WHERE id = 7').run();
    const count = (table: string) => db.prepare(`SELECT count(*) FROM ${table}`).pluck().get();
    expect([count('candidate_codes'), count('shortlist_entries'), count('shortlist_export_entries'), count('selection_details')]).toEqual([1, 1, 1, 1]);
    db.prepare('DELETE FROM campaigns WHERE id = 1').run();
    expect([count('shortlists'), count('shortlist_exports'), count('candidate_codes')]).toEqual([0, 0, 0]);
    db.close();
  });
});

describe('0011 notices (from version 10 with rows)', () => {
  it('keeps shortlists and adds notices that follow their applications and campaigns', () => {
    const db = openSqlite(join(tempDir(), 'v10.sqlite'));
    runMigrations(db, { upTo: 10 });
    db.prepare("INSERT INTO campaigns (id, name, settings_json, created_at, updated_at) VALUES (1, 'Season', '{}', 'x', 'x')").run();
    db.prepare("INSERT INTO applications (id, campaign_id, application_id, source, created_at, updated_at) VALUES (5, 1, 'NIP-5', 'import', 'x', 'x')").run();
    db.prepare("INSERT INTO shortlists (id, campaign_id, division_code, state, created_by, created_at, updated_at) VALUES (1, 1, 'DI', 'draft', 'o', 'x', 'x')").run();

    runMigrations(db);
    expect(db.prepare('SELECT count(*) FROM shortlists').pluck().get()).toBe(1);
    db.prepare("INSERT INTO notice_templates (campaign_id, outcome, language, subject, body, updated_by, updated_at) VALUES (1, 'ineligible', 'fr', 's', 'b', 'o', 'x')").run();
    db.prepare("INSERT INTO notice_batches (id, campaign_id, outcome, format, actor, at) VALUES (1, 1, 'ineligible', 'eml', 'o', 'x')").run();
    db.prepare("INSERT INTO notices (id, campaign_id, person_key, outcome, language, batch_id, state, basis, prepared_at, updated_by) VALUES (1, 1, 'p', 'ineligible', 'fr', 1, 'prepared', '[]', 'x', 'o')").run();
    db.prepare('INSERT INTO notice_applications (notice_id, application_ref) VALUES (1, 5)').run();
    expect(() => db.prepare("INSERT INTO notices (campaign_id, person_key, outcome, language, state, basis, prepared_at, updated_by) VALUES (1, 'p', 'x', 'de', 'sent', '[]', 'x', 'o')").run()).toThrow(/CHECK/);

    db.prepare('DELETE FROM applications WHERE id = 5').run();
    expect(db.prepare('SELECT count(*) FROM notice_applications').pluck().get()).toBe(0);
    db.prepare('DELETE FROM campaigns WHERE id = 1').run();
    expect(['notice_templates', 'notice_batches', 'notices'].map((t) => db.prepare(`SELECT count(*) FROM ${t}`).pluck().get())).toEqual([0, 0, 0]);
    db.close();
  });
});

describe('0012 notice standing (from version 11 with rows)', () => {
  it('marks every screened person stale once, then each change to a person’s decisions marks them again, in the same statement', () => {
    const db = openSqlite(join(tempDir(), 'v11.sqlite'));
    runMigrations(db, { upTo: 11 });
    db.prepare("INSERT INTO campaigns (id, name, settings_json, created_at, updated_at) VALUES (1, 'Season', '{}', 'x', 'x')").run();
    const addApplication = db.prepare("INSERT INTO applications (id, campaign_id, application_id, division_code, source, created_at, updated_at) VALUES (?, 1, ?, 'DI', 'import', 'x', 'x')");
    const addResult = db.prepare(
      "INSERT INTO screening_results (application_ref, campaign_id, verdict, reasons_json, criteria_json, person_key, rules_version, input_hash, signature, screened_at) VALUES (?, 1, 'eligible', '[]', '[]', ?, 1, 'h', 's', 'x')",
    );
    // Two applications of one person, one of another.
    for (const [ref, key] of [[1, 'anna'], [2, 'anna'], [3, 'bert']] as const) {
      addApplication.run(ref, `NIP-${ref}`);
      addResult.run(ref, key);
    }

    runMigrations(db);
    const stale = () => db.prepare<[], string>('SELECT person_key FROM notice_standing_stale ORDER BY person_key').pluck().all();
    const clear = () => db.exec('DELETE FROM notice_standing_stale');
    expect(stale()).toEqual(['anna', 'bert']);
    expect(db.prepare('SELECT count(*) FROM notice_standing').pluck().get()).toBe(0);

    clear();
    db.prepare("INSERT INTO triage_states (application_ref, campaign_id, stage, updated_at, updated_by) VALUES (1, 1, 'proposed', 'x', 'o')").run();
    expect(stale()).toEqual(['anna']);
    // An upsert firing the trigger for a person already marked does not fail (its conflict clause would win over the trigger's).
    db.prepare("INSERT INTO triage_states (application_ref, campaign_id, stage, updated_at, updated_by) VALUES (2, 1, 'proposed', 'x', 'o') ON CONFLICT (application_ref) DO UPDATE SET stage = excluded.stage").run();
    db.prepare("INSERT INTO triage_states (application_ref, campaign_id, stage, updated_at, updated_by) VALUES (2, 1, 'notRetained', 'x', 'o') ON CONFLICT (application_ref) DO UPDATE SET stage = excluded.stage").run();
    expect(stale()).toEqual(['anna']);

    clear();
    db.prepare("INSERT INTO selection_details (application_ref, updated_at, updated_by) VALUES (3, 'x', 'o')").run();
    expect(stale()).toEqual(['bert']);
    clear();
    db.prepare(
      "INSERT INTO screening_overrides (application_ref, verdict, justification, automatic_verdict, automatic_reasons_json, input_hash, state, actor, at) VALUES (3, 'ineligible', 'j', 'eligible', '[]', 'h', 'active', 'o', 'x')",
    ).run();
    expect(stale()).toEqual(['bert']);
    clear();
    db.prepare("UPDATE applications SET division_code = 'OPS' WHERE id = 2").run();
    expect(stale()).toEqual(['anna']);
    clear();
    db.prepare("UPDATE applications SET first_name = 'Anna' WHERE id = 2").run();
    expect(stale()).toEqual([]);
    // A confirmed duplicate moves an application to another person: both are worked out again.
    db.prepare("UPDATE screening_results SET person_key = 'bert' WHERE application_ref = 2").run();
    expect(stale()).toEqual(['anna', 'bert']);
    clear();
    db.prepare("INSERT INTO notices (campaign_id, person_key, outcome, language, state, basis, prepared_at, updated_by) VALUES (1, 'anna', 'ineligible', 'en', 'prepared', '[]', 'x', 'o')").run();
    expect(stale()).toEqual(['anna']);

    // Deleting the campaign cascades through its results, whose triggers still name it: nothing fails.
    db.prepare('DELETE FROM campaigns WHERE id = 1').run();
    expect(db.prepare('SELECT count(*) FROM notice_standing').pluck().get()).toBe(0);
    db.close();
  });
});

describe('0013 personal data (from version 12 with rows)', () => {
  it('gives campaigns a 24-month retention, keeps report facts per campaign, and sends the search watermark back only below the largest application left', () => {
    const db = openSqlite(join(tempDir(), 'v12.sqlite'));
    runMigrations(db, { upTo: 12 });
    db.prepare("INSERT INTO campaigns (id, name, settings_json, created_at, updated_at) VALUES (1, 'Season', '{}', 'x', 'x')").run();
    const add = db.prepare("INSERT INTO applications (id, campaign_id, application_id, source, created_at, updated_at) VALUES (?, 1, ?, 'import', 'x', 'x')");
    for (const id of [1, 2, 3, 4]) add.run(id, `NIP-${id}`);
    db.prepare('UPDATE search_state SET indexed_up_to = 4').run();

    runMigrations(db);
    expect(db.prepare('SELECT closed_on, retention_months, purged_at FROM campaigns').get()).toEqual({ closed_on: null, retention_months: 24, purged_at: null });
    expect(() => db.prepare('UPDATE campaigns SET retention_months = 0').run()).toThrow(/CHECK/);
    const watermark = () => db.prepare('SELECT indexed_up_to FROM search_state').pluck().get();
    // Deleting an application below the largest: every other stays indexed (it went back to 1 before).
    db.prepare('DELETE FROM applications WHERE id = 2').run();
    expect(watermark()).toBe(4);
    // Deleting the largest ones: a new application takes an id above the largest left, and is indexed.
    db.prepare('DELETE FROM applications WHERE id IN (3, 4)').run();
    expect(watermark()).toBe(1);
    add.run(null, 'NIP-new');
    expect(db.prepare("SELECT id FROM applications WHERE application_id = 'NIP-new'").pluck().get()).toBe(2);

    db.prepare("INSERT INTO report_facts_kept (campaign_id, fact_json) VALUES (1, '{}')").run();
    db.prepare('DELETE FROM campaigns WHERE id = 1').run();
    expect(db.prepare('SELECT count(*) FROM report_facts_kept').pluck().get()).toBe(0);
    db.close();
  });
});

describe('0014 working together (from version 13 with rows)', () => {
  it('gives every triage state a version, keys rubric scores by officer, and makes each scorer\'s scores their own overall score', () => {
    const db = openSqlite(join(tempDir(), 'v13.sqlite'));
    runMigrations(db, { upTo: 13 });
    db.prepare("INSERT INTO campaigns (id, name, settings_json, created_at, updated_at) VALUES (1, 'Season', '{}', 'x', 'x')").run();
    const add = db.prepare("INSERT INTO applications (id, campaign_id, application_id, source, created_at, updated_at) VALUES (?, 1, ?, 'import', 'x', 'x')");
    for (const id of [1, 2, 3]) add.run(id, `NIP-${id}`);
    db.prepare("INSERT INTO rubric_criteria (id, campaign_id, division_code, position, label) VALUES (1, 1, 'OPS', 0, 'Motivation'), (2, 1, 'OPS', 1, 'Skills')").run();
    const state = db.prepare("INSERT INTO triage_states (application_ref, campaign_id, stage, score, updated_at, updated_by) VALUES (?, 1, 'longList', ?, ?, ?)");
    state.run(1, 3.5, '2026-03-02', 'Marie');
    state.run(2, 4, '2026-03-03', 'Jan');
    state.run(3, null, '2026-03-04', 'Jan');
    db.prepare("INSERT INTO rubric_scores (application_ref, criterion_id, score, comment, actor, at) VALUES (1, 1, 3, 'ok', 'Marie', '2026-03-01'), (1, 2, 4, NULL, 'Marie', '2026-03-02')").run();

    runMigrations(db);
    expect(db.prepare('SELECT application_ref AS ref, version, scored_by AS scoredBy, score FROM triage_states ORDER BY 1').all()).toEqual([
      { ref: 1, version: 0, scoredBy: 1, score: 3.5 },
      { ref: 2, version: 0, scoredBy: 1, score: 4 },
      { ref: 3, version: 0, scoredBy: 0, score: null },
    ]);
    expect(db.prepare('SELECT application_ref AS ref, officer, score, at FROM officer_scores ORDER BY 1').all()).toEqual([
      { ref: 1, officer: 'Marie', score: 3.5, at: '2026-03-02' },
      { ref: 2, officer: 'Jan', score: 4, at: '2026-03-03' },
    ]);
    expect(db.prepare("SELECT comment FROM rubric_scores WHERE application_ref = 1 AND criterion_id = 1 AND actor = 'Marie'").pluck().get()).toBe('ok');
    // A second officer's score on the same criterion is theirs, beside the first one's.
    db.prepare("INSERT INTO rubric_scores (application_ref, criterion_id, actor, score, at) VALUES (1, 1, 'Jan', 5, 'x')").run();
    expect(() => db.prepare("INSERT INTO rubric_scores (application_ref, criterion_id, actor, score, at) VALUES (1, 1, 'Jan', 2, 'x')").run()).toThrow(/UNIQUE/);
    expect(() => db.prepare("INSERT INTO rubric_scores (application_ref, criterion_id, actor, score, at) VALUES (2, 1, 'Jan', 9, 'x')").run()).toThrow(/CHECK/);
    expect(db.prepare('SELECT copied_from FROM campaigns').pluck().get()).toBeNull();
    db.prepare('DELETE FROM applications WHERE id = 1').run();
    expect(db.prepare('SELECT count(*) FROM rubric_scores').pluck().get()).toBe(0);
    expect(db.prepare('SELECT count(*) FROM officer_scores').pluck().get()).toBe(1);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    db.close();
  });
});
