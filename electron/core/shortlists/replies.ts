import { statSync } from 'node:fs';
import { basename, isAbsolute } from 'node:path';
import type { ReplyChangeView, ReplyIssue, ReplyPreview, ReplyResult } from '../../../shared/api/shortlists';
import { NotFoundError, ValidationError } from '../../../shared/api/errors';
import type { ProgressEvent } from '../../../shared/api/events';
import type { StagingConnection } from '../import/store';
import { IncomingJobs, runStep, stageJob, type IncomingJob } from '../files/incoming-jobs';
import { sha256OfFile } from '../files/sha256';
import type { StagingArea } from '../files/staging-area';
import { planReply, referenceMatches, type ReplyChange, type ReplyPlan } from './reply-plan';
import type { Seen } from '../triage/actions';
import type { SentExport, ShortlistStore } from './store';
import { openReplySheet, readReplyReference, type ReplyProblemCode, type ReplyRow } from './workbook/read';

/**
 * A hiring manager's reply, brought in as the export is: a job whose file is read whole into a
 * staging area for the preview (every change it would make, every row it cannot take), then
 * applied in one transaction or not at all. Nothing is written before the commit. The staging is
 * where an import's is (the import store's: the open file's TEMP tables, or on the office server a
 * private scratch database on this computer, deleted when the job ends); the job belongs to the
 * open database (`owner`) and is found only by requests on it.
 */

interface StagedReply {
  area: StagingArea<ReplyRow, ReplyProblemCode>;
  exportId: number;
  sha256: string;
  /** What the preview showed: the commit applies exactly this. */
  changes: ReplyChange[];
  /** The candidates' versions the preview read: the commit carries them (refused, naming who and when, if one changed). */
  seen: Seen[];
  issues: number;
}

export type ReplyJob = IncomingJob<StagedReply>;
export type ReplyJobs = IncomingJobs<ReplyJob>;

export function replyJobs(): ReplyJobs {
  return new IncomingJobs<ReplyJob>(() => new NotFoundError('This reply is no longer open (it was applied, cancelled, or the database was changed). Open it again.', 'NoSuchReply'));
}

/** The reply's own rows (as staged), in file order. */
function stagedRows(staged: StagedReply): ReplyRow[] {
  return [...staged.area.batches()].flat();
}

function changeView(change: ReplyChange, sent: SentExport): ReplyChangeView {
  const who = sent.names.get(change.applicationRef);
  return {
    row: change.row,
    applicationRef: change.applicationRef,
    applicationId: who?.applicationId ?? '',
    candidateCode: change.candidateCode,
    firstName: who?.firstName ?? '',
    lastName: who?.lastName ?? '',
    from: change.from,
    to: change.to,
    interviewDate: change.interviewDate,
    interviewTime: change.interviewTime,
    comment: change.comment,
  };
}

function issuesOf(staged: StagedReply, plan: ReplyPlan, decisionColumn: string | null): ReplyIssue[] {
  const problems: ReplyIssue[] = staged.area.rejections(10_000);
  const refusals: ReplyIssue[] = plan.refusals.map((r) => ({ row: r.row, column: decisionColumn, code: r.code, message: r.message, value: r.candidateCode }));
  return [...problems, ...refusals].sort((a, b) => a.row - b.row);
}

/** The export a reply answers, as recorded, or a refusal in words when Cohort did not send it. */
async function sentExportOf(store: ShortlistStore, path: string): Promise<SentExport> {
  const reference = await readReplyReference(path);
  const sent = await store.recordedExport(reference.exportId);
  if (!sent || !referenceMatches(reference, sent)) {
    throw new ValidationError(
      `“${basename(path)}” was not sent from this database, or its reference or candidate codes were changed. Import the workbook the hiring manager received, with their answers.`,
      [],
      'UnknownReply',
    );
  }
  return sent;
}

