// Engines: its own — it moves campaigns between a file and the server, opening each itself.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { openSqlite, type SqliteDatabase } from '../../db/connection';
import { copyCampaignToFile, copyCampaignToServer } from '../../db/copy/copy-campaign';
import { readCopiedFrom } from '../../db/copy/copied-from';
import { copyPlan, type CopyPlan, type TablePlan } from '../../db/copy/copy-plan';
import { addOfficer, initServer } from '../../db/postgres/server-admin';
import { ApiCallError } from '../../shared/api/errors';
import { createClient } from '../../shared/api/client';
import { inProcessTransport, openCore } from '../../electron/core/runtime';
import { cli } from './support/cli';
import { handWorkedSeason } from './support/hand-season';
import { usePostgresDatabase } from './support/postgres';
import { openTestApp, useTempDir, type TestApp } from './support/temp';

/**
 * `cohort campaign copy` (issue 14): a campaign from a file to the office server (which holds
 * another one already) and back to a new, read-only file, on real SQLite files and the run's real
 * PostgreSQL.
 */

const tempDir = useTempDir();
const database = usePostgresDatabase();

async function connect(url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  return client;
}

/** The hand-worked season with a trace in every corner: a note, a rubric score, a correction, a duplicate decision, a saved view, notices sent. */
async function workedSeason(dir: string): Promise<{ app: TestApp; refs: Record<string, number> }> {
  const { app, refs } = await handWorkedSeason(dir);
  const { client } = app;
  const r1 = refs['R1'] ?? 0;
  await client.call('triage.note', { ref: refs['R2'] ?? 0, text: 'Called about the start date' });
  const [writing] = await client.call('triage.setRubric', { campaignId: 1, division: 'DPP', criteria: [{ label: 'Writing' }, { label: 'Languages' }] });
  await client.call('triage.score', { refs: [refs['R2'] ?? 0], criterionId: writing?.id ?? 0, score: 4, comment: 'writes well' });
  await client.call('application.correct', { ref: r1, field: 'lastName', value: 'FamilyR1-Lindqvist', reason: 'From the passport copy' });
  await client.call('notices.setLanguage', { campaignId: 1, applicationId: 'NIP-2026-90000-1', language: 'fr' });
  const [dpp] = await client.call('shortlists.list', { campaignId: 1 });
  await client.call('shortlists.setNote', { id: dpp?.id ?? 0, ref: r1, note: 'Speaks Swedish' });
  await client.call('screening.decideDuplicate', { a: r1, b: refs['R5'] ?? 0, decision: 'dismissed' });
  await client.call('triage.saveView', { campaignId: 1, name: 'To call back', queue: 'DPP', filter: { search: 'family' }, sort: [], columns: ['applicationId', 'name'] });
  await client.call('selection.setPlaces', { campaignId: 1, division: 'DPP', session: 'september', places: 2 });
  const batch = await client.call('notices.prepare', { campaignId: 1, outcome: 'ineligible', format: 'csv', office: null, target: { kind: 'download' } });
  await client.call('notices.markSent', { batchId: batch.batchId, except: [] });
  await client.call('campaign.update', { campaignId: 1, name: 'Season 2026' });
  await app.core.settled();
  return { app, refs };
}

/** A server with Cohort's schema, holding a demo campaign already (copied there from a file of its own). */
async function serverWithADemoCampaign(): Promise<{ url: string }> {
  const { url } = await database();
  const it = await connect(url);
  await initServer(it);
  await it.end();
  const demo = await openTestApp(tempDir());
  await demo.client.call('demo.load', { count: 300, seed: 4, midSeason: true });
  await demo.core.close();
  await copyCampaignToServer(demo.databasePath, url, { name: 'Demo 2026' });
  return { url };
}

const quote = (name: string) => `"${name}"`;

