import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { PERSONAL_DATA, type TableEntry } from '../../db/personal-data';
import type { SubjectAccessRecord } from '../../shared/api/privacy';
import { subjectAccessTables } from '../../electron/core/privacy/store/sqlite-subject-access';
import { cli } from './support/cli';
import { handWorkedSeason, PEOPLE } from './support/hand-season';
import { sampleTable, writeExport } from './support/sample-rows';
import { onPostgres } from './support/engine';
import { expectCountsAsFromScratch } from './support/notice-counts';
import { openTestApp, useTempDir, type TestApp } from './support/temp';

const tempDir = useTempDir();

/** R1 of the hand-worked season: selected, offer accepted; the person every test here erases. */
const R1 = { applicationId: 'NIP-2026-90000-1', second: 'NIP-2026-90100-1', first: 'PersonR1', last: 'FamilyR1', corrected: 'FamilyR1-Lindqvist', email: 'r1@example.org', birth: '1997-07-15', candidate: 'C-900000' };

/** Imports more rows made from the sample's eligible row; returns nothing, the import is committed. */
async function importRows(app: TestApp, name: string, rows: Record<string, string>[]): Promise<void> {
  const { header, rows: sample } = sampleTable();
  const template = sample.find((r) => r[0] === 'NIP-2026-00005-1') ?? [];
  const lines = rows.map((values) => {
    const row = [...template];
    for (const [column, value] of Object.entries(values)) row[header.indexOf(column)] = value;
    return row;
  });
  const inspection = await app.client.call('import.inspect', { campaignId: 1, path: writeExport(app.dir, name, header, lines) });
  await app.client.call('import.preview', { jobId: inspection.jobId, mapping: inspection.mapping });
  await app.client.call('import.commit', { jobId: inspection.jobId });
}

/**
 * The hand-worked season, with R1 leaving a trace in every corner: a second application (same
 * Candidate ID), a note and a scored comment naming them, a corrected surname (the old one in the
 * revisions), a shortlist note and order, a duplicate decision on a pair, a saved search for their
 * surname, a notice language, notices prepared and sent, a rejected import row with their e-mail.
 */
async function seasonWithR1Everywhere(): Promise<{ app: TestApp; refs: Record<string, number> }> {
  const { app, refs } = await handWorkedSeason(tempDir());
  const { client } = app;
  const r1 = refs['R1'] ?? 0;
  await importRows(app, 'late.csv', [
    { 'Application ID': R1.second, 'Candidate ID': R1.candidate, 'First Name': R1.first, 'Last Name': R1.last, Email: R1.email, 'Date of Birth': R1.birth, Division: 'PASP', 'Second Nationality': '' },
    // Rejected (no Application ID): the row, with R1's e-mail, is kept among the import's rejected rows.
    { 'Application ID': '', 'First Name': R1.first, 'Last Name': R1.last, Email: R1.email, 'Second Nationality': '' },
  ]);
  await client.call('screening.run', { campaignId: 1 });
  await client.call('triage.note', { ref: r1, text: `Called ${R1.first} ${R1.last} about the start date` });
  const [writing] = await client.call('triage.setRubric', { campaignId: 1, division: 'DPP', criteria: [{ label: 'Writing' }] });
  await client.call('triage.score', { refs: [r1], criterionId: writing?.id ?? 0, score: 5, comment: `${R1.first} writes very well` });
  await client.call('application.correct', { ref: r1, field: 'lastName', value: R1.corrected, reason: 'Surname completed from the passport copy' });
  await client.call('notices.setLanguage', { campaignId: 1, applicationId: R1.applicationId, language: 'fr' });
  // On the DPP shortlist with R2 and R3: a note about R1, the three put in order (a list of numbers).
  const [dpp] = await client.call('shortlists.list', { campaignId: 1 });
  await client.call('shortlists.setNote', { id: dpp?.id ?? 0, ref: r1, note: `${R1.first} speaks Swedish` });
  await client.call('shortlists.arrange', { id: dpp?.id ?? 0, refs: [r1, refs['R3'] ?? 0, refs['R2'] ?? 0] });
  // A pair an officer dismissed as not one person; a saved search for R1's surname.
  await client.call('screening.decideDuplicate', { a: r1, b: refs['R5'] ?? 0, decision: 'dismissed' });
  await client.call('triage.saveView', { campaignId: 1, name: 'To call back', queue: 'DPP', filter: { search: R1.last.toLowerCase() }, sort: [], columns: ['applicationId', 'name'] });
  const batch = await client.call('notices.prepare', { campaignId: 1, outcome: 'ineligible', format: 'csv', office: null, target: { kind: 'download' } });
  await client.call('notices.markSent', { batchId: batch.batchId, except: [] });
  await app.core.settled();
  return { app, refs };
}

