import { join } from 'node:path';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DIVISION_CODES } from '../../shared/domain/divisions';
import { AGE_BANDS, DEGREE_LEVELS, EXITS, FUNNEL_STEPS, LANGUAGE_PROFILES, type ReportFact } from '../../shared/domain/report-facts';
import { diversity, filterFacts, funnel, GROUP_STAGES, reach } from '../../shared/domain/report-figures';
import { cli } from './support/cli';
import { handWorkedSeasonIn } from './support/hand-season';
import { openTestApp, useTempDir } from './support/temp';

const tempDir = useTempDir();

describe('the season report, on a season worked out by hand', () => {
  it('counts the funnel, where applications left and why, reach and diversity as a person would', async () => {
    const { app, refs } = await handWorkedSeasonIn(await openTestApp(tempDir()));
    const report = await app.client.call('reports.get', { campaignId: 1 });
    // R1..R8; eligible all but R6 (Brazil) and R7 (A1 English and French); proposed R1, R2, R3, R8;
    // shortlisted the DPP three; interviewed R1 and R3; selected and accepted R1.
    expect(Object.fromEntries(report.funnel.steps.map((s) => [s.step, s.count]))).toEqual({ applications: 8, eligible: 6, proposed: 4, shortlisted: 3, interviewed: 2, selected: 1, accepted: 1 });
    expect(report.funnel.steps[1]?.ofPrevious).toBeCloseTo(6 / 8);
    expect(Object.fromEntries(report.funnel.exits.map((e) => [e.exit, [e.count, e.reasons]]))).toEqual({
      ineligible: [2, [{ reason: 'LANGUAGE', count: 1 }, { reason: 'NATIONALITY', count: 1 }]],
      notRetained: [1, [{ reason: 'motivation', count: 1 }]],
      notSelected: [1, []],
      declined: [0, []],
      withdrawn: [1, []],
    });

    const counts = (country: string) => report.reach.members.find((m) => m.country === country)?.counts;
    expect(counts('ES')).toEqual([2, 2, 2, 1]);
    expect(counts('PL')).toEqual([2, 2, 1, 0]);
    expect(counts('IT')).toEqual([1, 1, 0, 0]);
    expect(counts('FR')).toEqual([1, 0, 0, 0]);
    expect(counts('DE')).toEqual([1, 1, 0, 0]);
    expect(report.reach.otherCountries).toEqual([1, 0, 0, 0]);
    expect(report.reach.noApplicant).toHaveLength(32 - 5);
    expect(report.reach.noneSelected).not.toContain('ES');
    expect(report.reach.waves.find((w) => w.year === '1999')?.counts).toEqual([2, 2, 1, 0]);

    // "Female" and "female" are one group; the empty gender is "not given".
    const gender = Object.fromEntries(report.diversity.gender.map((g) => [g.group, g.counts]));
    expect(gender).toEqual({ female: [4, 4, 2, 1], male: [3, 1, 1, 0], notGiven: [1, 1, 0, 0] });
    expect(report.diversity.gender.find((g) => g.group === 'male')?.shares[1]).toBeCloseTo(1 / 6);
    const age = Object.fromEntries(report.diversity.ageBand.map((g) => [g.group, g.counts]));
    expect(age).toEqual({ '22to24': [7, 5, 2, 0], '25to27': [1, 1, 1, 1] });
    const languages = Object.fromEntries(report.diversity.languages.map((g) => [g.group, g.counts]));
    expect(languages).toEqual({ both: [6, 5, 2, 1], englishOnly: [1, 1, 1, 0], neither: [1, 0, 0, 0] });

    // Per division: DPP holds all but R8; the filter gives the same figures as counting by hand.
    const dpp = await app.client.call('reports.get', { campaignId: 1, division: 'DPP' });
    expect(dpp.funnel.steps.map((s) => s.count)).toEqual([7, 5, 3, 3, 2, 1, 1]);

    // The facts are kept between questions, and read again after any change.
    await app.client.call('triage.decide', { refs: [refs['R5'] ?? 0], stage: 'proposed' });
    expect((await app.client.call('reports.get', { campaignId: 1 })).funnel.steps[2]?.count).toBe(5);
    await app.core.close();
  });

  it('prints the same figures on the command line (the funnel as counts of applications) and writes the workbook in French, small groups hidden', async () => {
    const { app } = await handWorkedSeasonIn(await openTestApp(tempDir()));
    await app.core.close();
    const out = join(app.dir, 'bilan.xlsx');
    const result = await cli(['report', '--json', '--db', app.databasePath, '--out', out, '--language', 'fr'], app.dir);
    expect(result.code).toBe(0);
    const printed = JSON.parse(result.out) as { funnel: Record<string, number>; saved: string };
    expect(printed.funnel).toEqual({ applications: 8, eligible: 6, proposed: 4, shortlisted: 3, interviewed: 2, selected: 1, accepted: 1 });
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(printed.saved);
    expect(book.worksheets.map((w) => w.name)).toEqual(['Entonnoir', 'Pays membres', 'Diversité', 'Rythme']);
    const cells = book.worksheets.flatMap((w) => w.getSheetValues().flatMap((row) => (Array.isArray(row) ? row : [])));
    // Every group here is smaller than 5: no count from 1 to 4 appears, "moins de 5" does.
    expect(cells.filter((v) => typeof v === 'number' && v > 0 && v < 5 && Number.isInteger(v))).toEqual([]);
    expect(cells).toContain('moins de 5');
    expect(cells).toContain('Espagne');
    // Cohort's own keys are said in words; a gender as the export gives it, with a capital.
    expect(cells).toContain('Jusqu’à 5 jours ouvrés');
    expect(cells).not.toContain('upTo5');
    expect(cells).toContain('Female');
    expect(cells).toContain('Non indiqué');
    // Nothing that names a person.
    expect(cells.join(' ')).not.toMatch(/Person|Family|example\.org/);
  });
});