export async function previewReply(
  jobs: ReplyJobs,
  store: ShortlistStore,
  open: { owner: object; staging: () => Promise<StagingConnection> },
  path: string,
  emit: (event: ProgressEvent) => void,
): Promise<ReplyPreview> {
  if (!isAbsolute(path)) throw new ValidationError('Give the full path of the reply to import.', [{ path: ['path'], message: 'not an absolute path' }]);
  const sent = await sentExportOf(store, path);
  const sizeBytes = statSync(path).size;
  const staging = await open.staging();
  const job = jobs.add({ campaignId: sent.campaignId, path, fileName: basename(path), sizeBytes, sqlite: staging.sqlite, owner: open.owner, release: staging.release, startedAt: new Date().toISOString() });
  try {
    let decisionColumn: string | null = null;
    const staged = await runStep(job, { during: 'reading', after: 'previewed' }, emit, () =>
      stageJob<ReplyRow, StagedReply, ReplyProblemCode>(job, async (area, signal) => {
        const sheet = await openReplySheet(path);
        decisionColumn = sheet.headers.find((h) => /decision/i.test(h)) ?? null;
        for await (const line of sheet.lines({ signal })) {
          if (line.kind === 'row') area.add(line.row);
          else area.reject(line.problem, line.values);
        }
        return { area, exportId: sent.exportId, sha256: await sha256OfFile(path, signal), changes: [], seen: [], issues: 0 };
      }),
    );
    const rows = stagedRows(staged);
    // Codes not on this export: another shortlist's (told apart) or never given.
    const foreign = rows.map((r) => r.candidateCode).filter((code) => !sent.candidates.some((c) => c.candidateCode === code));
    const known = await store.knownCodes(sent.campaignId, foreign);
    const finalPlan = planReply(sent, rows, (code) => known.has(code));
    const issues = issuesOf(staged, finalPlan, decisionColumn);
    staged.changes = finalPlan.changes;
    // The versions of the candidates it changes: another officer's decision on one since refuses it with who and when.
    const changing = new Set(finalPlan.changes.map((c) => c.applicationRef));
    staged.seen = sent.seen.filter((s) => changing.has(s.ref));
    staged.issues = issues.length;
    const shortlist = (await store.list(sent.campaignId)).find((s) => s.id === sent.shortlistId);
    if (!shortlist) throw new NotFoundError('The shortlist this reply answers is no longer in this database.', 'NoSuchShortlist');
    return { jobId: job.id, fileName: job.fileName, shortlist, exportId: sent.exportId, changes: finalPlan.changes.map((c) => changeView(c, sent)), unchanged: finalPlan.unchanged, issues };
  } catch (error) {
    // The page never learnt of this job: nothing may stay behind for it.
    jobs.remove(job);
    throw error;
  }
}

export async function commitReply(jobs: ReplyJobs, store: ShortlistStore, owner: object, jobId: string, actor: string, emit: (event: ProgressEvent) => void): Promise<ReplyResult & { campaignId: number }> {
  const job = jobs.get(jobId, owner);
  const staged = job.staged;
  if (!staged) throw new ValidationError('This reply has not been read yet: preview it first.', [], 'NotPreviewed');
  if (staged.issues > 0) throw new ValidationError('This reply has rows Cohort cannot apply (see the preview). Nothing was applied: ask the hiring manager to correct them.', [], 'ReplyRefused');
  const result = await runStep(job, { during: 'writing', after: 'previewed' }, emit, () =>
    store.applyReply({ exportId: staged.exportId, fileName: job.fileName, sha256: staged.sha256, rows: stagedRows(staged), expected: staged.changes, seen: staged.seen }, actor),
  );
  jobs.remove(job, { committed: true });
  const sent = await store.recordedExport(staged.exportId);
  if (!sent) throw new NotFoundError('The workbook this reply answers is no longer in this database.', 'UnknownReply');
  return {
    campaignId: job.campaignId,
    shortlistId: sent.shortlistId,
    exportId: staged.exportId,
    replyId: result.replyId,
    applied: result.plan.changes.length,
    unchanged: result.plan.unchanged,
    changes: result.plan.changes.map((c) => changeView(c, sent)),
  };
}