/** The files where the database's bytes are: the file, its -wal, every backup. */
function filesOnDisk(app: TestApp): string[] {
  const backups = existsSync(app.backupDirectory) ? readdirSync(app.backupDirectory).map((f) => join(app.backupDirectory, f)) : [];
  return [app.databasePath, `${app.databasePath}-wal`, ...backups].filter((f) => existsSync(f));
}

/** Which of `words` any of the files holds, compared without case, as raw bytes (UTF-8). */
function foundOnDisk(files: string[], words: string[]): string[] {
  const found = new Set<string>();
  for (const file of files) {
    const text = readFileSync(file).toString('latin1').toLowerCase();
    for (const word of words) if (text.includes(Buffer.from(word.toLowerCase(), 'utf8').toString('latin1'))) found.add(`${word} in ${file.split('/').pop()}`);
  }
  return [...found];
}

const R1_WORDS = [R1.first, R1.last, R1.corrected, R1.email, R1.birth, R1.applicationId, R1.second, R1.candidate];

async function reportCounts(app: TestApp) {
  const report = await app.client.call('reports.get', { campaignId: 1 });
  return { funnel: report.funnel, reach: report.reach.members, diversity: report.diversity };
}

describe('erasing one person', () => {
  it.skipIf(onPostgres)('leaves no byte of their names, e-mail, date of birth or IDs in the database, its -wal or any backup, and the report counts as before (SQLite only: a file and its backups, read as bytes)', async () => {
    const { app, refs } = await seasonWithR1Everywhere();
    const backup = await app.client.call('database.backupNow', {});
    // A backup made by an older Cohort cannot be rewritten by this one's SQL: it is removed.
    const older = join(app.backupDirectory, backup.file.replace(/-manual\.sqlite$/, '-migration.sqlite').replace(/-(\d{3})-migration/, '-999-migration'));
    writeFileSync(older, readFileSync(backup.path));
    const olderDb = new BetterSqlite3(older);
    olderDb.pragma('user_version = 12');
    olderDb.close();
    // The test can fail: before the erasure, all of it is on disk.
    expect(foundOnDisk([backup.path], R1_WORDS)).toHaveLength(R1_WORDS.length);
    const before = await reportCounts(app);

    const result = await app.client.call('privacy.erasePerson', { campaignId: 1, applicationId: R1.applicationId, reason: 'Request by e-mail of 3 March, ref. DPO-2027-014' });
    expect(result.erased.map((e) => e.applicationId).sort()).toEqual([R1.applicationId, R1.second]);
    expect(result.wal).toBe('cleared');
    expect(result.backups.rewritten).toContain(backup.file);
    expect(result.backups.removed).toEqual([{ file: older.split('/').pop(), why: 'olderSchema' }]);
    expect(existsSync(older)).toBe(false);

    await app.core.settled();
    expect(foundOnDisk(filesOnDisk(app), R1_WORDS)).toEqual([]);
    // The others are still there, and so are their backups' copies.
    expect(foundOnDisk([app.databasePath], ['PersonR2', 'FamilyR8'])).toHaveLength(2);
    expect(foundOnDisk([backup.path], ['PersonR2'])).toHaveLength(1);
    expect(await reportCounts(app)).toEqual(before);

    // Entries naming R1 among others keep the others: the shortlist's order, the saved view (without its search).
    const arranged = await app.client.call('audit.list', { action: 'shortlist.arrange' });
    expect(arranged.rows[0]?.details).toEqual({ order: [refs['R3'], refs['R2']] });
    const views = await app.rows<{ view: string }>('SELECT view_json AS view FROM saved_views');
    expect(views.map((v) => JSON.parse(v.view) as { filter: object })).toEqual([expect.objectContaining({ filter: {} })]);

    // The audit log records the erasure with its reason, and nothing of the person anywhere.
    const audit = await app.client.call('audit.list', { campaignId: 1, action: 'privacy' });
    expect(audit.rows[0]).toMatchObject({ action: 'privacy.erase', subject: null, details: { reason: 'Request by e-mail of 3 March, ref. DPO-2027-014', applications: 2, backups: { rewritten: 1, removed: [older.split('/').pop()] } } });
    const everything = JSON.stringify((await app.client.call('audit.list', { limit: 500 })).rows);
    for (const word of [...R1_WORDS, R1.applicationId, R1.second, R1.candidate]) expect(everything.toLowerCase()).not.toContain(word.toLowerCase());
    await app.core.close();
  });

  it('refuses a reason that names the person, and an Application ID the campaign does not have, changing nothing', async () => {
    const { app } = await handWorkedSeason(tempDir());
    await expect(app.client.call('privacy.erasePerson', { campaignId: 1, applicationId: R1.applicationId, reason: 'Asked by personr1 on the phone' })).rejects.toMatchObject({ data: { code: 'Validation' } });
    await expect(app.client.call('privacy.erasePerson', { campaignId: 1, applicationId: R1.applicationId, reason: `Mail from ${R1.email}` })).rejects.toMatchObject({ data: { code: 'Validation' } });
    await expect(app.client.call('privacy.erasePerson', { campaignId: 1, applicationId: 'NIP-2026-99999-9', reason: 'Request of 3 March' })).rejects.toMatchObject({ data: { code: 'NotFound' } });
    expect((await app.client.call('privacy.findPerson', { campaignId: 1, applicationId: R1.applicationId })).applications).toHaveLength(1);
    await app.core.close();
  });
});

