import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openSqlite } from '../../db/connection';
import { ConflictError } from '../../shared/api/errors';
import type { RejectedRow } from '../../shared/api/contract';
import { IncomingJobs, runStep, stageJob, type IncomingJob } from '../../electron/core/files/incoming-jobs';
import { StagingArea } from '../../electron/core/files/staging-area';
import { rejectedRowsReport } from '../../electron/core/files/rejected-rows';
import { useTempDir } from './support/temp';

/**
 * The staging every kind of incoming file goes through (the export today, hiring managers'
 * workbooks next), tested with a kind the import knows nothing of: rows that are objects, its own
 * job fields, its own "not open" error.
 */

interface Decision {
  code: string;
  decision: string;
}
interface StagedReply {
  area: StagingArea<Decision>;
  decisions: number;
}
interface ReplyJob extends IncomingJob<StagedReply> {
  sheet: string;
}

class NoSuchReply extends Error {}

const tempDir = useTempDir();

function rejection(row: number): RejectedRow {
  return { row, column: 'Decision', code: 'UnknownStatus', message: `Row ${row}: not a decision`, value: 'Maybe' };
}

function setUp() {
  const dir = tempDir();
  const path = join(dir, 'cohort.sqlite');
  const sqlite = openSqlite(path);
  const jobs = new IncomingJobs<ReplyJob>(() => new NoSuchReply('This reply is no longer open.'));
  const job = jobs.add({ campaignId: 1, path: join(dir, 'reply.xlsx'), fileName: 'reply.xlsx', sizeBytes: 10, sqlite, startedAt: '2026-12-03T10:00:00Z', sheet: 'Candidates' });
  return { path, sqlite, jobs, job };
}

describe('a staging area', () => {
  it('gives back every row in order, in batches, and the rejected rows in file order, up to a limit', async () => {
    const { sqlite } = setUp();
    const area = StagingArea.open<Decision>(sqlite);
    for (let i = 0; i < 1234; i++) {
      area.add({ code: `C${i}`, decision: i % 2 ? 'Interview' : 'Reserve' });
      if (i % 100 === 7) area.reject(rejection(1300 - i), ['C', 'Maybe']);
    }
    await area.finish();
    const batches = [...area.batches()];
    expect(batches.length).toBeGreaterThan(1);
    expect(batches.flat().map((d) => d.code)).toEqual(Array.from({ length: 1234 }, (_, i) => `C${i}`));
    const rows = area.rejections(5).map((r) => r.row);
    expect(rows).toEqual([93, 193, 293, 393, 493]);
    expect(area.rejections(1000)).toHaveLength(13);
  });

  it('lives outside the database file, and is gone once dropped', async () => {
    const { path, sqlite } = setUp();
    const area = StagingArea.open<Decision>(sqlite);
    area.add({ code: 'C1', decision: 'Selected' });
    await area.finish();
    const other = openSqlite(path);
    const tables = (db: typeof sqlite, schema: string) => db.prepare<[], { name: string }>(`SELECT name FROM ${schema}.sqlite_master WHERE type = 'table' AND name LIKE 'staged_%'`).all().length;
    expect(tables(other, 'main')).toBe(0);
    expect(tables(sqlite, 'temp')).toBe(2);
    area.drop();
    area.drop();
    expect(tables(sqlite, 'temp')).toBe(0);
    expect(area.rejections(10)).toEqual([]);
    other.close();
  });

  it('keeps rows out of another request’s transaction open on the same connection (its rollback must not take them)', async () => {
    const { sqlite } = setUp();
    const area = StagingArea.open<Decision>(sqlite);
    sqlite.exec('CREATE TABLE other (x)');
    sqlite.exec('BEGIN');
    for (let i = 0; i < 600; i++) area.add({ code: `C${i}`, decision: 'Reserve' });
    sqlite.exec('INSERT INTO other VALUES (1)');
    const finishing = area.finish();
    sqlite.exec('ROLLBACK');
    await finishing;
    expect([...area.batches()].flat()).toHaveLength(600);
  });
});

