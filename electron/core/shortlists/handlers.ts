import type { RequestContext } from '../context';
import type { HandlerTable, WaitTable } from '../dispatch';
import { exportShortlist } from './export';
import { commitReply, previewReply } from './replies';
import type { ShortlistStore } from './store';

type ShortlistMethod =
  | 'shortlists.list'
  | 'shortlists.create'
  | 'shortlists.get'
  | 'shortlists.arrange'
  | 'shortlists.setNote'
  | 'shortlists.add'
  | 'shortlists.remove'
  | 'shortlists.export'
  | 'shortlists.replyPreview'
  | 'shortlists.replyCommit'
  | 'shortlists.replyCancel';

/** The domain's store on the open database (session.ts builds the stores once per connection). */
function store(ctx: RequestContext): ShortlistStore {
  return ctx.session.open.stores.shortlists;
}

/** Shortlists read triage's stages and screening's verdicts: those settle first. */
export const shortlistWaits: WaitTable<ShortlistMethod> = {
  'shortlists.list': 'background',
  'shortlists.create': 'background',
  'shortlists.get': 'background',
  'shortlists.add': 'background',
  'shortlists.export': 'background',
  'shortlists.replyPreview': 'background',
  'shortlists.replyCommit': 'background',
};

export const shortlistHandlers: HandlerTable<ShortlistMethod> = {
  async 'shortlists.list'({ campaignId }, ctx) {
    return store(ctx).list(campaignId);
  },

  async 'shortlists.create'(request, ctx) {
    const shortlists = store(ctx);
    const id = await shortlists.create(request, ctx.officer);
    ctx.changed('shortlists', { campaignId: request.campaignId });
    const created = (await shortlists.list(request.campaignId)).find((s) => s.id === id);
    if (!created) throw new Error(`Shortlist ${id} vanished after it was made.`);
    return created;
  },

  async 'shortlists.get'({ id }, ctx) {
    return store(ctx).detail(id);
  },

  async 'shortlists.arrange'({ id, refs }, ctx) {
    await store(ctx).arrange(id, refs, ctx.officer);
    return edited(ctx, id);
  },

  async 'shortlists.setNote'({ id, ref, note }, ctx) {
    await store(ctx).setNote(id, ref, note, ctx.officer);
    return edited(ctx, id);
  },

  async 'shortlists.add'({ id, refs }, ctx) {
    await store(ctx).add(id, refs, ctx.officer);
    return edited(ctx, id);
  },

  async 'shortlists.remove'({ id, refs }, ctx) {
    await store(ctx).remove(id, refs, ctx.officer);
    return edited(ctx, id);
  },

  async 'shortlists.export'(request, ctx) {
    const { campaignId, ...result } = await exportShortlist(store(ctx), request, ctx.officer);
    ctx.changed(['shortlists', 'triage'], { campaignId });
    return result;
  },

  async 'shortlists.replyPreview'({ path }, ctx) {
    const open = ctx.session.open;
    // A reply is staged where an import is: the open file's own TEMP tables, or on the office server a scratch database on this computer.
    return previewReply(ctx.replies, store(ctx), { owner: open, staging: () => open.stores.imports.staging(ctx.session.nativeBinding) }, path, ctx.emit);
  },

  async 'shortlists.replyCommit'({ jobId }, ctx) {
    const { campaignId, ...result } = await commitReply(ctx.replies, store(ctx), ctx.session.open, jobId, ctx.officer, ctx.emit);
    ctx.changed(['shortlists', 'triage'], { campaignId, refs: result.changes.map((c) => c.applicationRef) });
    return result;
  },

  'shortlists.replyCancel'({ jobId }, ctx) {
    try {
      ctx.replies.remove(ctx.replies.get(jobId, ctx.session.open));
      return { cancelled: true };
    } catch {
      return { cancelled: false };
    }
  },
};

/** The shortlist as it is after an edit, announced to every window. */
async function edited(ctx: RequestContext, id: number) {
  const detail = await store(ctx).detail(id);
  ctx.changed('shortlists', { campaignId: detail.campaignId });
  return detail;
}