describe('an erasure while another program reads the database', () => {
  it.skipIf(onPostgres)('says the -wal is emptied when that program closes, and it is (SQLite only: a file’s -wal)', async () => {
    const { app } = await handWorkedSeason(tempDir());
    // Another program (the app, while the command line erases) in the middle of a read.
    const reader = new BetterSqlite3(app.databasePath, { readonly: true });
    reader.exec('BEGIN');
    reader.prepare('SELECT count(*) FROM applications').get();
    const result = await app.client.call('privacy.erasePerson', { campaignId: 1, applicationId: R1.applicationId, reason: 'Request of 3 March' });
    expect(result.wal).toBe('busy');
    reader.exec('COMMIT');
    reader.close();
    await app.core.close();
    expect(foundOnDisk(filesOnDisk(app), [R1.first, R1.last, R1.email])).toEqual([]);
  });
});

describe('an erasure a crash interrupted', () => {
  it.skipIf(onPostgres)('is finished when the database is next opened: its backups rewritten, free pages and -wal cleared (SQLite only: the server has no backups of Cohort’s)', async () => {
    const { app } = await seasonWithR1Everywhere();
    const backup = await app.client.call('database.backupNow', {});
    const { privacy } = app.core.session.open.stores;
    const identity = await privacy.identityOf(1, R1.applicationId);
    // The erasure's transaction commits (the work owed after it recorded with it); the process dies before that work.
    await privacy.erasePerson(identity!, { campaignId: 1, actor: 'tester', action: 'privacy.erase', details: { reason: 'Request of 3 March' } }, new Date().toISOString());
    // Until that work is done, no backup is taken (it would copy the free pages holding R1) and none restored.
    await expect(app.client.call('database.backupNow', {})).rejects.toMatchObject({ data: { kind: 'BackupsBeingRewritten' } });
    await expect(app.client.call('database.restore', { file: backup.file })).rejects.toMatchObject({ data: { kind: 'BackupsBeingRewritten' } });
    await app.core.close();
    expect(foundOnDisk([backup.path, app.databasePath], R1_WORDS)).not.toEqual([]);

    const again = await openTestApp(app.dir);
    await again.core.settled();
    expect(foundOnDisk(filesOnDisk(again), R1_WORDS)).toEqual([]);
    expect(await again.core.session.open.stores.privacy.owedWork()).toEqual([]);
    // The manual backup; none was taken on opening again while the work was owed.
    expect((await again.client.call('audit.list', { action: 'privacy.erase' })).rows[0]?.details).toMatchObject({ reason: 'Request of 3 March', backups: { rewritten: 1, removed: [] } });
    expect((await again.client.call('database.listBackups', {})).map((b) => b.reason)).toEqual(['manual']);
    await again.core.close();
  });
});

