import { Temporal } from 'temporal-polyfill';

/**
 * How long a campaign's personal data is kept: `retentionMonths` after the day the office closed
 * the campaign (24 unless it says otherwise). An open campaign is never due. Month arithmetic as a
 * calendar does it: 31 August + 6 months is the last day of February.
 */
export const DEFAULT_RETENTION_MONTHS = 24;

export function purgeDueOn(closedOn: string | null, retentionMonths: number): string | null {
  if (closedOn === null) return null;
  return Temporal.PlainDate.from(closedOn).add({ months: retentionMonths }).toString();
}

/** Whether the retention has passed on `today` (YYYY-MM-DD): the purge is due from its last day on. */
export function isPurgeDue(closedOn: string | null, retentionMonths: number, today: string): boolean {
  const due = purgeDueOn(closedOn, retentionMonths);
  return due !== null && Temporal.PlainDate.compare(Temporal.PlainDate.from(today), Temporal.PlainDate.from(due)) >= 0;
}
