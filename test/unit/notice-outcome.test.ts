import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CEFR_LEVELS } from '../../shared/domain/listed-values';
import { isUndecided, noticeBasis, noticeLanguage, noticeStatus, personOutcome, REJECTIONS, type NoticeTold, type PersonApplication } from '../../shared/domain/notice-outcome';
import { SELECTION_STAGE_IDS, STAGE_IDS, type ProcessStage } from '../../shared/domain/stages';

const STAGES: ProcessStage[] = [...STAGE_IDS, ...SELECTION_STAGE_IDS];
const PLACED = new Set<ProcessStage>(['selected', 'offerMade', 'offerAccepted']);

const application = fc.record({
  ref: fc.integer({ min: 1, max: 1000 }),
  verdict: fc.constantFrom('eligible' as const, 'review' as const, 'ineligible' as const),
  stage: fc.constantFrom(...STAGES),
  offerWithdrawnByOffice: fc.boolean(),
});
const person = fc.array(application, { minLength: 1, maxLength: 5 });

const app = (verdict: PersonApplication['verdict'], stage: ProcessStage, over: Partial<PersonApplication> = {}): PersonApplication => ({ ref: 1, verdict, stage, ...over });

describe('what a person is told', () => {
  it('never a rejection while any application is undecided or the person holds a place', () => {
    fc.assert(
      fc.property(person, (applications) => {
        const outcome = personOutcome(applications);
        const placed = applications.some((a) => a.verdict === 'eligible' && PLACED.has(a.stage));
        if (placed) expect(outcome).toBe('selected');
        if (outcome !== null && REJECTIONS.has(outcome)) {
          expect(applications.some(isUndecided)).toBe(false);
          expect(placed).toBe(false);
        }
        if (!placed && applications.some(isUndecided)) expect(outcome).toBeNull();
      }),
    );
  });

  it('one outcome per person, whatever the order of their applications', () => {
    const shuffled = person.chain((applications) => fc.shuffledSubarray(applications, { minLength: applications.length }).map((other) => [applications, other] as const));
    fc.assert(
      fc.property(shuffled, ([applications, other]) => {
        expect(personOutcome(other)).toBe(personOutcome(applications));
      }),
    );
  });

  it('ineligible only when every application was judged ineligible', () => {
    fc.assert(
      fc.property(person, (applications) => {
        expect(personOutcome(applications) === 'ineligible').toBe(applications.every((a) => a.verdict === 'ineligible'));
      }),
    );
  });

  it('the furthest a person got decides, and withdrawing ends the telling', () => {
    expect(personOutcome([app('ineligible', 'new'), app('eligible', 'notRetained')])).toBe('notRetained');
    expect(personOutcome([app('eligible', 'notRetained'), app('eligible', 'notSelected')])).toBe('notSelected');
    expect(personOutcome([app('eligible', 'notSelected'), app('eligible', 'reserve')])).toBe('reserve');
    expect(personOutcome([app('eligible', 'reserve'), app('eligible', 'interview')])).toBeNull();
    expect(personOutcome([app('eligible', 'offerMade'), app('eligible', 'interview')])).toBe('selected');
    expect(personOutcome([app('eligible', 'withdrawn', { offerWithdrawnByOffice: true })])).toBe('offerWithdrawn');
    expect(personOutcome([app('eligible', 'withdrawn'), app('ineligible', 'new')])).toBeNull();
    expect(personOutcome([app('eligible', 'offerDeclined')])).toBeNull();
    expect(personOutcome([app('review', 'new'), app('ineligible', 'new')])).toBeNull();
  });
});