describe('purging a campaign', () => {
  it.skipIf(onPostgres)('is refused before its retention has passed; then removes every applicant’s data from the file, the -wal and the backups, and the report still shows its figures (SQLite only: a file and its backups, read as bytes)', async () => {
    const { app } = await handWorkedSeason(tempDir());
    const { client } = app;
    const open = await client.call('privacy.retention', { campaignId: 1 });
    expect(open).toMatchObject({ closedOn: null, retentionMonths: 24, purgeDueOn: null, due: false, purgedAt: null, applications: 8 });
    await expect(client.call('privacy.purgeCampaign', { campaignId: 1 })).rejects.toMatchObject({ data: { code: 'Conflict', kind: 'PurgeNotDue' } });
    const closed = await client.call('privacy.setRetention', { campaignId: 1, closedOn: '2024-08-31', retentionMonths: 6 });
    expect(closed).toMatchObject({ purgeDueOn: '2025-02-28', due: true });

    // R1's record was handed over before: its audit entry names them, and goes with the rest.
    await client.call('privacy.exportPerson', { campaignId: 1, applicationId: R1.applicationId, target: { kind: 'download' } });
    const backup = await client.call('database.backupNow', {});
    const everyone = PEOPLE.flatMap((p, i) => [`Person${p.id}`, `Family${p.id}`, `${p.id.toLowerCase()}@example.org`, `NIP-2026-9000${i}-1`, `C-90000${i}`]);
    expect(foundOnDisk([backup.path], everyone)).toHaveLength(everyone.length);
    const before = await reportCounts(app);
    const phases = new Set<string>();
    const stop = app.core.subscribe((event) => {
      if (event.type === 'progress' && event.job === 'purge') phases.add(event.phase ?? '');
    });

    const result = await client.call('privacy.purgeCampaign', { campaignId: 1 });
    stop();
    expect(result).toMatchObject({ campaignId: 1, applications: 8, wal: 'cleared', backups: { rewritten: [backup.file], removed: [] } });
    expect([...phases]).toEqual(expect.arrayContaining(['removing', 'compacting', 'backups']));
    await app.core.settled();
    expect(foundOnDisk(filesOnDisk(app), everyone)).toEqual([]);
    expect(await reportCounts(app)).toEqual(before);
    expect(await client.call('privacy.retention', { campaignId: 1 })).toMatchObject({ applications: 0, purgedAt: expect.any(String) });
    expect((await client.call('audit.list', { campaignId: 1, action: 'privacy.purge' })).rows[0]?.details).toMatchObject({ applications: 8 });
    await app.core.close();
  });
});

describe('the subject-access export', () => {
  it('holds every table the register lists for a person, each with every row that concerns them (counted independently), in their language', async () => {
    const { app } = await seasonWithR1Everywhere();
    const access = await app.client.call('privacy.personData', { campaignId: 1, applicationId: R1.applicationId });
    expect(access.language).toBe('fr');
    // In their language: R1 is written to in French.
    expect(access.tables.find((t) => t.table === 'applications')).toMatchObject({ title: 'Vos candidatures, telles qu\'importées', columns: expect.arrayContaining([{ name: 'first_name', label: 'Prénom', what: expect.any(String) }]) });
    expect(access.person.applications.map((a) => a.applicationId).sort()).toEqual([R1.applicationId, R1.second]);

    // Walk the register: every table holding applicants' data is in the record, in the register's words.
    const tables = new Map(access.tables.map((t) => [t.table, t]));
    expect([...tables.keys()]).toEqual(subjectAccessTables());
    const refs = (await app.rows<{ id: number }>('SELECT id FROM applications WHERE candidate_id = ? ORDER BY id', [R1.candidate])).map((r) => r.id);
    expect(refs).toHaveLength(2);
    for (const name of subjectAccessTables()) {
      const entry: TableEntry = PERSONAL_DATA[name];
      const table = tables.get(name);
      expect(table?.what).toBe(entry.what);
      if (entry.applicationLinks.length === 0) continue;
      // The server's search index keeps one document per application under its key, not FTS5's rowid.
      const links = app.engine === 'postgres' && name === 'application_search' ? ['application_ref'] : entry.applicationLinks;
      const where = links.map((l) => `${l} IN (${refs.join(', ')})`).join(' OR ');
      const independent = (await app.rows<{ n: number }>(`SELECT count(*) AS n FROM ${name} WHERE ${where}`))[0]?.n;
      expect({ table: name, rows: table?.rows.length }).toEqual({ table: name, rows: independent });
    }
    // R1 left rows in these: each is there, with what it says of them.
    const rows = (name: string) => tables.get(name)?.rows ?? [];
    for (const name of ['applications', 'application_revisions', 'screening_results', 'application_corrections', 'triage_states', 'triage_changes', 'application_notes', 'rubric_scores', 'candidate_codes', 'shortlist_entries', 'shortlist_export_entries', 'selection_details', 'application_search', 'audit_log', 'import_rejections', 'notice_languages', 'notice_standing', 'triage_actions']) {
      expect({ table: name, has: rows(name).length > 0 }).toEqual({ table: name, has: true });
    }
    expect(rows('application_notes')[0]?.text).toContain(R1.first);
    expect(rows('application_revisions').map((r) => r.old_value)).toContain(R1.last);
    expect(rows('import_rejections')[0]?.values_json).toContain(R1.email);
    expect(rows('notice_languages')[0]?.language).toBe('fr');
    // An entry naming others besides R1 shows only R1 in its lists; the pair R1 was in shows whole.
    const audit = rows('audit_log');
    expect(audit.filter((r) => r.action === 'shortlist.arrange').map((r) => JSON.parse(String(r.details_json)) as unknown)).toEqual([{ order: [refs[0]] }]);
    expect(audit.some((r) => r.action === 'screening.duplicate')).toBe(true);
    expect(rows('saved_views')).toHaveLength(1);
    await app.core.close();

    // The command line writes the same record as a JSON file.
    const out = join(app.dir, 'r1.json');
    const printed = await cli(['person', 'export', '--application', R1.applicationId, '--out', out, '--json', '--db', app.databasePath], app.dir);
    expect(printed.code).toBe(0);
    const file = JSON.parse(readFileSync(out, 'utf8')) as SubjectAccessRecord;
    expect(file.tables.map((t) => [t.table, t.rows.length])).toEqual(access.tables.map((t) => [t.table, t.rows.length]));
  });
});

