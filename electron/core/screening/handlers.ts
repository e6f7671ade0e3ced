import type { ServiceContext } from '../context';
import { changedEvent } from '../changes';
import { processOfficer } from '../app/officer';
import type { HandlerTable, WaitTable } from '../dispatch';
import { listDuplicates } from './duplicates';
import { screenAndStore, settingsImpact } from './run';
import { mergeSettings } from '../campaigns/settings';

const screeningKey = (campaignId: number) => `screen:${campaignId}`;

/**
 * Asks for a campaign to be screened again after the current request has answered: an import or a
 * demo load returns at once, and the windows hear of the new verdicts by a change event.
 */
export function scheduleRescreen(ctx: ServiceContext, campaignId: number): void {
  ctx.background.schedule(screeningKey(campaignId), () => rescreen(ctx, campaignId));
}

/**
 * Schedules the screening of every campaign that owes one (see store/sqlite-owed.ts): on opening a
 * database, after a crash or a kill left one owed, or after another program changed it.
 */
export async function resumeOwedScreening(ctx: ServiceContext): Promise<void> {
  for (const campaignId of await ctx.session.open.stores.screening.campaignsOwing()) scheduleRescreen(ctx, campaignId);
}

/** Whether a campaign's results do not follow its data yet; if so, its screening is scheduled (once). */
export async function screeningUnderWay(ctx: ServiceContext, campaignId: number): Promise<boolean> {
  const owed = await ctx.session.open.stores.screening.isOwed(campaignId);
  if (owed) scheduleRescreen(ctx, campaignId);
  return owed;
}

/** Resolves once a campaign's results follow its data, screening it first if it owes one. */
async function screeningSettled(ctx: ServiceContext, campaignId: number): Promise<void> {
  await screeningUnderWay(ctx, campaignId);
  await ctx.background.settled(screeningKey(campaignId));
}

/** Screens a campaign and tells the windows. */
export async function rescreen(ctx: ServiceContext, campaignId: number) {
  const { stores } = ctx.session.open;
  // Read before the settings and the applications: a change made after it keeps the campaign owed.
  const owed = await stores.screening.owedCount(campaignId);
  const campaign = await stores.campaigns.load(campaignId);
  const result = await screenAndStore(stores.screening, campaignId, campaign.settings, processOfficer(ctx), { owed });
  if (result.changed > 0) ctx.emit(changedEvent('applications', { campaignId }));
  return result;
}

type ScreeningMethod =
  | 'screening.run'
  | 'screening.list'
  | 'screening.detail'
  | 'screening.override'
  | 'screening.lines'
  | 'screening.previewSettings'
  | 'screening.duplicates'
  | 'screening.decideDuplicate';

/** What each screening method waits for: the campaign's screening, so it reads results that follow every change. */
export const screeningWaits: WaitTable<ScreeningMethod> = {
  'screening.duplicates': ({ campaignId }, ctx) => screeningSettled(ctx, campaignId),
  'screening.decideDuplicate': 'background',
  'screening.previewSettings': ({ campaignId }, ctx) => screeningSettled(ctx, campaignId),
  // Only what is already under way: this request screens the campaign itself.
  'screening.run': async ({ campaignId }, ctx) => ctx.background.settled(screeningKey(campaignId)),
  // A re-screen asked for by the last import answers this request, not the one before it.
  'screening.list': ({ campaignId }, ctx) => screeningSettled(ctx, campaignId),
  'screening.detail': 'background',
  'screening.override': 'background',
  'screening.lines': ({ campaignId }, ctx) => screeningSettled(ctx, campaignId),
};

export const screeningHandlers: HandlerTable<ScreeningMethod> = {
  async 'screening.duplicates'({ campaignId }, ctx) {
    return listDuplicates(ctx.session.open.stores.screening, campaignId);
  },

  async 'screening.decideDuplicate'({ a, b, decision }, ctx) {
    const outcome = await ctx.session.open.stores.screening.decideDuplicate({ a, b }, decision, ctx.officer);
    // A confirmed pair is one person: the application limit counts them together from now on.
    if (outcome.rescreen) scheduleRescreen(ctx, outcome.campaignId);
    ctx.changed('applications', { campaignId: outcome.campaignId });
    return { decided: true };
  },

  async 'screening.previewSettings'({ campaignId, settings }, ctx) {
    const { stores } = ctx.session.open;
    const campaign = await stores.campaigns.load(campaignId);
    return settingsImpact(stores.screening, campaignId, mergeSettings(campaign.settings, settings));
  },

  async 'screening.run'({ campaignId }, ctx) {
    return rescreen(ctx, campaignId);
  },

  async 'screening.list'(query, ctx) {
    return ctx.session.open.stores.screening.page(query);
  },

  async 'screening.detail'({ ref }, ctx) {
    const { screening, notices } = ctx.session.open.stores;
    // The person's outcome notices are part of the history the detail shows.
    return { ...(await screening.detail(ref)), notices: await notices.personNotices(ref) };
  },

  async 'screening.override'(input, ctx) {
    const campaigns = await ctx.session.open.stores.screening.overrideVerdicts(input, ctx.officer);
    for (const campaignId of campaigns) ctx.changed('applications', { campaignId });
    return { overridden: input.refs.length };
  },

  async 'screening.lines'({ campaignId }, ctx) {
    return ctx.session.open.stores.screening.lines(campaignId);
  },
};
