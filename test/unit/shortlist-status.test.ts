import { describe, expect, it } from 'vitest';
import { weekdayAfter, shortlistStatus } from '../../shared/domain/shortlist-status';

const sent = (at: string, replyBy: string) => ({ state: 'sent' as const, lastExport: { at, replyBy }, lastReply: null });

describe('where a shortlist stands with its hiring manager', () => {
  it('counts the days since sending and those left to reply, in Brussels days', () => {
    // Sent at 23:30 UTC on 1 March: already 2 March in Brussels.
    expect(shortlistStatus(sent('2027-03-01T23:30:00.000Z', '2027-03-16'), '2027-03-08T09:00:00.000Z')).toEqual({ kind: 'awaiting', sentDaysAgo: 6, replyBy: '2027-03-16', daysLeft: 8 });
  });

  it('is due on the reply date itself, and overdue from the next day', () => {
    expect(shortlistStatus(sent('2027-03-01T09:00:00.000Z', '2027-03-16'), '2027-03-16T20:00:00.000Z')).toMatchObject({ kind: 'awaiting', daysLeft: 0 });
    expect(shortlistStatus(sent('2027-03-01T09:00:00.000Z', '2027-03-16'), '2027-03-18T08:00:00.000Z')).toMatchObject({ kind: 'overdue', daysOverdue: 2 });
  });

  it('says a draft, a reply received and a closed list for what they are', () => {
    expect(shortlistStatus({ state: 'draft', lastExport: null, lastReply: null }, '2027-03-08T09:00:00.000Z')).toEqual({ kind: 'draft' });
    expect(shortlistStatus({ state: 'replied', lastExport: { at: '2027-03-01T09:00:00.000Z', replyBy: '2027-03-05' }, lastReply: { at: '2027-03-07T10:00:00.000Z' } }, '2027-03-08T09:00:00.000Z')).toEqual({ kind: 'replied', repliedDaysAgo: 1 });
    expect(shortlistStatus({ state: 'closed', lastExport: null, lastReply: null }, '2027-03-08T09:00:00.000Z')).toEqual({ kind: 'closed' });
  });
});

describe('the reply date offered when sending', () => {
  it('is two weeks on, moved from a weekend to the Monday after', () => {
    expect(weekdayAfter('2027-03-01', 14)).toBe('2027-03-15'); // a Monday stays
    expect(weekdayAfter('2027-03-06', 14)).toBe('2027-03-22'); // Saturday 20 → Monday 22
    expect(weekdayAfter('2027-03-07', 14)).toBe('2027-03-22'); // Sunday 21 → Monday 22
  });
});