describe('the command line', () => {
  it.skipIf(onPostgres)('erases a person with --json and says which backups it rewrote; purges a campaign with --before-due (SQLite only: the command’s on-open backup of the file)', async () => {
    const { app } = await handWorkedSeason(tempDir());
    await app.core.close();
    const erased = await cli(['person', 'erase', '--application', R1.applicationId, '--reason', 'Request of 3 March', '--json', '--db', app.databasePath], app.dir);
    expect(erased.code).toBe(0);
    const result = JSON.parse(erased.out) as { erased: { applicationId: string }[]; backups: { rewritten: string[] }; wal: string };
    expect(result.erased.map((e) => e.applicationId)).toEqual([R1.applicationId]);
    // The command's own on-open backup was taken before the erasure: it is rewritten.
    expect(result.backups.rewritten).toHaveLength(1);
    expect(result.wal).toBe('cleared');

    const refused = await cli(['campaign', 'purge', '--db', app.databasePath], app.dir);
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(/still open/);
    const purged = await cli(['campaign', 'purge', '--before-due', '--db', app.databasePath], app.dir);
    expect(purged.code).toBe(0);
    expect(purged.out).toMatch(/Removed the personal data of 7 applications/);
    const report = await cli(['report', '--json', '--db', app.databasePath], app.dir);
    expect((JSON.parse(report.out) as { funnel: Record<string, number> }).funnel).toEqual({ applications: 8, eligible: 6, proposed: 4, shortlisted: 3, interviewed: 2, selected: 1, accepted: 1 });
  });
});