describe('the language of a notice', () => {
  it('French when French is the better language of the latest application, English otherwise (unreadable lowest)', () => {
    expect(noticeLanguage({ englishLevel: 'B2', frenchLevel: 'C1' })).toBe('fr');
    expect(noticeLanguage({ englishLevel: 'C1', frenchLevel: 'C1' })).toBe('en');
    expect(noticeLanguage({ englishLevel: null, frenchLevel: 'none' })).toBe('fr');
    expect(noticeLanguage({ englishLevel: null, frenchLevel: null })).toBe('en');
    expect(noticeLanguage({ englishLevel: 'native', frenchLevel: 'C2' })).toBe('en');
    fc.assert(
      fc.property(fc.constantFrom(...CEFR_LEVELS), fc.constantFrom(...CEFR_LEVELS), (en, fr) => {
        expect(noticeLanguage({ englishLevel: en, frenchLevel: fr }) === 'fr').toBe(CEFR_LEVELS.indexOf(fr) > CEFR_LEVELS.indexOf(en));
      }),
    );
  });
});

describe('a person’s notices over time', () => {
  const basis = (stage: ProcessStage) => noticeBasis([app('eligible', stage)]);
  it('owes an outcome once; a notice that stands is not prepared again', () => {
    expect(noticeStatus('notRetained', basis('notRetained'), [])).toEqual({ owed: 'notRetained', replaces: null, superseded: [] });
    const told: NoticeTold[] = [{ id: 1, outcome: 'notRetained', state: 'sent', basis: basis('notRetained'), sent: true }];
    expect(noticeStatus('notRetained', basis('notRetained'), told)).toEqual({ owed: null, replaces: null, superseded: [] });
    expect(noticeStatus('notRetained', basis('notRetained'), [{ ...told[0]!, state: 'bounced' }])).toEqual({ owed: null, replaces: null, superseded: [] });
  });

  it('a place told stands while the offer is made and accepted, and the other applications are withdrawn', () => {
    const told: NoticeTold[] = [{ id: 7, outcome: 'selected', state: 'sent', basis: noticeBasis([app('eligible', 'selected'), app('eligible', 'interview', { ref: 2 })]), sent: true }];
    for (const later of [[app('eligible', 'offerMade'), app('eligible', 'interview', { ref: 2 })], [app('eligible', 'offerAccepted'), app('eligible', 'withdrawn', { ref: 2 })]]) {
      expect(noticeStatus(personOutcome(later), noticeBasis(later), told)).toEqual({ owed: null, replaces: null, superseded: [] });
    }
  });

  it('a changed decision supersedes what was told, and the new outcome says it replaces it', () => {
    const told: NoticeTold[] = [{ id: 1, outcome: 'reserve', state: 'sent', basis: basis('reserve'), sent: true }];
    expect(noticeStatus('selected', basis('selected'), told)).toEqual({ owed: 'selected', replaces: 'reserve', superseded: [1] });
    // Back to undecided: nothing to tell now, and what was told no longer holds.
    expect(noticeStatus(null, basis('interview'), told)).toEqual({ owed: null, replaces: null, superseded: [1] });
    // A notice prepared but never sent, superseded: the new one replaces nothing the person saw.
    expect(noticeStatus('selected', basis('selected'), [{ ...told[0]!, state: 'prepared', sent: false }])).toEqual({ owed: 'selected', replaces: null, superseded: [1] });
  });

  it('never owes while undecided, and never more than one standing notice per outcome (random histories)', () => {
    fc.assert(
      fc.property(fc.array(person, { minLength: 1, maxLength: 6 }), (history) => {
        const told: NoticeTold[] = [];
        for (const applications of history) {
          const outcome = personOutcome(applications);
          const status = noticeStatus(outcome, noticeBasis(applications), told);
          if (applications.some(isUndecided) && !applications.some((a) => a.verdict === 'eligible' && PLACED.has(a.stage))) expect(status.owed).toBeNull();
          for (const id of status.superseded) {
            const n = told.find((t) => t.id === id);
            if (n) n.state = 'superseded';
          }
          if (status.owed) told.push({ id: told.length + 1, outcome: status.owed, state: 'sent', basis: noticeBasis(applications), sent: true });
          const standing = told.filter((t) => t.state !== 'superseded');
          expect(standing.length).toBeLessThanOrEqual(1);
          if (outcome !== null) expect(standing.map((t) => t.outcome)).toEqual([outcome]);
        }
      }),
    );
  });
});
