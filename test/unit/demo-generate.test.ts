import { describe, expect, it } from 'vitest';
import { APPLICATION_FIELDS, type ApplicationRecord } from '../../shared/domain/application-fields';
import { NATO_MEMBERS, PFP_PARTNERS } from '../../shared/domain/countries';
import { DIVISION_CODES, parseDivision } from '../../shared/domain/divisions';
import { generateDemoApplications } from '../../electron/core/demo/generate';

function take(count: number, seed?: number, year?: number): ApplicationRecord[] {
  return [...generateDemoApplications({ count, ...(seed === undefined ? {} : { seed }), ...(year === undefined ? {} : { year }) })];
}

/** Names compared as the application-limit rule compares them. */
function fold(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().trim().replace(/\s+/g, ' ');
}

/** A date of birth in any of the export's date forms, as YYYY-MM-DD, or null. */
function isoDay(text: string): string | null {
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  const dayFirst = /^(\d{2})[/.](\d{2})[/.](\d{4})$/.exec(text);
  const [y, m, d] = iso ? [iso[1], iso[2], iso[3]] : dayFirst ? [dayFirst[3], dayFirst[2], dayFirst[1]] : [];
  if (!y || !m || !d) return null;
  const day = `${y}-${m}-${d}`;
  const date = new Date(`${day}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === day ? day : null;
}

const NATO_FUNDING = new Set(['nato-funded', 'nato funded', 'nato', "financé par l'otan", 'financement otan']);
const GRANT_FUNDING = new Set(['grant-funded', 'grant funded', 'grant', 'subvention']);
const DEADLINE_2025 = Date.parse('2025-05-20T23:59:59+02:00');
const NON_MEMBERS = ['Brazil', 'India', 'Japan', 'Mexico', 'Australia', 'China', 'Nigeria', 'South Africa', 'Argentina', 'Colombia'];
const ISO_OR_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?(Z|[+-]\d{2}:\d{2})$/;
const ACCEPTED_DATE_TIMES = [
  ISO_OR_OFFSET,
  /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}(:\d{2})?$/,
  /^\d{2}[/.]\d{2}[/.]\d{4} \d{2}:\d{2}(:\d{2})?$/,
];

describe('generateDemoApplications', () => {
  const campaign = take(2000);

  it('is deterministic for a seed and changes with it', () => {
    const a = take(300, 7);
    const b = take(300, 7);
    const c = take(300, 8);
    expect(b).toEqual(a);
    expect(c).not.toEqual(a);
    expect(c.filter((r, i) => r.lastName === a[i]?.lastName).length).toBeLessThan(100);
    // Without a seed it is the same demo campaign every time.
    expect(take(300)).toEqual(campaign.slice(0, 300));
  });

  it('yields exactly the count asked for, even when that cuts through one person’s applications', () => {
    expect(take(0)).toHaveLength(0);
    expect(take(1)).toHaveLength(1);
    expect(take(1234, 3)).toHaveLength(1234);
    expect(campaign).toHaveLength(2000);
  });

  it('refuses counts and years that make no sense', () => {
    expect(() => take(-1)).toThrow(RangeError);
    expect(() => take(1.5)).toThrow(RangeError);
    expect(() => take(10, 1, 1900)).toThrow(RangeError);
  });

  it('produces lazily, so a huge count costs nothing until read', () => {
    const first: ApplicationRecord[] = [];
    for (const record of generateDemoApplications({ count: 1_000_000_000 })) {
      first.push(record);
      if (first.length === 5) break;
    }
    expect(first).toEqual(campaign.slice(0, 5));
  });

  it('fills every export field, as text, and nothing else', () => {
    const keys = APPLICATION_FIELDS.map((f) => f.key).sort().join(',');
    const odd = campaign.filter(
      (r) => Object.keys(r).sort().join(',') !== keys || Object.values(r).some((v) => typeof v !== 'string'),
    );
    expect(odd).toEqual([]);
    expect(Object.keys(campaign[0] ?? {}).sort().join(',')).toBe(keys);
  });

  it('gives unique application ids in the export’s form, shared candidate id and e-mail per account', () => {
    expect(new Set(campaign.map((r) => r.applicationId)).size).toBe(campaign.length);
    const emails = new Map<string, Set<string>>();
    for (const r of campaign) {
      expect(r.applicationId).toMatch(/^NIP-2026-\d{5}-[1-7]$/);
      expect(r.candidateId).toMatch(/^C-\d{6}$/);
      expect(r.applicationId.slice(9, 14)).toBe(String(Number(r.candidateId.slice(2)) - 100000).padStart(5, '0'));
      emails.set(r.candidateId, (emails.get(r.candidateId) ?? new Set()).add(r.email));
    }
    for (const [candidate, set] of emails) expect(set.size, candidate).toBe(1);
  });

  it('spreads applications over all eight divisions, the big three ahead, mostly as codes', () => {
    const perDivision = new Map<string, number>();
    for (const r of campaign) {
      const code = parseDivision(r.division);
      expect(code, r.division).not.toBeNull();
      if (code) perDivision.set(code, (perDivision.get(code) ?? 0) + 1);
      expect(r.position.startsWith(`${code}/2026/`)).toBe(true);
    }
    expect([...perDivision.keys()].sort()).toEqual([...DIVISION_CODES].sort());
    const size = (code: string): number => perDivision.get(code) ?? 0;
    for (const big of ['OPS', 'PASP', 'PDD']) {
      for (const small of ['DI', 'EM', 'JISD']) expect(size(big)).toBeGreaterThan(size(small));
    }
    const asCodes = campaign.filter((r) => (DIVISION_CODES as string[]).includes(r.division)).length;
    expect(asCodes / campaign.length).toBeGreaterThan(0.7);
    expect(campaign.some((r) => r.division === 'Operations Division')).toBe(true);
  });

  it('has people applying several times, some beyond the limit, and second accounts of the same person', () => {
    const perCandidate = new Map<string, number>();
    for (const r of campaign) perCandidate.set(r.candidateId, (perCandidate.get(r.candidateId) ?? 0) + 1);
    const counts = [...perCandidate.values()];
    const repeaters = counts.filter((n) => n > 1).length / counts.length;
    expect(repeaters).toBeGreaterThan(0.06);
    expect(repeaters).toBeLessThan(0.15);
    expect(Math.max(...counts)).toBeLessThanOrEqual(7);
    expect(counts.some((n) => n > 5)).toBe(true);

    const accounts = new Map<string, ApplicationRecord[]>();
    for (const r of campaign) {
      const day = isoDay(r.dateOfBirth);
      if (!day) continue;
      const key = `${fold(`${r.firstName} ${r.lastName}`)}|${day}`;
      accounts.set(key, [...(accounts.get(key) ?? []), r]);
    }
    const twins = [...accounts.values()].filter((rs) => new Set(rs.map((r) => r.candidateId)).size > 1);
    expect(twins.length).toBeGreaterThan(5);
    for (const rs of twins) expect(new Set(rs.map((r) => r.email.trim().toLowerCase())).size).toBeGreaterThan(1);
    // Sometimes the second account drops the accents.
    expect(twins.some((rs) => new Set(rs.map((r) => r.lastName + r.firstName)).size > 1)).toBe(true);
  });

  it('has drafts, readable submission times for every submitted row, and late NATO-funded ones', () => {
    const statuses = new Set(campaign.map((r) => r.status.toLowerCase()));
    expect([...statuses].sort()).toEqual(['draft', 'submitted']);
    const drafts = campaign.filter((r) => r.status === 'Draft').length;
    expect(drafts).toBeGreaterThan(20);
    expect(drafts).toBeLessThan(200);

    const submitted = campaign.filter((r) => r.status.toLowerCase() === 'submitted');
    for (const r of submitted) expect(ACCEPTED_DATE_TIMES.some((re) => re.test(r.submittedOn)), r.submittedOn).toBe(true);
    expect(submitted.filter((r) => r.submittedOn.endsWith('Z')).length / submitted.length).toBeGreaterThan(0.8);
    expect(submitted.some((r) => /^\d{2}\/\d{2}\/\d{4} /.test(r.submittedOn))).toBe(true);

    const instants = submitted.filter((r) => ISO_OR_OFFSET.test(r.submittedOn));
    for (const r of instants) {
      const t = Date.parse(r.submittedOn);
      expect(t).toBeGreaterThanOrEqual(Date.parse('2025-01-01T00:00:00Z'));
      expect(t).toBeLessThan(Date.parse('2025-10-01T00:00:00Z'));
    }
    const nato = instants.filter((r) => NATO_FUNDING.has(r.funding.trim().toLowerCase()));
    const late = nato.filter((r) => Date.parse(r.submittedOn) > DEADLINE_2025);
    expect(late.length).toBeGreaterThan(5);
    expect(late.length / nato.length).toBeLessThan(0.1);
  });

  it('funds mostly through the two tracks, NATO-funded the larger', () => {
    const funding = campaign.map((r) => r.funding.trim().toLowerCase());
    const nato = funding.filter((f) => NATO_FUNDING.has(f)).length;
    const grant = funding.filter((f) => GRANT_FUNDING.has(f)).length;
    expect(nato + grant).toBeGreaterThan(campaign.length * 0.98);
    expect(nato).toBeGreaterThan(grant);
    expect(grant).toBeGreaterThan(campaign.length * 0.2);
  });

  it('draws nationalities mostly from members, also from partners and beyond', () => {
    const members = new Set(NATO_MEMBERS.map((m) => m.name));
    const partners = new Set(PFP_PARTNERS.map((p) => p.name));
    const nationality = campaign.map((r) => r.nationality);
    expect(nationality.filter((n) => members.has(n)).length / campaign.length).toBeGreaterThan(0.6);
    expect(nationality.filter((n) => partners.has(n)).length).toBeGreaterThan(50);
    expect(nationality.filter((n) => NON_MEMBERS.includes(n)).length).toBeGreaterThan(50);
    for (const n of NON_MEMBERS) {
      expect(members.has(n) || partners.has(n)).toBe(false);
    }
    // Spellings the importer must learn to read.
    for (const variant of ['Turkey', 'The Netherlands', 'USA', 'UK', 'Czech Republic']) {
      expect(nationality, variant).toContain(variant);
    }
    expect(nationality.filter((n) => n === '').length).toBeGreaterThan(0);
    expect(campaign.filter((r) => r.secondNationality !== '').length).toBeGreaterThan(50);
  });

  it('gives names with their accents, and plausible dates of birth', () => {
    const accented = campaign.filter((r) => fold(r.firstName + r.lastName) !== (r.firstName + r.lastName).toLowerCase().trim());
    expect(accented.length).toBeGreaterThan(200);
    const days = campaign.map((r) => isoDay(r.dateOfBirth));
    const readable = days.filter((d): d is string => d !== null);
    expect(readable.length / campaign.length).toBeGreaterThan(0.97);
    const core = readable.filter((d) => d >= '1996-01-01' && d <= '2005-12-31').length;
    expect(core / readable.length).toBeGreaterThan(0.85);
    // Under 21 on any day of the call.
    expect(readable.filter((d) => d > '2004-05-20').length).toBeGreaterThan(20);
    const unreadable = campaign.filter((r, i) => r.dateOfBirth !== '' && days[i] === null);
    expect(unreadable.length).toBeGreaterThan(0);
  });

  it('writes education, languages and motivations as applicants do', () => {
    expect(new Set(campaign.map((r) => r.highestDegree))).toEqual(new Set(['None', 'Bachelor', 'Master', 'Doctorate']));
    expect(campaign.filter((r) => /^\d$/.test(r.yearsCompleted)).length / campaign.length).toBeGreaterThan(0.95);
    const levels = new Set(campaign.flatMap((r) => [r.englishLevel, r.frenchLevel]));
    for (const level of ['C1', 'C2', 'B2', 'Native', 'Langue maternelle', 'Fluent', '']) expect(levels).toContain(level);
    expect(campaign.filter((r) => r.motivation.includes('\n')).length).toBeGreaterThan(100);
    expect(campaign.filter((r) => /^(Madame|Je |Étudiant)/.test(r.motivation)).length).toBeGreaterThan(50);
    expect(campaign.some((r) => /^[=+\-@]/.test(r.motivation))).toBe(true);
    expect(campaign.every((r) => /\.(pdf|docx)$/.test(r.cvFile))).toBe(true);
    // Demo addresses never reach a real mailbox.
    expect(campaign.every((r) => /@(\w+\.)?example(\.(com|org|net))?\s*$/i.test(r.email))).toBe(true);
  });

  it('follows the programme year', () => {
    const later = take(200, 5, 2027);
    expect(later.every((r) => r.applicationId.startsWith('NIP-2027-'))).toBe(true);
    expect(later.every((r) => r.position.includes('/2027/'))).toBe(true);
    expect(later.filter((r) => r.submittedOn.endsWith('Z')).every((r) => r.submittedOn.startsWith('2026-'))).toBe(true);
  });

  it('gives 50,000 applications 50,000 distinct ids', { timeout: 60_000 }, () => {
    const ids = new Set<string>();
    for (const r of generateDemoApplications({ count: 50_000 })) ids.add(r.applicationId);
    expect(ids.size).toBe(50_000);
  });
});
