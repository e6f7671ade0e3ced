import type { HandlerTable } from '../dispatch';
import { insertCampaign, listCampaigns, loadCampaign, mergeSettings, readSettings, updateCampaign } from './store';
import { scheduleRescreen } from '../screening/handlers';

export const campaignHandlers: HandlerTable<'campaign.list' | 'campaign.get' | 'campaign.create' | 'campaign.update'> = {
  async 'campaign.list'(_input, ctx) {
    return listCampaigns(ctx.session.open.db);
  },

  async 'campaign.get'({ campaignId }, ctx) {
    return loadCampaign(ctx.session.open.db, campaignId);
  },

  async 'campaign.create'({ name, settings }, ctx) {
    const { db } = ctx.session.open;
    const id = await insertCampaign(db, name, mergeSettings(readSettings('{}'), settings), ctx.officer);
    ctx.changed('campaigns', { campaignId: id });
    return loadCampaign(db, id);
  },

  async 'campaign.update'({ campaignId, name, settings }, ctx) {
    const { db } = ctx.session.open;
    const before = await loadCampaign(db, campaignId);
    const after = { name: name ?? before.name, settings: mergeSettings(before.settings, settings) };
    await updateCampaign(db, campaignId, { name: before.name, settings: before.settings }, after, ctx.officer);
    ctx.changed('campaigns', { campaignId });
    // A rule changed: the whole campaign is screened again.
    if (settings && JSON.stringify(before.settings) !== JSON.stringify(after.settings)) scheduleRescreen(ctx, campaignId);
    return loadCampaign(db, campaignId);
  },
};