/** Every row of a campaign's table, as the plan reads it, on SQLite. */
function sqliteRows(sqlite: SqliteDatabase, table: TablePlan, campaignId: number): Record<string, unknown>[] {
  return sqlite.prepare(`SELECT ${table.columns.map(quote).join(', ')} FROM ${quote(table.name)} WHERE ${table.where(campaignId)}`).all() as Record<string, unknown>[];
}

async function serverCounts(client: pg.Client, plan: CopyPlan, campaignId: number): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const table of plan.tables) out[table.name] = (await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table.name} WHERE ${table.where(campaignId)}`)).rows[0]?.n ?? -1;
  return out;
}

function fileCounts(sqlite: SqliteDatabase, plan: CopyPlan, campaignId: number): Record<string, number> {
  return Object.fromEntries(plan.tables.map((t) => [t.name, sqliteRows(sqlite, t, campaignId).length]));
}

/**
 * Maps of ids from one database to another, worked out independently of the copy: a copy keeps
 * the order of ids, so the k-th id of a table's campaign rows on one side is the k-th on the other.
 */
async function idMapsByOrder(plan: CopyPlan, ids: (table: TablePlan) => Promise<number[]> | number[], otherIds: (table: TablePlan) => Promise<number[]> | number[]): Promise<Map<string, Map<number, number>>> {
  const maps = new Map<string, Map<number, number>>();
  for (const table of plan.tables.filter((t) => t.ownId)) {
    const a = await ids(table);
    const b = await otherIds(table);
    expect({ table: table.name, count: b.length }).toEqual({ table: table.name, count: a.length });
    maps.set(table.name, new Map(a.map((id, i) => [id, b[i] ?? -1])));
  }
  return maps;
}

/** A table's rows with their ids and foreign keys put through the maps, sorted, for a comparison column by column (JSON columns left out: see below). */
function comparable(table: TablePlan, rows: Record<string, unknown>[], maps: Map<string, Map<number, number>> | null, leaveOut: readonly string[]): string[] {
  const mapped = rows.map((row) => {
    const out: Record<string, unknown> = { ...row };
    if (maps) {
      if (table.ownId) out.id = maps.get(table.name)?.get(Number(row.id)) ?? `unmapped ${String(row.id)}`;
      for (const fk of table.foreignKeys) if (row[fk.column] !== null) out[fk.column] = maps.get(fk.parent)?.get(Number(row[fk.column])) ?? `unmapped ${String(row[fk.column])}`;
    }
    for (const column of leaveOut) delete out[column];
    return JSON.stringify(out, Object.keys(out).sort());
  });
  return mapped.sort();
}

/** The rows of `wanted` that `rows` lacks. */
function missingFrom(rows: readonly string[], wanted: readonly string[]): string[] {
  const present = new Set(rows);
  return wanted.filter((row) => !present.has(row));
}

const JSON_WITH_IDS: Record<string, string[]> = {
  triage_changes: ['before_json', 'after_json'],
  triage_actions: ['details_json'],
  audit_log: ['details_json', 'subject'],
  notice_standing: ['superseded_json'],
  notices: ['basis'],
  campaigns: ['copied_from', 'name'],
};

describe('copying a campaign to the office server and back', () => {
  it('carries every row of it, ids remapped beside another campaign, and back to a read-only file that the app opens', async () => {
    const { url } = await serverWithADemoCampaign();
    const { app, refs } = await workedSeason(tempDir());
    await app.core.close();
    const source = openSqlite(app.databasePath, { readonly: true, fileMustExist: true });
    const plan = copyPlan(source);
    const server = await connect(url);
    try {
      const before = await server.query<{ id: number; name: string }>('SELECT id, name FROM campaigns ORDER BY id');
      expect(before.rows.map((r) => r.name)).toEqual(['Demo 2026']);
      const demoCounts = await serverCounts(server, plan, before.rows[0]?.id ?? 0);

      const steps: string[] = [];
      const up = await copyCampaignToServer(app.databasePath, url, { progress: (s) => steps.push(s.table) });
      expect(up.to.name).toBe('Season 2026');
      expect(steps).toEqual(plan.tables.map((t) => t.name));
      expect(steps.indexOf('campaigns')).toBe(0);
      expect(steps.indexOf('triage_actions')).toBeLessThan(steps.indexOf('triage_changes'));
      const serverId = up.to.campaignId;
      expect(serverId).not.toBe(1);

      // Every table: as many rows of the campaign on the server as in the file; the demo's untouched.
      const sourceCounts = fileCounts(source, plan, 1);
      // Notice standing's marks (who to work out again) are made on the server by its triggers as the
      // copy writes the people's rows: more marks than the file's, all of the file's among them.
      const { notice_standing_stale: fileMarks, ...fileRest } = sourceCounts;
      const { notice_standing_stale: serverMarks, ...serverRest } = await serverCounts(server, plan, serverId);
      expect(serverRest).toEqual(fileRest);
      expect(serverMarks).toBeGreaterThanOrEqual(fileMarks ?? 0);
      expect(sourceCounts['applications']).toBe(8);
      for (const table of ['triage_changes', 'application_notes', 'rubric_scores', 'audit_log', 'shortlist_exports', 'notices', 'notice_applications', 'duplicate_decisions', 'saved_views', 'application_corrections', 'selection_details']) {
        expect({ table, rows: (sourceCounts[table] ?? 0) > 0 }).toEqual({ table, rows: true });
      }
      expect(await serverCounts(server, plan, before.rows[0]?.id ?? 0)).toEqual(demoCounts);
      expect(up.tables.find((t) => t.table === 'applications')?.rows).toBe(8);

      // Values: every table column by column, ids through maps worked out from the order of ids.
      const maps = await idMapsByOrder(
        plan,
        (t) => source.prepare(`SELECT id FROM ${t.name} WHERE ${t.where(1)} ORDER BY id`).pluck().all() as number[],
        async (t) => (await server.query<{ id: number }>(`SELECT id FROM ${t.name} WHERE ${t.where(serverId)} ORDER BY id`)).rows.map((r) => r.id),
      );
      for (const table of plan.tables) {
        const there = (await server.query(`SELECT ${table.columns.join(', ')} FROM ${table.name} WHERE ${table.where(serverId)}`)).rows as Record<string, unknown>[];
        const leaveOut = JSON_WITH_IDS[table.name] ?? [];
        const here = comparable(table, sqliteRows(source, table, 1), maps, leaveOut);
        // The server's triggers mark people for notice standing as the copy writes them (see the counts above): the file's marks are among them.
        if (table.name === 'notice_standing_stale') expect(missingFrom(comparable(table, there, null, leaveOut), here)).toEqual([]);
        else expect({ table: table.name, rows: here }).toEqual({ table: table.name, rows: comparable(table, there, null, leaveOut) });
      }

      // A notice's basis names the applications by the server's ids (else every person told would be owed again).
      const bases = await server.query<{ basis: string }>('SELECT basis FROM notices WHERE campaign_id = $1', [serverId]);
      const fileBases = source.prepare('SELECT basis FROM notices WHERE campaign_id = 1 ORDER BY id').pluck().all() as string[];
      expect(bases.rows.map((r) => r.basis).sort()).toEqual(
        fileBases.map((b) => JSON.stringify((JSON.parse(b) as [number, ...unknown[]][]).map(([ref, ...rest]) => [maps.get('applications')?.get(ref), ...rest]))).sort(),
      );
            // Ids inside JSON: the note action's note, the score's criterion, a shortlist note's ref, an action's id in the audit log.
      const ref = (name: string) => maps.get('applications')?.get(refs[name] ?? 0);
      const note = await server.query<{ id: number; action_id: number }>("SELECT id, action_id FROM application_notes WHERE text = 'Called about the start date'");
      const noteChange = await server.query<{ after_json: string }>('SELECT after_json FROM triage_changes WHERE action_id = $1', [note.rows[0]?.action_id]);
      expect(JSON.parse(noteChange.rows[0]?.after_json ?? '{}')).toMatchObject({ note: { id: note.rows[0]?.id, text: 'Called about the start date' } });
      const writing = await server.query<{ id: number }>("SELECT id FROM rubric_criteria WHERE label = 'Writing' AND campaign_id = $1", [serverId]);
      const scoreChange = await server.query<{ after_json: string; details_json: string }>(
        "SELECT c.after_json, a.details_json FROM triage_changes c JOIN triage_actions a ON a.id = c.action_id WHERE a.kind = 'score' AND a.campaign_id = $1",
        [serverId],
      );
      expect(Object.keys((JSON.parse(scoreChange.rows[0]?.after_json ?? '{}') as { scores: object }).scores)).toEqual([String(writing.rows[0]?.id)]);
      expect(JSON.parse(scoreChange.rows[0]?.details_json ?? '{}')).toMatchObject({ criterionId: writing.rows[0]?.id });
      const shortlistNote = await server.query<{ subject: string; details_json: string }>("SELECT subject, details_json FROM audit_log WHERE action = 'shortlist.note' AND campaign_id = $1", [serverId]);
      const shortlist = await server.query<{ id: number }>('SELECT id FROM shortlists WHERE campaign_id = $1', [serverId]);
      expect(shortlistNote.rows[0]?.subject).toBe(String(shortlist.rows[0]?.id));
      expect(JSON.parse(shortlistNote.rows[0]?.details_json ?? '{}')).toMatchObject({ ref: ref('R1'), note: 'Speaks Swedish' });
      const audited = await server.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM audit_log l WHERE l.campaign_id = $1 AND l.details_json::jsonb ? 'actionId'
         AND NOT EXISTS (SELECT 1 FROM triage_actions a WHERE a.id = (l.details_json::jsonb->>'actionId')::int AND a.campaign_id = $1)`,
        [serverId],
      );
      expect(audited.rows[0]?.n).toBe(0);
      // The server's search index holds the copied applications.
      const found = await server.query<{ n: number }>("SELECT count(*)::int AS n FROM application_search s JOIN applications a ON a.id = s.application_ref WHERE a.campaign_id = $1 AND s.document @@ to_tsquery('simple', 'lindqvist')", [serverId]);
      expect(found.rows[0]?.n).toBe(1);

      // Back to a new file: equal again, marked as a copy, and the app opens it.
      const awayDir = tempDir();
      const away = join(awayDir, 'cohort.sqlite');
      const down = await copyCampaignToFile(url, away, { campaign: 'season 2026', now: () => new Date('2026-05-04T09:00:00Z') });
      expect(down.to.campaignId).toBe(serverId);
      expect(readdirSync(awayDir)).toEqual(['cohort.sqlite']);
      const file = openSqlite(away, { readonly: true, fileMustExist: true });
      try {
        // The marks: each person the server marked, once (the copy reads such rows as facts: DISTINCT).
        const { notice_standing_stale: awayMarks, ...awayRest } = fileCounts(file, plan, serverId);
        expect(awayRest).toEqual(fileRest);
        expect(awayMarks).toBeGreaterThanOrEqual(fileMarks ?? 0);
        const back = await idMapsByOrder(
          plan,
          (t) => source.prepare(`SELECT id FROM ${t.name} WHERE ${t.where(1)} ORDER BY id`).pluck().all() as number[],
          (t) => file.prepare(`SELECT id FROM ${t.name} WHERE ${t.where(serverId)} ORDER BY id`).pluck().all() as number[],
        );
        for (const table of plan.tables) {
          const leaveOut = table.name === 'campaigns' ? ['copied_from'] : [];
          const withJson = comparable(table, sqliteRows(file, table, serverId), null, leaveOut);
          const onServer = comparable(table, (await server.query(`SELECT ${table.columns.join(', ')} FROM ${table.name} WHERE ${table.where(serverId)}`)).rows as Record<string, unknown>[], null, leaveOut);
          if (table.name === 'notice_standing_stale') {
            expect(withJson).toEqual([...new Set(onServer)]);
            expect(missingFrom(withJson, comparable(table, sqliteRows(source, table, 1), back, []))).toEqual([]);
            continue;
          }
          expect({ table: table.name, rows: withJson }).toEqual({ table: table.name, rows: onServer });
          if (!(table.name in JSON_WITH_IDS)) expect(comparable(table, sqliteRows(file, table, serverId), null, [])).toEqual(comparable(table, sqliteRows(source, table, 1), back, []));
        }
        expect(readCopiedFrom(String(file.prepare('SELECT copied_from FROM campaigns').pluck().get()))).toEqual({ server: expect.stringMatching(/^127\.0\.0\.1:\d+\/cohort_test_/), campaignId: serverId, at: '2026-05-04T09:00:00.000Z' });
        expect(String(file.prepare('SELECT copied_from FROM campaigns').pluck().get())).not.toMatch(/cohort-test|password/);
        expect(file.pragma('foreign_key_check')).toEqual([]);
        expect(file.prepare("SELECT count(*) FROM sqlite_master WHERE type = 'trigger'").pluck().get()).toBe(source.prepare("SELECT count(*) FROM sqlite_master WHERE type = 'trigger'").pluck().get());
      } finally {
        file.close();
      }

      const copy = await openTestApp(awayDir);
      try {
        const [campaign] = await copy.client.call('campaign.list', {});
        expect(campaign).toMatchObject({ id: serverId, name: 'Season 2026', applicationCount: 8 });
        const sidebar = await copy.client.call('triage.sidebar', { campaignId: serverId });
        expect(sidebar.queues.find((q) => q.queue === 'DPP')?.byStage.notRetained).toBe(1);
        const refused = await copy.client.tryCall('triage.note', { ref: ref('R2') ?? 0, text: 'A note away from the office' });
        expect(refused).toMatchObject({ ok: false, error: { code: 'Conflict', kind: 'ReadOnlyCopy' } });
        expect(await copy.client.tryCall('campaign.update', { campaignId: serverId, name: 'Renamed' })).toMatchObject({ ok: false, error: { kind: 'ReadOnlyCopy' } });
        expect(await copy.client.tryCall('campaign.create', { name: 'Another' })).toMatchObject({ ok: false, error: { kind: 'ReadOnlyCopy' } });
        await expect(copy.client.call('triage.undo', { campaignId: serverId })).rejects.toBeInstanceOf(ApiCallError);
        // Its own housekeeping still works: a backup of the file.
        expect(await copy.client.tryCall('database.backupNow', {})).toMatchObject({ ok: true });
      } finally {
        await copy.core.close();
      }

      // Without the mark (as if it were an office file), undo finds the copied note through the remapped ids and removes it.
      const unmarked = openSqlite(away);
      unmarked.prepare('UPDATE campaigns SET copied_from = NULL').run();
      unmarked.close();
      const reopened = await openTestApp(awayDir);
      try {
        await reopened.client.call('app.setOfficerName', { name: 'tester' });
        // The score first (its criterion's id, remapped, is the one undo takes back), then the note (its id, remapped).
        const sqlite = reopened.core.session.open.sqlite;
        expect(sqlite.prepare('SELECT count(*) FROM rubric_scores').pluck().get()).toBe(1);
        expect(await reopened.client.call('triage.undo', { campaignId: serverId })).toMatchObject({ kind: 'score' });
        expect(sqlite.prepare('SELECT count(*) FROM rubric_scores').pluck().get()).toBe(0);
        expect(await reopened.client.call('triage.undo', { campaignId: serverId })).toMatchObject({ kind: 'note' });
        const notes = sqlite.prepare('SELECT text, removed_at IS NOT NULL AS removed FROM application_notes ORDER BY id').all();
        expect(notes).toEqual([{ text: 'Called about the start date', removed: 1 }]);
      } finally {
        await reopened.core.close();
      }
    } finally {
      source.close();
      await server.end();
    }
  });

  it('refuses a name the server holds, an officer’s login, a file from an older Cohort, an existing file; a failure half-way leaves the server as it was', async () => {
    const { url } = await serverWithADemoCampaign();
    const other = await openTestApp(tempDir());
    await other.client.call('demo.load', { count: 50, seed: 9 });
    await other.core.close();
    const server = await connect(url);
    const count = async () => (await server.query<{ n: number }>('SELECT (SELECT count(*) FROM campaigns) + (SELECT count(*) FROM applications) + (SELECT count(*) FROM audit_log) AS n')).rows[0]?.n;
    const login = `officer_${Date.now()}`;
    try {
      const before = await count();
      await expect(copyCampaignToServer(other.databasePath, url, { name: 'demo 2026' })).rejects.toMatchObject({ kind: 'CampaignNameTaken', message: expect.stringMatching(/already holds a campaign named "Demo 2026".*--name/) });

      // A row the server's CHECK refuses, half-way through the tables: nothing of the campaign stays.
      const broken = openSqlite(other.databasePath);
      broken.pragma('ignore_check_constraints = ON');
      broken.prepare("INSERT INTO notice_batches (campaign_id, outcome, format, actor, at) VALUES (1, 'ineligible', 'pdf', 'x', 'x')").run();
      broken.close();
      await expect(copyCampaignToServer(other.databasePath, url, { name: 'Broken' })).rejects.toThrow(/notice_batches.*Nothing was copied/s);
      expect(await count()).toBe(before);
      expect((await server.query('SELECT name FROM campaigns')).rows).toEqual([{ name: 'Demo 2026' }]);

      // An officer may read the server, not bring a campaign onto it.
      await addOfficer(server, login, { admin: false, password: 'o-secret' });
      const asOfficer = new URL(url);
      asOfficer.username = login;
      asOfficer.password = '';
      await expect(copyCampaignToServer(other.databasePath, asOfficer.href, { name: 'Officer', password: 'o-secret' })).rejects.toMatchObject({ kind: 'NotAdministrator', message: expect.stringContaining(`cohort server add-officer ${login} --admin`) });
      // …but may take a read-only copy away.
      const away = join(tempDir(), 'away.sqlite');
      await copyCampaignToFile(asOfficer.href, away, { campaign: 'Demo 2026', password: 'o-secret' });
      expect(existsSync(away)).toBe(true);
      await expect(copyCampaignToFile(url, away, { campaign: 'Demo 2026' })).rejects.toMatchObject({ kind: 'FileExists' });
      await expect(copyCampaignToFile(url, join(tempDir(), 'x.sqlite'), { campaign: 'Nope' })).rejects.toMatchObject({ kind: 'NoSuchCampaign', message: expect.stringContaining('"Demo 2026"') });
      // A read-only copy does not go back up as a new campaign.
      await expect(copyCampaignToServer(away, url, { name: 'Again' })).rejects.toMatchObject({ kind: 'CampaignIsACopy' });

      // A file of an older Cohort: refused, and left as it was.
      const old = openSqlite(join(tempDir(), 'old.sqlite'));
      old.pragma('user_version = 3');
      old.pragma('application_id = 0x436f6831');
      old.exec('CREATE TABLE campaigns (id INTEGER PRIMARY KEY)');
      const oldPath = old.name;
      old.close();
      await expect(copyCampaignToServer(oldPath, url)).rejects.toMatchObject({ kind: 'SourceSchemaOlder', message: expect.stringMatching(/older Cohort .*Open it once in this Cohort/) });
      expect(await count()).toBe(before);
    } finally {
      await server.query(`DROP OWNED BY ${login}; DROP ROLE IF EXISTS ${login}`).catch(() => {});
      await server.end();
    }
  });

  it('makes an officer’s name in the file their login on the server when told whose it is: their decisions, scores and history are theirs there', async () => {
    const { url } = await database();
    const it = await connect(url);
    await initServer(it);
    await addOfficer(it, 'marie', { admin: false, password: 'm-secret' });
    await it.end();
    const { app, refs } = await workedSeason(tempDir());
    await app.client.call('triage.decide', { refs: [refs['R3'] ?? 0], stage: 'proposed' });
    await app.core.close();

    await expect(copyCampaignToServer(app.databasePath, url, { officers: new Map([['tester', 'nobody_here']]) })).rejects.toMatchObject({ kind: 'UnknownLogins' });
    const copied = await copyCampaignToServer(app.databasePath, url, { officers: new Map([['tester', 'marie']]) });
    expect(copied.officers).toContainEqual({ name: 'tester', login: 'marie' });
    const server = await connect(url);
    try {
      const who = async (query: string) => (await server.query<{ who: string }>(query)).rows.map((r) => r.who);
      expect(new Set(await who('SELECT DISTINCT actor AS who FROM audit_log WHERE actor IS NOT NULL'))).toEqual(new Set(['marie']));
      expect(new Set(await who('SELECT DISTINCT actor AS who FROM triage_actions'))).toEqual(new Set(['marie']));
      expect(new Set(await who('SELECT DISTINCT officer AS who FROM officer_scores'))).toEqual(new Set(['marie']));
      expect(new Set(await who('SELECT DISTINCT updated_by AS who FROM triage_states WHERE updated_by IS NOT NULL'))).toEqual(new Set(['marie']));
    } finally {
      await server.end();
    }
    // Marie, logged in on the server, takes back her own last decision: it is hers there.
    const asMarie = new URL(url);
    asMarie.username = 'marie';
    asMarie.password = 'm-secret';
    const workstation = await openCore({ databasePath: asMarie.href, backupDirectory: join(tempDir(), 'backups'), userName: 'marie-os', appVersion: 'test' });
    try {
      const undone = await createClient(inProcessTransport(workstation)).call('triage.undo', { campaignId: copied.to.campaignId });
      expect(undone).toMatchObject({ restored: 1 });
    } finally {
      await workstation.close();
    }
  });

  it('runs from the command line, progress on stderr, the password from COHORT_PASSWORD', async () => {
    const { url } = await database();
    const it = await connect(url);
    await initServer(it);
    await it.end();
    const dir = tempDir();
    const app = await openTestApp(dir);
    await app.client.call('demo.load', { count: 40, seed: 3 });
    await app.core.close();
    const withoutPassword = new URL(url);
    const password = decodeURIComponent(withoutPassword.password);
    withoutPassword.password = '';
    process.env.COHORT_PASSWORD = password;
    try {
      const up = await cli(['campaign', 'copy', '--from', app.databasePath, '--to', withoutPassword.href, '--json'], dir);
      expect(up.err).toMatch(/applications: 40 rows/);
      expect(up.code).toBe(0);
      expect(JSON.parse(up.out)).toMatchObject({ to: { campaignId: 1 }, rows: expect.any(Number) });
      expect((await cli(['campaign', 'copy', '--from', app.databasePath, '--to', withoutPassword.href, '--officer', 'tester'], dir)).err).toMatch(/is not an officer's name and login/);
      const back = join(dir, 'away.sqlite');
      const down = await cli(['campaign', 'copy', '--from', withoutPassword.href, '--campaign', '1', '--to', back], dir);
      expect(down.code).toBe(0);
      expect(down.out).toMatch(/read-only/);
      const again = await cli(['campaign', 'copy', '--from', app.databasePath, '--to', withoutPassword.href], dir);
      expect(again.code).toBe(1);
      expect(again.err).toMatch(/already holds a campaign named/);
      expect((await cli(['campaign', 'copy', '--from', app.databasePath], dir)).code).toBe(2);
      // The copied campaign, listed from the server by any command given --db URL.
      const listed = await cli(['campaign', 'list', '--db', withoutPassword.href, '--json'], dir);
      expect(listed).toMatchObject({ err: '', code: 0 });
      expect((JSON.parse(listed.out) as { id: number }[]).map((c) => c.id)).toEqual([1]);
    } finally {
      delete process.env.COHORT_PASSWORD;
    }
  });
});
