import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NOTICE_OUTCOMES, REJECTIONS, type NoticeOutcome } from '../../shared/domain/notice-outcome';
import { expectCountsAsFromScratch } from './support/notice-counts';
import { openTestApp, useTempDir, type TestApp } from './support/temp';

/**
 * Issue 12's invariants, through the real services on a real database: random campaigns (a demo of
 * a random seed, screened), then random sequences of officers' decisions (overrides, triage stages)
 * and of notices prepared, marked sent and bounced. After every step, what the database holds is
 * checked against the rules, read straight from the tables.
 */

const tempDir = useTempDir();

type Command =
  | { kind: 'override'; pick: number; verdict: 'eligible' | 'review' | 'ineligible' }
  | { kind: 'decide'; pick: number; stage: 'inReview' | 'proposed' | 'notRetained' }
  | { kind: 'prepare'; outcome: NoticeOutcome }
  | { kind: 'markSent' }
  | { kind: 'bounce'; pick: number };

const command: fc.Arbitrary<Command> = fc.oneof(
  fc.record({ kind: fc.constant('override' as const), pick: fc.nat(), verdict: fc.constantFrom('eligible' as const, 'review' as const, 'ineligible' as const) }),
  fc.record({ kind: fc.constant('decide' as const), pick: fc.nat(), stage: fc.constantFrom('inReview' as const, 'proposed' as const, 'notRetained' as const) }),
  fc.record({ kind: fc.constant('prepare' as const), outcome: fc.constantFrom(...NOTICE_OUTCOMES) }),
  fc.record({ kind: fc.constant('markSent' as const) }),
  fc.record({ kind: fc.constant('bounce' as const), pick: fc.nat() }),
);

interface AppRow {
  ref: number;
  applicationId: string;
  personKey: string;
  verdict: string;
  stage: string;
}

function applicationsOf(app: TestApp): Promise<AppRow[]> {
  return app.rows<AppRow>(
    `SELECT a.id AS ref, a.application_id AS "applicationId", r.person_key AS "personKey", coalesce(o.verdict, r.verdict) AS verdict, coalesce(t.stage, 'new') AS stage
     FROM applications a JOIN screening_results r ON r.application_ref = a.id
     LEFT JOIN screening_overrides o ON o.application_ref = a.id AND o.state = 'active'
     LEFT JOIN triage_states t ON t.application_ref = a.id ORDER BY a.id`,
  );
}

interface NoticeRow {
  id: number;
  personKey: string;
  outcome: NoticeOutcome;
  state: string;
  basis: string;
  batchId: number;
  named: number;
}

function noticesOf(app: TestApp): Promise<NoticeRow[]> {
  return app.rows<NoticeRow>(
    `SELECT n.id, n.person_key AS "personKey", n.outcome, n.state, n.basis, n.batch_id AS "batchId",
       (SELECT count(*) FROM notice_applications na WHERE na.notice_id = n.id) AS named
     FROM notices n ORDER BY n.id`,
  );
}

const UNDECIDED = new Set(['new', 'inReview', 'proposed', 'shortlisted', 'interview']);
const PLACED = new Set(['selected', 'offerMade', 'offerAccepted']);

describe('outcome notices, whatever the office does in whatever order', () => {
  it('never tell anyone undecided or placed "no", name every application, never prepare the same notice twice, and count as from scratch', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 1_000 }), fc.array(command, { minLength: 4, maxLength: 12 }), async (seed, commands) => {
        const app = await openTestApp(tempDir());
        try {
          const { client } = app;
          await client.call('demo.load', { count: 150, seed });
          await client.call('screening.run', { campaignId: 1 });
          let lastBatch: number | null = null;
          for (const step of commands) {
            const rows = await applicationsOf(app);
            const row = (pick: number) => rows[pick % rows.length] as AppRow;
            const before = await noticesOf(app);
            if (step.kind === 'override') await client.tryCall('screening.override', { refs: [row(step.pick).ref], verdict: step.verdict, justification: 'Checked against the documents' });
            if (step.kind === 'decide') await client.tryCall('triage.decide', { refs: [row(step.pick).ref], stage: step.stage });
            if (step.kind === 'markSent' && lastBatch !== null) await client.tryCall('notices.markSent', { batchId: lastBatch });
            if (step.kind === 'bounce') {
              const sent = before.filter((n) => n.state === 'sent');
              const notice = sent[step.pick % Math.max(1, sent.length)];
              const named = rows.find((r) => r.personKey === notice?.personKey);
              if (named) await client.tryCall('notices.markBounced', { campaignId: 1, applicationIds: [named.applicationId] });
            }
            if (step.kind === 'prepare') {
              const status = await client.call('notices.status', { campaignId: 1 });
              const result = await client.tryCall('notices.prepare', { campaignId: 1, outcome: step.outcome, format: 'csv', target: { kind: 'download' } });
              if (!result.ok) {
                // Refused only when nothing of the kind is owed, and then nothing was recorded.
                expect(result.error.kind).toBe('NothingOwed');
                expect(status.byOutcome[step.outcome].owed).toBe(0);
                expect(await noticesOf(app)).toEqual(before);
                continue;
              }
              lastBatch = result.value.batchId;
              const batch = (await noticesOf(app)).filter((n) => n.batchId === result.value.batchId);
              // Everyone counted as owed is in the batch, and nobody else.
              expect(batch.length).toBe(status.byOutcome[step.outcome].owed);
              expect((await client.call('notices.status', { campaignId: 1 })).byOutcome[step.outcome].owed).toBe(0);
              for (const notice of batch) {
                const mine = rows.filter((r) => r.personKey === notice.personKey);
                // One notice per person, naming all of their applications.
                expect(notice.named).toBe(mine.length);
                expect(batch.filter((n) => n.personKey === notice.personKey)).toHaveLength(1);
                if (REJECTIONS.has(notice.outcome)) {
                  // Never a "no" to someone still being decided on, or holding a place anywhere.
                  expect(mine.some((r) => r.verdict === 'review' || (r.verdict === 'eligible' && UNDECIDED.has(r.stage)))).toBe(false);
                  expect(mine.some((r) => r.verdict === 'eligible' && PLACED.has(r.stage))).toBe(false);
                }
                // Never prepared again for the same outcome on the same grounds once it went out.
                expect(before.some((n) => n.personKey === notice.personKey && n.outcome === notice.outcome && n.basis === notice.basis && (n.state === 'sent' || n.state === 'bounced'))).toBe(false);
              }
            }
            // However the steps went, a person holds at most one notice per outcome waiting to go out.
            const waiting = (await noticesOf(app)).filter((n) => n.state === 'prepared');
            expect(new Set(waiting.map((n) => `${n.personKey} ${n.outcome}`)).size).toBe(waiting.length);
            // And the counts kept as decisions came are those a count from scratch gives.
            await expectCountsAsFromScratch(app);
          }
        } finally {
          await app.core.close();
        }
      }),
      { numRuns: 10 },
    );
  }, 120_000);
});
