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
import { useTempDir } from './support/temp';

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
