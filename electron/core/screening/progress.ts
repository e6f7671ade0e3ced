import type { ProgressEvent } from '../../../shared/api/contract';
import type { ServiceContext } from '../context';

/**
 * A campaign's re-screening, as progress every window sees: this workstation's and, on the office
 * server, every other one's (announced through the change feed: campaign-wide work runs on one
 * workstation for all). Said at most every tenth of the campaign (and at least every 5,000
 * applications), so the server's channel carries a dozen notes per run, not one per application.
 */

/** How many applications between two notes of progress. */
export function progressStep(total: number): number {
  return Math.min(5_000, Math.max(1, Math.ceil(total / 10)));
}

export function screeningProgressEvent(campaignId: number, done: number, total: number): ProgressEvent {
  return { type: 'progress', job: 'screening', jobId: String(campaignId), phase: 'screening', done, total };
}

/** Tells every window here and on the other workstations. */
export function tellScreeningProgress(ctx: Pick<ServiceContext, 'emit' | 'session'>, campaignId: number, done: number, total: number): void {
  const event = screeningProgressEvent(campaignId, done, total);
  ctx.emit(event);
  ctx.session.open.announce(event);
}

/** The run's progress callback: notes at the start and every step; the end is said once the results are stored. */
export function screeningProgress(ctx: Pick<ServiceContext, 'emit' | 'session'>, campaignId: number): (done: number, total: number) => void {
  return (done, total) => {
    if (done % progressStep(total) === 0) tellScreeningProgress(ctx, campaignId, done, total);
  };
}