describe('the audit log', () => {
  it('is read newest first, filtered by officer, action (or its family), Application ID and days', async () => {
    const { app } = await handWorkedSeason(tempDir());
    const { client } = app;
    const all = await client.call('audit.list', {});
    expect(all.total).toBeGreaterThan(5);
    expect(all.rows.map((r) => r.at)).toEqual([...all.rows.map((r) => r.at)].sort().reverse());
    expect(all.officers).toEqual(['tester']);
    expect((await client.call('audit.list', { officer: 'nobody' })).total).toBe(0);
    const moves = await client.call('audit.list', { action: 'selection' });
    expect(moves.rows.length).toBeGreaterThan(0);
    expect(moves.rows.every((r) => r.action.startsWith('selection.'))).toBe(true);
    const r1 = await client.call('audit.list', { application: R1.applicationId });
    expect(r1.rows.length).toBeGreaterThan(0);
    expect(r1.rows.every((r) => r.subject === R1.applicationId)).toBe(true);
    const today = new Date().toISOString().slice(0, 10);
    expect((await client.call('audit.list', { from: today, to: today })).total).toBe(all.total);
    expect((await client.call('audit.list', { to: '2020-01-01' })).total).toBe(0);
    expect((await client.call('audit.list', { limit: 2, offset: 1 })).rows.map((r) => r.id)).toEqual(all.rows.slice(1, 3).map((r) => r.id));
    await expect(client.call('audit.list', { from: '3 March' })).rejects.toMatchObject({ data: { code: 'Validation' } });
    await expect(client.call('audit.list', { to: '2026-13-01' })).rejects.toMatchObject({ data: { code: 'Validation' } });
    await expect(client.call('privacy.setRetention', { campaignId: 1, closedOn: '2026-02-31' })).rejects.toMatchObject({ data: { code: 'Validation' } });
    await app.core.close();
  });

  it('records every export of personal data with its file and how many people, and each subject-access export', async () => {
    const { app } = await seasonWithR1Everywhere();
    const { client } = app;
    const [late] = (await client.call('import.list', { campaignId: 1 })).filter((i) => i.counts.rejected > 0);
    await client.call('import.rejectionsCsv', { importId: late?.id ?? 0, target: { kind: 'download' } });
    await client.call('privacy.exportPerson', { campaignId: 1, applicationId: R1.applicationId, target: { kind: 'download' } });
    await client.call('privacy.personData', { campaignId: 1, applicationId: R1.applicationId, forExport: true });
    const details = async (action: string) => (await client.call('audit.list', { campaignId: 1, action })).rows.map((r) => r.details);
    expect(await details('import.rejectionsExport')).toEqual([{ file: 'late - rejected rows.csv', rows: 1 }]);
    expect(await details('shortlist.export')).toEqual([expect.objectContaining({ file: expect.stringMatching(/\.xlsx$/), candidates: 3 })]);
    expect(await details('notices.prepare')).toEqual([expect.objectContaining({ notices: expect.any(Number) })]);
    expect(await details('privacy.subjectAccess')).toEqual([
      expect.objectContaining({ format: 'pdf', people: 1 }),
      expect.objectContaining({ format: 'json', file: `données personnelles ${R1.applicationId}.json`, people: 1 }),
    ]);
    await app.core.close();
  });
});

