import { brusselsLocalToInstant } from '../../../shared/domain/datetime';
import { nextStep } from '../../../shared/domain/season-progress';
import { UNASSIGNED_QUEUE } from '../../../shared/domain/stages';
import type { HandlerTable } from '../dispatch';
import { screeningUnderWay } from '../screening/handlers';

export const overviewHandlers: HandlerTable<'overview.get'> = {
  async 'overview.get'({ campaignId }, ctx) {
    // Never waits for screening: after a large import the figures show at once, with screening
    // under way, and its end refreshes them (a change event).
    const underWay = await screeningUnderWay(ctx, campaignId);
    const { stores } = ctx.session.open;
    const campaign = await stores.campaigns.load(campaignId);
    const figures = await stores.overview.figures(campaignId, brusselsLocalToInstant(campaign.settings.natoFundedDeadline), underWay);
    // The queues of the divisions the office triages (the officer's own count is not used here).
    const divisions = (await stores.triage.sidebar(campaignId, '')).queues;
    return {
      campaignId,
      campaignName: campaign.name,
      ...figures,
      divisions,
      nextStep: nextStep(figures.applications, figures.verdicts, divisions, UNASSIGNED_QUEUE),
    };
  },
};
