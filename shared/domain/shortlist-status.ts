import { Temporal } from 'temporal-polyfill';
import { brusselsDate } from './datetime';

/**
 * Where a shortlist stands with its hiring manager, as the office asks it: "sent 6 days ago,
 * awaiting reply", "reply overdue by 2 days". Days are counted in Brussels, where the programme
 * runs, whatever the computer's clock zone.
 */
export type ShortlistStatus =
  | { kind: 'draft' }
  | { kind: 'awaiting'; sentDaysAgo: number; replyBy: string; daysLeft: number }
  | { kind: 'overdue'; sentDaysAgo: number; replyBy: string; daysOverdue: number }
  | { kind: 'replied'; repliedDaysAgo: number }
  | { kind: 'closed' };

interface StatusSource {
  state: 'draft' | 'sent' | 'replied' | 'closed';
  lastExport: { at: string; replyBy: string } | null;
  lastReply: { at: string } | null;
}

function daysBetween(fromDate: string, toDate: string): number {
  return Temporal.PlainDate.from(fromDate).until(Temporal.PlainDate.from(toDate), { largestUnit: 'days' }).days;
}

/** `now`: an ISO instant (the moment the page is drawn). */
export function shortlistStatus(list: StatusSource, now: string): ShortlistStatus {
  const today = brusselsDate(now);
  if (list.state === 'closed') return { kind: 'closed' };
  if (list.state === 'replied' && list.lastReply) return { kind: 'replied', repliedDaysAgo: Math.max(0, daysBetween(brusselsDate(list.lastReply.at), today)) };
  if (list.state === 'draft' || !list.lastExport) return { kind: 'draft' };
  const sentDaysAgo = Math.max(0, daysBetween(brusselsDate(list.lastExport.at), today));
  const { replyBy } = list.lastExport;
  const daysLeft = daysBetween(today, replyBy);
  return daysLeft < 0 ? { kind: 'overdue', sentDaysAgo, replyBy, daysOverdue: -daysLeft } : { kind: 'awaiting', sentDaysAgo, replyBy, daysLeft };
}

/** `days` after `today` ("YYYY-MM-DD"), moved off a weekend to the Monday: the reply date offered when sending, the demo's dates. */
export function weekdayAfter(today: string, days: number): string {
  const date = Temporal.PlainDate.from(today).add({ days });
  const weekend = date.dayOfWeek - 5;
  return (weekend > 0 ? date.add({ days: 3 - weekend }) : date).toString();
}
