import { describe, expect, it } from 'vitest';
import type { ScreeningDetail, ScreeningRow } from '../../shared/api/contract';
import { usePostgresDatabase } from './support/postgres';
import { useTempDir } from './support/temp';
import { twoOfficers, type Engine, type TwoOfficers } from './support/two-officers';

/**
 * Screening on both engines (issue 14): the tabs and their counts, an application's detail, an
 * officer's override, re-screening after an administrator changes a rule. On SQLite the officers
 * are two callers of one app; on PostgreSQL two workstations logged in as themselves, with the
 * administrator a third. The same demo campaign ends with the same verdicts on both, compared by
 * Application ID (the refs differ: a copy to the server numbers rows anew). What only the server
 * has (one run for all workstations, its progress heard by the others) is in screening-on-server.test.ts.
 */

const tempDir = useTempDir();
const database = usePostgresDatabase();
const ENGINES: Engine[] = ['sqlite', 'postgres'];
const open = (engine: Engine) => twoOfficers(engine, tempDir, async () => (await database()).url);

const JUSTIFICATION = 'Degree certificate checked by phone with the university';

/** A row as both engines show it: its ref and its override's id and time are the engine's own. */
function comparable(row: ScreeningRow) {
  const { ref: _ref, override, ...rest } = row;
  return { ...rest, override: override && { verdict: override.verdict, state: override.state, actor: override.actor, automaticVerdict: override.automaticVerdict } };
}

function comparableDetail(detail: ScreeningDetail) {
  return {
    row: comparable(detail.row),
    raw: detail.raw,
    parsed: detail.parsed,
    extra: detail.extra,
    criteria: detail.criteria,
    person: { key: detail.person.key, applications: detail.person.applications.map(({ ref: _ref, ...rest }) => rest) },
    rulesVersion: detail.rulesVersion,
    overrides: detail.overrides.map((o) => ({ verdict: o.verdict, state: o.state, actor: o.actor, justification: o.justification, automaticVerdict: o.automaticVerdict })),
  };
}

