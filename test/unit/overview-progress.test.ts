import { describe, expect, it } from 'vitest';
import { nextStep, type DivisionProgress, type VerdictCounts } from '../../shared/domain/season-progress';
import { UNASSIGNED_QUEUE, type Stage } from '../../shared/domain/stages';
import { openTestApp, useTempDir } from './support/temp';

const tempDir = useTempDir();

const verdicts = (v: Partial<VerdictCounts> = {}): VerdictCounts => ({
  eligible: 0,
  review: 0,
  ineligible: 0,
  unscreened: 0,
  overridden: 0,
  staleOverrides: 0,
  screeningUnderWay: false,
  ...v,
});
const queue = (name: string, stages: Partial<Record<Stage, number>>): DivisionProgress => {
  const byStage = { new: 0, inReview: 0, proposed: 0, notRetained: 0, ...stages };
  return { queue: name, total: Object.values(byStage).reduce((a, b) => a + b, 0), byStage };
};

describe('the next step of a season', () => {
  it('follows the order a season is worked in', () => {
    const divisions = [queue('DI', { new: 2, inReview: 1, proposed: 4 }), queue('OPS', { new: 5 }), queue(UNASSIGNED_QUEUE, {})];
    expect(nextStep(0, verdicts(), [], UNASSIGNED_QUEUE)).toEqual({ kind: 'import' });
    expect(nextStep(10, verdicts({ unscreened: 3, review: 2, staleOverrides: 1 }), divisions, UNASSIGNED_QUEUE)).toEqual({ kind: 'screen', count: 3 });
    expect(nextStep(10, verdicts({ screeningUnderWay: true, review: 2 }), divisions, UNASSIGNED_QUEUE)).toEqual({ kind: 'screen', count: 0 });
    expect(nextStep(10, verdicts({ review: 2, staleOverrides: 1 }), divisions, UNASSIGNED_QUEUE)).toEqual({ kind: 'staleOverrides', count: 1 });
    expect(nextStep(10, verdicts({ review: 2 }), divisions, UNASSIGNED_QUEUE)).toEqual({ kind: 'review', count: 2 });
    // The busiest division first, the count over all of them.
    expect(nextStep(10, verdicts(), divisions, UNASSIGNED_QUEUE)).toEqual({ kind: 'triage', count: 7, queue: 'OPS' });
    expect(nextStep(10, verdicts(), [queue('DI', { inReview: 1, proposed: 4 }), queue('PDD', { inReview: 3 })], UNASSIGNED_QUEUE)).toEqual({
      kind: 'finishTriage',
      count: 4,
      queue: 'PDD',
    });
    expect(nextStep(10, verdicts(), [queue('DI', { proposed: 4, notRetained: 9 })], UNASSIGNED_QUEUE)).toEqual({ kind: 'shortlists', count: 4 });
    expect(nextStep(10, verdicts(), [queue('DI', { notRetained: 9 })], UNASSIGNED_QUEUE)).toEqual({ kind: 'done' });
  });

  it('asks for a division first when eligible applications have none, but not for closed ones', () => {
    const divisions = [queue('DI', { new: 2 }), queue(UNASSIGNED_QUEUE, { new: 1, notRetained: 2 })];
    expect(nextStep(10, verdicts(), divisions, UNASSIGNED_QUEUE)).toEqual({ kind: 'assignDivision', count: 1 });
    const closed = [queue('DI', { new: 2 }), queue(UNASSIGNED_QUEUE, { notRetained: 2 })];
    expect(nextStep(10, verdicts(), closed, UNASSIGNED_QUEUE)).toMatchObject({ kind: 'triage', queue: 'DI' });
  });
});

describe('the overview of a season', () => {
  it('counts the verdicts that count (overrides included) and triage per division, as Screening and Divisions do', async () => {
    const app = await openTestApp(tempDir());
    const { client } = app;
    try {
      await client.call('demo.load', { count: 600, seed: 5 });
      const screening = await client.call('screening.list', { campaignId: 1, tab: 'ineligible', limit: 3 });
      let o = await client.call('overview.get', { campaignId: 1 });
      const { eligible, review, ineligible } = screening.counts;
      expect(o.verdicts).toEqual({ eligible, review, ineligible, unscreened: 0, overridden: 0, staleOverrides: 0, screeningUnderWay: false });
      expect(o.verdicts.eligible + o.verdicts.review + o.verdicts.ineligible).toBe(600);
      expect(o.nextStep).toEqual({ kind: 'review', count: o.verdicts.review });

      // An officer decides three ineligible applications are eligible after all.
      await client.call('screening.override', { refs: screening.rows.map((r) => r.ref), verdict: 'eligible', justification: 'Transcript received by e-mail' });
      const triaged = (await client.call('triage.list', { campaignId: 1, queue: 'all', sort: [{ column: 'applicationId', descending: false }], limit: 5 })).rows;
      await client.call('triage.decide', { refs: triaged.slice(0, 3).map((r) => r.ref), stage: 'proposed' });
      await client.call('triage.decide', { refs: triaged.slice(3).map((r) => r.ref), stage: 'inReview' });

      const before = o;
      o = await client.call('overview.get', { campaignId: 1 });
      expect(o.verdicts).toMatchObject({ eligible: before.verdicts.eligible + 3, ineligible: before.verdicts.ineligible - 3, overridden: 3 });
      const sidebar = await client.call('triage.sidebar', { campaignId: 1 });
      expect(o.divisions).toEqual(sidebar.queues);
      const total = (stage: Stage) => o.divisions.reduce((n, d) => n + d.byStage[stage], 0);
      expect([total('proposed'), total('inReview'), total('new') + total('inReview') + total('proposed') + total('notRetained')]).toEqual([3, 2, o.verdicts.eligible]);
    } finally {
      await app.core.close();
    }
  });

  it('answers at once while screening is under way, then follows it', async () => {
    const app = await openTestApp(tempDir());
    try {
      await app.client.call('demo.load', { count: 300, seed: 2 });
      await app.client.call('screening.list', { campaignId: 1, tab: 'all', limit: 1 });
      // A rule change: screening is owed until it has run.
      const { settings } = await app.client.call('campaign.get', { campaignId: 1 });
      await app.client.call('campaign.update', { campaignId: 1, settings: { ...settings, requiredLanguageLevel: 'C2' } });
      const during = await app.client.call('overview.get', { campaignId: 1 });
      expect(during.verdicts.screeningUnderWay).toBe(true);
      expect(during.nextStep).toEqual({ kind: 'screen', count: 0 });
      await app.core.settled();
      const after = await app.client.call('overview.get', { campaignId: 1 });
      expect(after.verdicts.screeningUnderWay).toBe(false);
      expect(after.verdicts.ineligible).toBeGreaterThan(during.verdicts.ineligible);
      expect(after.nextStep.kind).not.toBe('screen');
    } finally {
      await app.core.close();
    }
  });
});