/** Every row of every table (on a file, the FTS5 index's internals aside: searchIndexed says whether the person is in it), as text: what a search for a person's identifiers reads. */
async function everyRow(app: TestApp): Promise<string> {
  const tables =
    app.engine === 'postgres'
      ? await app.rows<{ name: string }>("SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'")
      : await app.rows<{ name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'application_search%'");
  const parts: string[] = [];
  for (const { name } of tables) parts.push(JSON.stringify(await app.rows(`SELECT * FROM ${name}`)));
  return parts.join('\n').toLowerCase();
}

describe('personal data on either engine (a file, or the office server)', () => {
  it('a person’s record holds what is kept about them; erasing them leaves no row naming them, settles its work, and the report counts as before', async () => {
    const app = await openTestApp(tempDir());
    const { client } = app;
    await client.call('demo.load', { count: 200, seed: 7 });
    await client.call('screening.run', { campaignId: 1 });
    // Someone all of whose applications are ineligible: owed a notice, which goes out.
    const [person] = await app.rows<{ ref: number; applicationId: string; candidateId: string; email: string; lastName: string }>(
      `SELECT a.id AS ref, a.application_id AS "applicationId", a.candidate_id AS "candidateId", lower(a.email) AS email, a.last_name AS "lastName"
       FROM applications a JOIN screening_results r ON r.application_ref = a.id
       WHERE r.verdict = 'ineligible' AND a.email <> '' AND a.candidate_id <> ''
         AND NOT EXISTS (SELECT 1 FROM screening_results s WHERE s.person_key = r.person_key AND s.verdict <> 'ineligible')
       ORDER BY a.id LIMIT 1`,
    );
    if (!person) throw new Error('The demo campaign has people owed an ineligibility notice');
    await client.call('notices.setLanguage', { campaignId: 1, applicationId: person.applicationId, language: 'fr' });
    const batch = await client.call('notices.prepare', { campaignId: 1, outcome: 'ineligible', format: 'csv', target: { kind: 'download' } });
    await client.call('notices.markSent', { batchId: batch.batchId, except: [] });
    await client.call('triage.saveView', { campaignId: 1, name: 'To call back', queue: 'DPP', filter: { search: person.lastName.toLowerCase() }, sort: [], columns: ['applicationId', 'name'] });

    const access = await client.call('privacy.personData', { campaignId: 1, applicationId: person.applicationId });
    expect(access.language).toBe('fr');
    expect([...access.tables.map((t) => t.table)]).toEqual(subjectAccessTables());
    const rows = (table: string) => access.tables.find((t) => t.table === table)?.rows ?? [];
    expect(rows('applications').map((r) => r.application_id)).toContain(person.applicationId);
    for (const table of ['screening_results', 'notices', 'notice_languages', 'notice_standing', 'saved_views', 'application_search']) {
      expect({ table, has: rows(table).length > 0 }).toEqual({ table, has: true });
    }
    await client.call('privacy.exportPerson', { campaignId: 1, applicationId: person.applicationId, target: { kind: 'download' } });
    const before = await reportCounts(app);
    const words = [person.applicationId, person.candidateId, person.email].map((w) => w.toLowerCase());
    // The test can fail: before the erasure, the rows name them.
    const everything = await everyRow(app);
    for (const word of words) expect(everything).toContain(word);
    const indexed = app.engine === 'postgres' ? 'SELECT application_ref FROM application_search WHERE application_ref = ?' : 'SELECT rowid FROM application_search WHERE rowid = ?';
    expect(await app.rows(indexed, [person.ref])).toHaveLength(1);

    const result = await client.call('privacy.erasePerson', { campaignId: 1, applicationId: person.applicationId, reason: 'Request by e-mail of 3 March' });
    expect(result.erased.map((e) => e.applicationId)).toContain(person.applicationId);
    expect(result.wal).toBe('cleared');
    await app.core.settled();
    const after = await everyRow(app);
    for (const word of words) expect({ word, found: after.includes(word) }).toEqual({ word, found: false });
    // Nor does the search index hold them (its words are split and folded, so it is asked by row).
    expect(await app.rows(indexed, [person.ref])).toEqual([]);
    // The saved view stays, without its search.
    expect((await app.rows<{ view: string }>('SELECT view_json AS view FROM saved_views')).map((v) => (JSON.parse(v.view) as { filter: object }).filter)).toEqual([{}]);
    expect(await app.core.session.open.stores.privacy.owedWork()).toEqual([]);
    expect((await client.call('audit.list', { action: 'privacy.erase' })).rows[0]).toMatchObject({ subject: null, details: { reason: 'Request by e-mail of 3 March', backups: { rewritten: 0, removed: [] } } });
    expect(await reportCounts(app)).toEqual(before);
    // The notices' counts go on without them, as from scratch.
    await expectCountsAsFromScratch(app);
  });

  it('a campaign purged once its retention has passed keeps its figures and no applicant', async () => {
    const app = await openTestApp(tempDir());
    const { client } = app;
    await client.call('demo.load', { count: 150, seed: 9 });
    await client.call('screening.run', { campaignId: 1 });
    await expect(client.call('privacy.purgeCampaign', { campaignId: 1 })).rejects.toMatchObject({ data: { code: 'Conflict', kind: 'PurgeNotDue' } });
    expect(await client.call('privacy.setRetention', { campaignId: 1, closedOn: '2024-08-31', retentionMonths: 6 })).toMatchObject({ purgeDueOn: '2025-02-28', due: true });
    const before = await reportCounts(app);
    const result = await client.call('privacy.purgeCampaign', { campaignId: 1 });
    expect(result).toMatchObject({ campaignId: 1, applications: 150, wal: 'cleared', backups: { removed: [] } });
    expect(await client.call('privacy.retention', { campaignId: 1 })).toMatchObject({ applications: 0, purgedAt: expect.any(String) });
    expect(await reportCounts(app)).toEqual(before);
    for (const table of ['applications', 'screening_results', 'notices', 'notice_languages', 'notice_standing', 'notice_standing_stale', 'privacy_owed']) {
      expect({ table, rows: (await app.rows<{ n: number }>(`SELECT count(*) AS n FROM ${table}`))[0]?.n }).toEqual({ table, rows: 0 });
    }
    expect((await client.call('audit.list', { campaignId: 1, action: 'privacy.purge' })).rows[0]?.details).toMatchObject({ applications: 150 });
  });
});
