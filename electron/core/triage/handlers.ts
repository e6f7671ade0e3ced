import type { ServiceContext } from '../context';
import type { HandlerTable, WaitTable } from '../dispatch';
import { applicationsChanged, scheduleSearchIndex, SEARCH_INDEX_TASK } from '../applications/applications-changed';

/** Waits for all screening, and for the search index when the view searches (scheduling it if rows are pending). */
async function readyFor(ctx: ServiceContext, search: string | undefined): Promise<void> {
  await ctx.background.settled();
  if (search && search.trim() !== '') {
    scheduleSearchIndex(ctx);
    await ctx.background.settled(SEARCH_INDEX_TASK);
  }
}

type TriageMethod =
  | 'triage.sidebar'
  | 'triage.list'
  | 'triage.refs'
  | 'triage.detail'
  | 'triage.decide'
  | 'triage.score'
  | 'triage.note'
  | 'triage.undo'
  | 'triage.rubric'
  | 'triage.setRubric'
  | 'triage.facets'
  | 'triage.views'
  | 'triage.saveView'
  | 'triage.deleteView';

/** Triage reads verdicts (screening) and the search index: those settle first, where a method reads them. */
export const triageWaits: WaitTable<TriageMethod> = {
  'triage.sidebar': 'background',
  'triage.list': ({ filter }, ctx) => readyFor(ctx, filter.search),
  'triage.refs': ({ filter }, ctx) => readyFor(ctx, filter.search),
  'triage.detail': 'background',
  'triage.decide': 'background',
  'triage.score': 'background',
  'triage.note': 'background',
  'triage.undo': 'background',
  'triage.facets': 'background',
};

export const triageHandlers: HandlerTable<TriageMethod> = {
  async 'triage.sidebar'({ campaignId }, ctx) {
    return ctx.session.open.stores.triage.sidebar(campaignId, ctx.officer);
  },

  async 'triage.list'({ campaignId, queue, filter, sort, offset, limit, withTotal }, ctx) {
    return ctx.session.open.stores.triage.listQueue(campaignId, queue, filter, sort, offset, limit, withTotal);
  },

  async 'triage.refs'({ campaignId, queue, filter, sort }, ctx) {
    return ctx.session.open.stores.triage.queueRefs(campaignId, queue, filter, sort);
  },

  async 'triage.detail'({ ref }, ctx) {
    const { triage, notices } = ctx.session.open.stores;
    // The person's outcome notices are part of the history the detail shows.
    return { ...(await triage.detail(ref)), notices: await notices.personNotices(ref) };
  },

  async 'triage.decide'(input, ctx) {
    const result = await ctx.session.open.stores.triage.decide(input, ctx.officer);
    if (input.division !== undefined) {
      // The division is a field of the application: screening and search follow it.
      applicationsChanged(ctx, result.campaignId);
    }
    ctx.changed('triage', { campaignId: result.campaignId, refs: input.refs });
    return { actionId: result.actionId, changed: result.changed };
  },

  async 'triage.score'(input, ctx) {
    const result = await ctx.session.open.stores.triage.score(input, ctx.officer);
    ctx.changed('triage', { campaignId: result.campaignId, refs: input.refs });
    return { actionId: result.actionId, changed: result.changed };
  },

  async 'triage.note'(input, ctx) {
    const result = await ctx.session.open.stores.triage.addNote(input, ctx.officer);
    ctx.changed('triage', { campaignId: result.campaignId, refs: [input.ref] });
    return { actionId: result.actionId, changed: result.changed };
  },

  async 'triage.undo'({ campaignId }, ctx) {
    const result = await ctx.session.open.stores.triage.undoLast(campaignId, ctx.officer);
    if (result.kind === 'division') applicationsChanged(ctx, campaignId);
    ctx.changed('triage', { campaignId, refs: result.refs });
    return result;
  },

  async 'triage.rubric'({ campaignId, division }, ctx) {
    return ctx.session.open.stores.triage.rubric(campaignId, division);
  },

  async 'triage.setRubric'({ campaignId, division, criteria }, ctx) {
    const { triage } = ctx.session.open.stores;
    await triage.saveRubric({ campaignId, division, criteria }, ctx.officer);
    ctx.changed('triage', { campaignId });
    return triage.rubric(campaignId, division);
  },

  async 'triage.facets'({ campaignId, queue }, ctx) {
    return ctx.session.open.stores.triage.facets(campaignId, queue);
  },

  async 'triage.views'({ campaignId }, ctx) {
    return ctx.session.open.stores.triage.savedViews(campaignId, ctx.officer);
  },

  async 'triage.saveView'({ campaignId, name, queue, filter, sort, columns }, ctx) {
    const view = await ctx.session.open.stores.triage.saveView({ campaignId, name, view: { queue, filter, sort, columns } }, ctx.officer);
    ctx.changed('triage', { campaignId });
    return view;
  },

  async 'triage.deleteView'({ id }, ctx) {
    const campaignId = await ctx.session.open.stores.triage.deleteView(id, ctx.officer);
    if (campaignId === null) return { deleted: false };
    ctx.changed('triage', { campaignId });
    return { deleted: true };
  },
};
