import { sql } from 'kysely';
import type { HandlerTable } from '../dispatch';
import { writeAudit } from '../audit/audit-log';
import { loadCampaign, mergeSettings, readSettings } from './store';
import { scheduleRescreen } from '../screening/handlers';

export const campaignHandlers: HandlerTable<'campaign.list' | 'campaign.get' | 'campaign.create' | 'campaign.update'> = {
  async 'campaign.list'(_input, ctx) {
    const { db } = ctx.session.open;
    const rows = await db
      .selectFrom('campaigns as c')
      .select(['c.id', 'c.name', 'c.createdAt'])
      .select((eb) =>
        eb.selectFrom('applications as a').select(sql<number>`count(*)`.as('n')).whereRef('a.campaignId', '=', 'c.id').as('applicationCount'),
      )
      .orderBy('c.id')
      .execute();
    return rows.map((r) => ({ ...r, applicationCount: Number(r.applicationCount ?? 0) }));
  },

  async 'campaign.get'({ campaignId }, ctx) {
    return loadCampaign(ctx.session.open.db, campaignId);
  },

  async 'campaign.create'({ name, settings }, ctx) {
    const { db } = ctx.session.open;
    const full = mergeSettings(readSettings('{}'), settings);
    const now = new Date().toISOString();
    const id = await db.transaction().execute(async (trx) => {
      const row = await trx
        .insertInto('campaigns')
        .values({ name, settingsJson: JSON.stringify(full), createdAt: now, updatedAt: now })
        .returning('id')
        .executeTakeFirstOrThrow();
      await writeAudit(trx, { campaignId: row.id, actor: ctx.officer, action: 'campaign.create', details: { name, settings: full } });
      return row.id;
    });
    ctx.emit({ type: 'changed', scope: 'campaign', campaignId: id });
    return loadCampaign(db, id);
  },

  async 'campaign.update'({ campaignId, name, settings }, ctx) {
    const { db } = ctx.session.open;
    const before = await loadCampaign(db, campaignId);
    const after = { name: name ?? before.name, settings: mergeSettings(before.settings, settings) };
    await db.transaction().execute(async (trx) => {
      await trx
        .updateTable('campaigns')
        .set({ name: after.name, settingsJson: JSON.stringify(after.settings), updatedAt: new Date().toISOString() })
        .where('id', '=', campaignId)
        .execute();
      await writeAudit(trx, {
        campaignId,
        actor: ctx.officer,
        action: 'campaign.update',
        details: { before: { name: before.name, settings: before.settings }, after },
      });
    });
    ctx.emit({ type: 'changed', scope: 'campaign', campaignId });
    // A rule changed: the whole campaign is screened again.
    if (settings && JSON.stringify(before.settings) !== JSON.stringify(after.settings)) scheduleRescreen(ctx, campaignId);
    return loadCampaign(db, campaignId);
  },
};
