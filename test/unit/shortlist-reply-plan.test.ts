import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { planReply, referenceMatches, type ExportedCandidate, type RecordedExport } from '../../electron/core/shortlists/reply-plan';
import type { ProcessStage } from '../../shared/domain/stages';
import type { ReplyRow } from '../../electron/core/shortlists/workbook/read';
import { MANAGER_DECISIONS } from '../../shared/domain/manager-decisions';

function candidate(ref: number, stage: ProcessStage = 'shortlisted', over: Partial<ExportedCandidate> = {}): ExportedCandidate {
  return { applicationRef: ref, candidateCode: `DI-${ref}`, stage, interviewDate: null, interviewTime: null, comment: null, ...over };
}

function reply(code: string, over: Partial<ReplyRow> = {}, row = 2): ReplyRow {
  return { row, candidateCode: code, decision: null, interviewDate: null, interviewTime: null, comment: null, ...over };
}

const recorded = (candidates: ExportedCandidate[]): RecordedExport => ({ shortlistId: 1, exportId: 2, check: 'abcdef0123', candidates });
const known = (codes: string[]) => (code: string) => codes.includes(code);

describe('what a reply would change', () => {
  it('moves each candidate to the stage of its decision, with the interview date and comment', () => {
    const plan = planReply(
      recorded([candidate(1), candidate(2), candidate(3, 'interview', { interviewDate: '2027-02-01' })]),
      [
        reply('DI-1', { decision: 'interview', interviewDate: '2027-02-03', interviewTime: '14:30', comment: 'Good' }, 2),
        reply('DI-2', { decision: 'notSelected' }, 3),
        reply('DI-3', { decision: 'selected' }, 4),
      ],
      known([]),
    );
    expect(plan.refusals).toEqual([]);
    expect(plan.unchanged).toBe(0);
    expect(plan.changes).toEqual([
      { applicationRef: 1, candidateCode: 'DI-1', row: 2, from: 'shortlisted', to: 'interview', interviewDate: '2027-02-03', interviewTime: '14:30', comment: 'Good' },
      { applicationRef: 2, candidateCode: 'DI-2', row: 3, from: 'shortlisted', to: 'notSelected', interviewDate: null, interviewTime: null, comment: null },
      { applicationRef: 3, candidateCode: 'DI-3', row: 4, from: 'interview', to: 'selected', interviewDate: '2027-02-01', interviewTime: null, comment: null },
    ]);
  });

  it('takes a date without a decision as an interview, and a blank row as no answer yet', () => {
    const plan = planReply(recorded([candidate(1), candidate(2)]), [reply('DI-1', { interviewDate: '2027-02-03' }), reply('DI-2')], known([]));
    expect(plan.changes.map((c) => [c.candidateCode, c.to])).toEqual([['DI-1', 'interview']]);
    expect(plan.unchanged).toBe(1);
  });

  it('refuses unknown codes, codes of another shortlist, withdrawn candidates and changes after an offer, naming the row', () => {
    const plan = planReply(
      recorded([candidate(1, 'withdrawn'), candidate(2, 'offerMade'), candidate(3, 'notRetained'), candidate(4, 'offerMade')]),
      [
        reply('DI-1', { decision: 'selected' }, 2),
        reply('DI-2', { decision: 'reserve' }, 3),
        reply('DI-3', { decision: 'interview' }, 4),
        reply('PDD-9', { decision: 'interview' }, 5),
        reply('XX-0', { decision: 'interview' }, 6),
        // Saying what Cohort already holds is never refused: no change is asked.
        reply('DI-4', {}, 7),
      ],
      known(['PDD-9']),
    );
    expect(plan.changes).toEqual([]);
    expect(plan.unchanged).toBe(1);
    expect(plan.refusals.map((r) => [r.row, r.code])).toEqual([
      [2, 'CandidateWithdrawn'],
      [3, 'OfferAlreadyMade'],
      [4, 'NoLongerShortlisted'],
      [5, 'NotOnShortlist'],
      [6, 'UnknownCandidateCode'],
    ]);
    expect(plan.refusals[4]?.message).toBe('Row 6: "XX-0" is not a candidate code Cohort gave; it may have been changed.');
  });

  it('a reply applied, then read again, changes nothing (any decisions, dates and comments)', () => {
    const stages: ProcessStage[] = ['shortlisted', 'interview', 'selected', 'reserve', 'notSelected'];
    const answer = fc.record({
      decision: fc.option(fc.constantFrom(...MANAGER_DECISIONS), { nil: null }),
      interviewDate: fc.option(fc.constantFrom('2027-02-01', '2027-02-02'), { nil: null }),
      interviewTime: fc.option(fc.constantFrom('09:00', '14:30'), { nil: null }),
      comment: fc.option(fc.string({ maxLength: 5 }), { nil: null }),
    });
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom(...stages), answer), { minLength: 1, maxLength: 8 }), (cases) => {
        const candidates = cases.map(([stage], i) => candidate(i + 1, stage));
        const rows = cases.map(([, a], i) => reply(`DI-${i + 1}`, { ...a, interviewTime: a.interviewDate === null ? null : a.interviewTime }, i + 2));
        const first = planReply(recorded(candidates), rows, known([]));
        expect(first.refusals).toEqual([]);
        const applied = candidates.map((c) => {
          const change = first.changes.find((ch) => ch.applicationRef === c.applicationRef);
          return change ? { ...c, stage: change.to, interviewDate: change.interviewDate, interviewTime: change.interviewTime, comment: change.comment } : c;
        });
        const again = planReply(recorded(applied), rows, known([]));
        expect(again.changes).toEqual([]);
        expect(again.unchanged).toBe(rows.length);
      }),
    );
  });

  it('knows its own export by shortlist, export and check', () => {
    const r = recorded([]);
    expect(referenceMatches({ shortlistId: 1, exportId: 2, check: 'abcdef0123' }, r)).toBe(true);
    expect(referenceMatches({ shortlistId: 1, exportId: 3, check: 'abcdef0123' }, r)).toBe(false);
    expect(referenceMatches({ shortlistId: 1, exportId: 2, check: 'abcdef0124' }, r)).toBe(false);
  });
});