describe('incoming jobs of another kind', () => {
  it('go inspected → reading → previewed, and a failed commit leaves them previewed with the reason', async () => {
    const { sqlite, jobs, job } = setUp();
    expect(jobs.status(job.id, sqlite).state).toBe('inspected');
    const staged = await runStep(job, { during: 'reading', after: 'previewed' }, () => {}, () =>
      stageJob<Decision, StagedReply>(job, async (area) => {
        expect(jobs.status(job.id, sqlite).state).toBe('reading');
        area.add({ code: 'C1', decision: 'Selected' });
        area.reject(rejection(3), ['C9', 'Maybe']);
        return { area, decisions: 1 };
      }),
    );
    expect(staged.decisions).toBe(1);
    expect(job.staged?.area.rejections(10).map((r) => r.row)).toEqual([3]);
    expect(jobs.status(job.id, sqlite).state).toBe('previewed');

    await expect(
      runStep(job, { during: 'writing', after: 'previewed' }, () => {}, () => {
        throw new ConflictError('The shortlist was closed meanwhile.', 'ShortlistClosed');
      }),
    ).rejects.toThrow('closed meanwhile');
    const status = jobs.status(job.id, sqlite);
    expect(status.state).toBe('previewed');
    expect(status.error?.kind).toBe('ShortlistClosed');
    // The staged rows are still there for another try.
    expect([...(job.staged?.area.batches() ?? [])].flat()).toEqual([{ code: 'C1', decision: 'Selected' }]);
  });

  it('a cancel while reading stages nothing and says so; the job is then unknown in the kind’s own words', async () => {
    const { sqlite, jobs, job } = setUp();
    let tables = -1;
    const reading = stageJob<Decision, StagedReply>(job, async (area, signal) => {
      area.add({ code: 'C1', decision: 'Selected' });
      jobs.remove(job);
      expect(signal.aborted).toBe(true);
      return { area, decisions: 1 };
    });
    await expect(reading).rejects.toMatchObject({ kind: 'Cancelled' });
    tables = sqlite.prepare<[], { n: number }>("SELECT count(*) AS n FROM temp.sqlite_master WHERE name LIKE 'staged_%'").get()?.n ?? -1;
    expect(tables).toBe(0);
    expect(job.staged).toBeNull();
    expect(jobs.status(job.id, sqlite).state).toBe('cancelled');
    expect(() => jobs.get(job.id, sqlite)).toThrow(NoSuchReply);
  });

  it('a second preview replaces the first: only the new rows are staged', async () => {
    const { sqlite, job } = setUp();
    await stageJob<Decision, StagedReply>(job, async (area) => (area.add({ code: 'OLD', decision: 'Reserve' }), { area, decisions: 1 }));
    await stageJob<Decision, StagedReply>(job, async (area) => (area.add({ code: 'NEW', decision: 'Selected' }), { area, decisions: 1 }));
    expect([...(job.staged?.area.batches() ?? [])].flat().map((d) => d.code)).toEqual(['NEW']);
    expect(sqlite.prepare<[], { n: number }>("SELECT count(*) AS n FROM temp.sqlite_master WHERE type = 'table' AND name LIKE 'staged_%'").get()?.n).toBe(2);
  });
});

describe('the rejected-rows report', () => {
  it('names row, column and problem, then the cells under the file’s headers, neutralised', () => {
    const file = rejectedRowsReport('reply from DI.xlsx', ['Candidate code', 'Decision'], [
      { ...rejection(4), valuesJson: JSON.stringify(['=HYPERLINK("x")', 'Maybe']) },
    ]);
    expect(file.fileName).toBe('reply from DI - rejected rows.csv');
    const text = new TextDecoder().decode(file.bytes);
    expect(text).toContain('"Row","Column","Problem","Candidate code","Decision"');
    expect(text).toContain(`"4","Decision","Row 4: not a decision","'=HYPERLINK(""x"")","Maybe"`);
  });
});

describe('incoming jobs left open', () => {
  it('are forgotten after hours without being read or written, with their staging area', async () => {
    const { sqlite, jobs, job } = setUp();
    await stageJob<Decision, StagedReply>(job, async (area) => (area.add({ code: 'C1', decision: 'Selected' }), { area, decisions: 1 }));
    const staged = () => sqlite.prepare<[], { n: number }>("SELECT count(*) AS n FROM temp.sqlite_master WHERE type = 'table' AND name LIKE 'staged_%'").get()?.n;
    expect(staged()).toBe(2);
    const later = Date.parse(job.startedAt) + 5 * 60 * 60 * 1000;
    jobs.add({ campaignId: 1, path: '/x/reply.xlsx', fileName: 'reply.xlsx', sizeBytes: 1, sqlite, startedAt: new Date(later).toISOString(), sheet: 'Candidates' }, later);
    expect(() => jobs.get(job.id, sqlite)).toThrow(NoSuchReply);
    expect(jobs.status(job.id, sqlite).state).toBe('cancelled');
    expect(staged()).toBe(0);
  });
});
