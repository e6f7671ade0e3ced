import type { ServiceContext } from '../context';
import { scheduleRescreen } from './screening';
import { scheduleSearchIndex } from './triage';

/**
 * What follows a change of a campaign's applications (an import, demo data, a correction), after
 * the request has answered: the campaign is screened again and the search index catches up.
 */
export function applicationsChanged(ctx: ServiceContext, campaignId: number): void {
  scheduleRescreen(ctx, campaignId);
  scheduleSearchIndex(ctx);
}
