import type { ServiceContext } from '../context';
import { changedEvent } from '../changes';
import { updateSearchIndex } from '../triage/search-index';
import { scheduleRescreen } from '../screening/handlers';

/** The background task that brings the full-text index up to date; searches wait for it. */
export const SEARCH_INDEX_TASK = 'search-index';

/** Brings the full-text index up to date after the request answers. */
export function scheduleSearchIndex(ctx: ServiceContext): void {
  ctx.background.schedule(SEARCH_INDEX_TASK, () => updateSearchIndex(ctx.session.open.stores.triage));
}

/**
 * What follows a change of a campaign's applications (an import, demo data, a correction, a
 * division given in triage): the windows hear of it, and after the request has answered the
 * campaign is screened again and the search index catches up. That screening is owed is recorded
 * by the database itself, in the change's own transaction (db/migrations/0007_screening_owed.ts):
 * scheduling here only does it now; a crash before it runs is repaired when the database is next
 * opened (resumeOwedScreening).
 */
export function applicationsChanged(ctx: ServiceContext, campaignId: number): void {
  scheduleRescreen(ctx, campaignId);
  scheduleSearchIndex(ctx);
  ctx.emit(changedEvent('applications', { campaignId }));
}
