import type { HandlerTable } from '../dispatch';
import { correctApplication } from './corrections';
import { applicationsChanged } from './applications-changed';

export const applicationHandlers: HandlerTable<'application.correct'> = {
  async 'application.correct'(input, ctx) {
    await ctx.background.settled();
    const outcome = correctApplication(ctx.session.open.sqlite, input, ctx.officer);
    if (outcome.changed) {
      // Identity, the limit and every criterion may follow from the corrected value: the campaign is screened again.
      applicationsChanged(ctx, outcome.campaignId);
    }
    return { changed: outcome.changed };
  },
};