describe('a drop between stages', () => {
  const base: ReportFact = { division: 'DI', track: 'nato', session: 'march', nationality: 'IS', gender: 'Female', ageBand: '22to24', degree: 'master', languages: 'both', reached: 3, left: null, why: null, submitted: null, decided: null, shortlisted: null, told: null };
  // 40 eligible: 20 women and 20 men; 20 shortlisted: 2 women and 18 men.
  const facts: ReportFact[] = [
    ...Array.from({ length: 2 }, () => ({ ...base })),
    ...Array.from({ length: 18 }, () => ({ ...base, reached: 1 })),
    ...Array.from({ length: 18 }, () => ({ ...base, gender: 'Male', nationality: 'BR' })),
    ...Array.from({ length: 2 }, () => ({ ...base, gender: 'Male', nationality: 'BR', reached: 1 })),
  ];
  it('is flagged where a group’s share falls to under two thirds, on stages large enough to tell', () => {
    const women = diversity(facts, 'gender').find((g) => g.group === 'female');
    expect(women?.counts).toEqual([20, 20, 2, 0]);
    expect(women?.drops).toEqual([false, false, true, false]);
    expect(diversity(facts, 'gender').find((g) => g.group === 'male')?.drops).toEqual([false, false, false, false]);
  });
  it('is not flagged for the nationals of a country that is not a member', () => {
    const brazil = diversity(facts.map((f) => (f.gender === 'Female' ? f : { ...f, reached: 0 })), 'nationality').find((g) => g.group === 'BR');
    expect(brazil?.drops).toEqual([false, false, false, false]);
  });
});

const fact: fc.Arbitrary<ReportFact> = fc.record({
  division: fc.constantFrom(...DIVISION_CODES, null),
  track: fc.constantFrom('nato' as const, 'grant' as const, null),
  session: fc.constantFrom('march' as const, 'september' as const, null),
  nationality: fc.constantFrom('ES', 'PL', 'BR', 'IS', null),
  gender: fc.constantFrom('Female', 'female', 'Male', '', 'Non-binary'),
  ageBand: fc.constantFrom(...AGE_BANDS, null),
  degree: fc.constantFrom(...DEGREE_LEVELS, null),
  languages: fc.constantFrom(...LANGUAGE_PROFILES),
  reached: fc.integer({ min: 0, max: FUNNEL_STEPS.length - 1 }),
  left: fc.constantFrom(...EXITS, null),
  why: fc.constantFrom('AGE', 'motivation', null),
  submitted: fc.constant('2026-03-01'),
  decided: fc.constantFrom('2026-03-05', null),
  shortlisted: fc.constant(null),
  told: fc.constant(null),
});

describe('the season report’s figures, whatever the season', () => {
  it('never grow from one funnel step to the next, and the divisions add up to the campaign', () => {
    fc.assert(
      fc.property(fc.array(fact, { maxLength: 200 }), (facts) => {
        const whole = funnel(facts);
        whole.steps.forEach((s, i) => i > 0 && expect(s.count).toBeLessThanOrEqual(whole.steps[i - 1]?.count ?? 0));
        // Each division's figures (as its filter gives them), and those whose division could not be read.
        const byDivision = [...DIVISION_CODES.map((division) => filterFacts(facts, { division, track: null, session: null })), facts.filter((f) => f.division === null)];
        expect(byDivision.reduce((n, list) => n + list.length, 0)).toBe(facts.length);
        FUNNEL_STEPS.forEach((_, i) => expect(byDivision.reduce((n, list) => n + (funnel(list).steps[i]?.count ?? 0), 0)).toBe(whole.steps[i]?.count));
        whole.exits.forEach((e, i) => expect(byDivision.reduce((n, list) => n + (funnel(list).exits[i]?.count ?? 0), 0)).toBe(e.count));
        const es = (list: ReportFact[]) => reach(list).members.find((m) => m.country === 'ES')?.counts ?? [0, 0, 0, 0];
        GROUP_STAGES.forEach((_, i) => expect(byDivision.reduce((n, list) => n + (es(list)[i] ?? 0), 0)).toBe(es(facts)[i]));
        // Every group of a dimension together is the whole, at every stage.
        const groups = diversity(facts, 'gender');
        GROUP_STAGES.forEach((_, i) => expect(groups.reduce((n, g) => n + (g.counts[i] ?? 0), 0)).toBe(reach(facts).members.reduce((n, m) => n + (m.counts[i] ?? 0), 0) + sum(reach(facts).otherCountries, i) + sum(reach(facts).unknown, i)));
      }),
    );
  });
});

function sum(counts: readonly number[], i: number): number {
  return counts[i] ?? 0;
}