describe.each(ENGINES)('screening (%s)', (engine) => {
  it('the tabs count the campaign whatever the search; a search, a reason and pages in Application ID order; one application’s detail', async () => {
    const t = await open(engine);
    const campaignId = t.campaignId;
    const all = await t.marie.call('screening.list', { campaignId, tab: 'all', limit: 500 });
    expect(all.counts.all).toBe(400);
    expect(all.counts.eligible + all.counts.ineligible + all.counts.review).toBe(400);
    const ids = all.rows.map((r) => r.applicationId);
    expect(ids).toEqual([...ids].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    for (const tab of ['eligible', 'ineligible', 'review'] as const) {
      const page = await t.jan.call('screening.list', { campaignId, tab, limit: 500 });
      expect(page.total).toBe(all.counts[tab]);
      expect(page.rows.every((r) => r.verdict === tab)).toBe(true);
    }
    const second = await t.jan.call('screening.list', { campaignId, tab: 'all', offset: 10, limit: 10 });
    expect(second.rows.map((r) => r.applicationId)).toEqual(ids.slice(10, 20));

    // A search by last name, in another case (SQLite ignores the case of ASCII letters only): the campaign's counts stay, the total is the matches'.
    const someone = all.rows.find((r, i) => i > 5 && /^[A-Za-z]{3,}$/.test(r.lastName))!;
    const found = await t.marie.call('screening.list', { campaignId, tab: 'all', search: someone.lastName.toUpperCase() });
    expect(found.rows.map((r) => r.ref)).toContain(someone.ref);
    expect(found.counts).toEqual(all.counts);
    expect(found.total).toBe(found.rows.length);
    const nobody = await t.marie.call('screening.list', { campaignId, tab: 'all', search: 'no_such%applicant' });
    expect({ total: nobody.total, counts: nobody.counts }).toEqual({ total: 0, counts: all.counts });

    const reason = all.rows.find((r) => r.verdict === 'ineligible')!.reasons[0]!;
    const byReason = await t.jan.call('screening.list', { campaignId, tab: 'ineligible', reason, limit: 500 });
    expect(byReason.total).toBe(all.rows.filter((r) => r.verdict === 'ineligible' && r.reasons.includes(reason)).length);
    expect(byReason.rows.every((r) => r.reasons.includes(reason))).toBe(true);

    const detail = await t.jan.call('screening.detail', { ref: someone.ref });
    expect(detail.row).toEqual(someone);
    expect(detail.raw.applicationId).toBe(someone.applicationId);
    expect(detail.criteria.length).toBeGreaterThan(0);
    expect(detail.person.applications.map((a) => a.ref)).toContain(someone.ref);
    expect(await t.jan.tryCall('screening.detail', { ref: 999_999 })).toMatchObject({ ok: false, error: { kind: 'NoSuchApplication' } });
    await t.close();
  });

  it('an officer’s override is kept beside the automatic verdict and audited; another officer’s replaces it (kept on record); one naming an unknown application is refused whole', async () => {
    const t = await open(engine);
    const campaignId = t.campaignId;
    const [target, other] = (await t.marie.call('screening.list', { campaignId, tab: 'review', limit: 2 })).rows;
    await t.marie.call('screening.override', { refs: [target!.ref], verdict: 'eligible', justification: JUSTIFICATION });
    const seen = await t.jan.call('screening.detail', { ref: target!.ref });
    expect(seen.row).toMatchObject({ verdict: 'eligible', automaticVerdict: 'review', override: { state: 'active', actor: 'marie', justification: JUSTIFICATION } });
    await t.jan.call('screening.override', { refs: [target!.ref], verdict: 'ineligible', justification: 'The degree is not completed until 2027' });
    expect((await t.marie.call('screening.detail', { ref: target!.ref })).overrides.map((o) => [o.actor, o.state, o.verdict])).toEqual([
      ['jan', 'active', 'ineligible'],
      ['marie', 'superseded', 'eligible'],
    ]);
    const audit = await t.rows<{ actor: string; subject: string; details_json: string }>("SELECT actor, subject, details_json FROM audit_log WHERE action = 'screening.override' ORDER BY id");
    expect(audit.map((a) => [a.actor, a.subject])).toEqual([
      ['marie', target!.applicationId],
      ['jan', target!.applicationId],
    ]);
    expect(JSON.parse(audit[1]!.details_json)).toEqual({
      before: 'eligible',
      after: 'ineligible',
      automatic: { verdict: 'review', reasons: target!.reasons },
      justification: 'The degree is not completed until 2027',
    });

    const before = await t.counts();
    const refused = await t.marie.tryCall('screening.override', { refs: [other!.ref, 999_999], verdict: 'eligible', justification: JUSTIFICATION });
    expect(refused).toMatchObject({ ok: false, error: { code: 'NotFound', kind: 'NoSuchApplication' } });
    expect(await t.counts()).toEqual(before);
    await t.close();
  });

  it('an administrator raises the minimum age: the campaign is screened again and every officer reads the new verdicts (an officer may not change it on the server)', async () => {
    const t = await open(engine);
    const campaignId = t.campaignId;
    const before = await t.marie.call('screening.lines', { campaignId });
    if (engine === 'postgres') {
      // On the server a campaign's rules are the administrators' (its GRANTs); on a file there is no login to refuse.
      expect(await t.marie.tryCall('campaign.update', { campaignId, settings: { minimumAge: 25 } })).toMatchObject({ ok: false, error: { kind: 'NotAllowed' } });
    }
    const admin = await t.admin();
    await admin.call('campaign.update', { campaignId, settings: { minimumAge: 25 } });
    const after = await t.jan.call('screening.lines', { campaignId });
    const nowTooYoung = after.filter((l, i) => l.verdict === 'ineligible' && before[i]!.verdict !== 'ineligible');
    expect(nowTooYoung.length).toBeGreaterThan(0);
    expect(after.map((l) => l.applicationId)).toEqual(before.map((l) => l.applicationId));
    expect(await t.marie.call('screening.lines', { campaignId })).toEqual(after);
    // Nothing is owed any more: a run now changes nothing.
    expect(await t.marie.call('screening.run', { campaignId })).toMatchObject({ changed: 0 });
    await t.close();
  });
});

/** One scenario on one engine: what it ends with, as both engines can show it. */
async function scenario(t: TwoOfficers) {
  const campaignId = t.campaignId;
  // The campaign as copied (on the server, read again from its rows): screening it again changes nothing.
  const unchanged = await t.marie.call('screening.run', { campaignId });
  const review = (await t.marie.call('screening.list', { campaignId, tab: 'review', limit: 1 })).rows[0]!;
  await t.marie.call('screening.override', { refs: [review.ref], verdict: 'eligible', justification: JUSTIFICATION });
  await (await t.admin()).call('campaign.update', { campaignId, settings: { minimumAge: 25, applicationLimit: 2 } });
  const lines = await t.jan.call('screening.lines', { campaignId });
  const pages = await Promise.all((['all', 'eligible', 'ineligible', 'review'] as const).map((tab) => t.jan.call('screening.list', { campaignId, tab, offset: 20, limit: 30 })));
  const detail = await t.jan.call('screening.detail', { ref: review.ref });
  return {
    unchanged: unchanged.changed,
    lines,
    pages: pages.map((p) => ({ total: p.total, counts: p.counts, stale: p.staleOverrides, rows: p.rows.map(comparable) })),
    detail: comparableDetail(detail),
  };
}

describe('the same campaign on both engines', () => {
  it('ends with the same verdicts by Application ID, the same pages and the same detail, after an override and a rule change', async () => {
    const outcomes: Partial<Record<Engine, Awaited<ReturnType<typeof scenario>>>> = {};
    for (const engine of ENGINES) {
      const t = await open(engine);
      outcomes[engine] = await scenario(t);
      await t.close();
    }
    expect(outcomes.sqlite!.unchanged).toBe(0);
    expect(outcomes.sqlite!.lines.filter((l) => l.reasons.length > 0).length).toBeGreaterThan(0);
    expect(outcomes.postgres).toEqual(outcomes.sqlite);
  });
});
