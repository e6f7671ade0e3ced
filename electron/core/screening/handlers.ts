import type { ServiceContext } from '../context';
import { changedEvent } from '../changes';
import { processOfficer } from '../app/officer';
import type { HandlerTable, WaitTable } from '../dispatch';
import { listDuplicates } from './duplicates';
import { screenAndStore, settingsImpact, storedSummary, type ScreeningRunResult } from './run';
import { screeningProgress, tellScreeningProgress } from './progress';
import { mergeSettings } from '../campaigns/settings';

const screeningKey = (campaignId: number) => `screen:${campaignId}`;

/**
 * Asks for a campaign to be screened again after the current request has answered: an import or a
 * demo load returns at once, and the windows hear of the new verdicts by a change event.
 */
export function scheduleRescreen(ctx: ServiceContext, campaignId: number): void {
  // Only if still owed when it starts: asked again while a run was under way, the run may have
  // followed the change already (or another workstation's did).
  ctx.background.schedule(screeningKey(campaignId), () => rescreen(ctx, campaignId, { whenOwed: true }));
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

/**
 * Screens a campaign and tells the windows, here and on the other workstations. On the office
 * server one workstation screens a campaign at a time (team/campaign-work.ts): one that had to wait
 * for another's run screens again only if a change came after that run; otherwise the results are
 * current, and it answers with what is stored. `whenOwed`: the same for a run scheduled after a
 * change (screening owed counts every change that matters: a run that is not owed has nothing to do).
 */
export async function rescreen(ctx: ServiceContext, campaignId: number, options: { whenOwed?: boolean } = {}): Promise<ScreeningRunResult> {
  const { stores, campaignWork } = ctx.session.open;
  return campaignWork.once('screening', campaignId, async (ranElsewhere) => {
    if ((ranElsewhere || options.whenOwed) && !(await stores.screening.isOwed(campaignId))) return storedSummary(await stores.screening.storedResults(campaignId));
    // Read before the settings and the applications: a change made after it keeps the campaign owed.
    const owed = await stores.screening.owedCount(campaignId);
    const campaign = await stores.campaigns.load(campaignId);
    const result = await screenAndStore(stores.screening, campaignId, campaign.settings, processOfficer(ctx), { owed, progress: screeningProgress(ctx, campaignId) });
    tellScreeningProgress(ctx, campaignId, result.screened, result.screened);
    if (result.changed > 0) {
      const event = changedEvent('applications', { campaignId });
      ctx.emit(event);
      // The other workstations' windows show these verdicts too.
      ctx.session.open.announce(event);
    }
    return result;
  });
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
