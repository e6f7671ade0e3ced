import type { RequestContext } from '../context';
import type { HandlerTable } from '../dispatch';
import { scheduleRescreen } from '../screening/handlers';
import type { CampaignStore } from './store';
import { mergeSettings, readSettings } from './settings';

/** The domain's store on the open database. */
function store(ctx: RequestContext): CampaignStore {
  return ctx.session.open.stores.campaigns;
}

export const campaignHandlers: HandlerTable<'campaign.list' | 'campaign.get' | 'campaign.create' | 'campaign.update'> = {
  async 'campaign.list'(_input, ctx) {
    return store(ctx).list();
  },

  async 'campaign.get'({ campaignId }, ctx) {
    return store(ctx).load(campaignId);
  },

  async 'campaign.create'({ name, settings }, ctx) {
    const campaigns = store(ctx);
    const id = await campaigns.insert(name, mergeSettings(readSettings('{}'), settings), ctx.officer);
    ctx.changed('campaigns', { campaignId: id });
    return campaigns.load(id);
  },

  async 'campaign.update'({ campaignId, name, settings }, ctx) {
    const campaigns = store(ctx);
    const before = await campaigns.load(campaignId);
    const after = { name: name ?? before.name, settings: mergeSettings(before.settings, settings) };
    await campaigns.update(campaignId, { name: before.name, settings: before.settings }, after, ctx.officer);
    ctx.changed('campaigns', { campaignId });
    // A rule changed: the whole campaign is screened again.
    if (settings && JSON.stringify(before.settings) !== JSON.stringify(after.settings)) scheduleRescreen(ctx, campaignId);
    return campaigns.load(campaignId);
  },
};
