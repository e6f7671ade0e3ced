import { createHash } from 'node:crypto';
import { DIVISION_CODES, type DivisionCode } from '../../../shared/domain/divisions';
import { MANAGER_DECISIONS } from '../../../shared/domain/manager-decisions';
import { DEFAULT_REPLY_DAYS } from '../../../shared/api/shortlists';
import { brusselsDate } from '../../../shared/domain/datetime';
import { SESSIONS } from '../../../shared/domain/selection-moves';
import { weekdayAfter } from '../../../shared/domain/shortlist-status';
import type { Stores } from '../stores';
import { candidateCodesCheck } from '../shortlists/workbook/reference';
import type { ReplyRow } from '../shortlists/workbook/read';
import { planReply } from '../shortlists/reply-plan';

/**
 * A demo campaign in mid-season, so every page has something real to show a newcomer: after
 * screening, each division's first eligible applications triaged (some proposed, some not
 * retained, some in review, some scored), a shortlist per division (most sent, one answered by its
 * hiring manager), and one person selected by two divisions (a conflict for the office to settle).
 * Everything goes through the same stores as an officer's work, with the demo as its actor, so it
 * is in the history and can be undone like anything else. Deterministic: the same demo each time.
 */

const TRIAGED_PER_DIVISION = 24;
const PROPOSED_PER_DIVISION = 8;
/** Divisions whose shortlist stays a draft, to show one not yet sent. */
const DRAFT_DIVISIONS: readonly DivisionCode[] = ['EM'];
/** The division whose hiring manager has answered. */
const ANSWERED: DivisionCode = 'DI';

/** Places per session in every division: enough for the Places page to show them filling. */
const PLACES = { march: 2, september: 3 } as const;

export async function buildMidSeason(stores: Stores, campaignId: number, actor: string, now = new Date()): Promise<void> {
  const { triage, shortlists, selection } = stores;
  // Dates follow the day the demo is loaded, so replies are awaited and interviews ahead, as they would be.
  const today = brusselsDate(now.toISOString());
  const replyBy = weekdayAfter(today, DEFAULT_REPLY_DAYS);
  const interviewDate = weekdayAfter(today, 10);
  const startDate = weekdayAfter(today, 90);
  // A person who applied to two divisions, neither the answered nor the draft one: both
  // applications go on their division's shortlist, to be selected twice below.
  const twice = (await selection.peopleInSeveralDivisions(campaignId, 200)).find(
    (p) => ![ANSWERED, ...DRAFT_DIVISIONS].includes(p.divisionA) && ![ANSWERED, ...DRAFT_DIVISIONS].includes(p.divisionB),
  );
  const proposedByDivision = new Map<DivisionCode, number[]>();
  for (const division of DIVISION_CODES) {
    const page = await triage.listQueue(campaignId, division, { stages: ['new'] }, [{ column: 'submittedAt', descending: false }], 0, TRIAGED_PER_DIVISION, false);
    const both = twice ? [twice.divisionA === division ? twice.a : null, twice.divisionB === division ? twice.b : null].filter((r): r is number => r !== null) : [];
    const refs = [...both, ...page.rows.map((r) => r.ref).filter((r) => !both.includes(r))];
    if (refs.length === 0) continue;
    const proposed = refs.slice(0, PROPOSED_PER_DIVISION);
    const notRetained = refs.slice(PROPOSED_PER_DIVISION, PROPOSED_PER_DIVISION + 8);
    const inReview = refs.slice(PROPOSED_PER_DIVISION + 8);
    await triage.score({ refs: proposed.slice(0, 4), criterionId: 0, score: 5 }, actor);
    await triage.score({ refs: proposed.slice(4), criterionId: 0, score: 4 }, actor);
    await triage.decide({ refs: proposed, stage: 'proposed' }, actor);
    if (notRetained.length > 0) await triage.decide({ refs: notRetained, stage: 'notRetained', reason: 'otherCandidatesStronger' }, actor);
    if (inReview.length > 0) await triage.decide({ refs: inReview, stage: 'inReview' }, actor);
    proposedByDivision.set(division, proposed);
  }

  for (const division of proposedByDivision.keys()) {
    const id = await shortlists.create({ campaignId, division, position: null }, actor);
    if (DRAFT_DIVISIONS.includes(division)) continue;
    const sources = await shortlists.exportSources(id);
    const exportId = await shortlists.nextExportId();
    const codes = sources.candidates.map((c) => c.candidateCode);
    // The workbook is not written to disk in a demo: its record carries the hash of what it listed.
    const recorded = await shortlists.recordExport(
      {
        shortlistId: id,
        exportId,
        blind: false,
        manager: { name: `Hiring manager ${division}`, email: `${division.toLowerCase()}.manager@example.int` },
        replyBy,
        fileName: `${division} shortlist (demo).xlsx`,
        sha256: createHash('sha256').update(codes.join('\n')).digest('hex'),
        check: candidateCodesCheck(codes),
        candidates: sources.candidates.map((c) => ({ ref: c.ref, applicationId: c.applicationId, candidateCode: c.candidateCode })),
      },
      actor,
    );
    if (division !== ANSWERED) continue;
    const sent = await shortlists.recordedExport(recorded.id);
    if (!sent) continue;
    // The hiring manager answered every candidate, a decision each in turn.
    const rows: ReplyRow[] = sent.candidates.map((c, i) => ({
      row: i + 2,
      candidateCode: c.candidateCode,
      decision: MANAGER_DECISIONS[i % MANAGER_DECISIONS.length] ?? 'interview',
      interviewDate: i % MANAGER_DECISIONS.length === 0 ? interviewDate : null,
      interviewTime: i % MANAGER_DECISIONS.length === 0 ? '10:00' : null,
      comment: i === 0 ? 'Strong profile, please invite.' : null,
    }));
    const plan = planReply(sent, rows, () => false);
    await shortlists.applyReply({ exportId: recorded.id, fileName: `${division} reply (demo).xlsx`, sha256: '', rows, expected: plan.changes }, actor);
  }

  // Both divisions select that person: a conflict on the Selection page, for the office to settle.
  if (twice) await selection.move({ refs: [twice.a, twice.b], move: 'select', session: 'september', startDate }, actor);
  for (const division of DIVISION_CODES) {
    for (const session of SESSIONS) await selection.setPlaces({ campaignId, division, session, places: PLACES[session] }, actor);
  }
}
