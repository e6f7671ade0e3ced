import type { HandlerTable, WaitTable } from '../dispatch';
import { applicationsChanged } from './applications-changed';

/** A correction changes what screening read: earlier work settles first. */
export const applicationWaits: WaitTable<'application.correct'> = { 'application.correct': 'background' };

export const applicationHandlers: HandlerTable<'application.correct'> = {
  async 'application.correct'(input, ctx) {
    const outcome = await ctx.session.open.stores.applications.correct(input, ctx.officer);
    if (outcome.changed) {
      // Identity, the limit and every criterion may follow from the corrected value: the campaign is screened again.
      applicationsChanged(ctx, outcome.campaignId);
    }
    return { changed: outcome.changed };
  },
};
