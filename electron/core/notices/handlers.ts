import { ValidationError } from '../../../shared/api/errors';
import { parseTemplate } from '../../../shared/domain/notice-templates';
import type { RequestContext } from '../context';
import type { HandlerTable, WaitTable } from '../dispatch';
import { prepareNotices } from './prepare';
import { previewNotice } from './render';
import type { NoticeStore } from './store';

type NoticeMethod =
  | 'notices.status'
  | 'notices.templates'
  | 'notices.preview'
  | 'notices.setTemplate'
  | 'notices.setLanguage'
  | 'notices.prepare'
  | 'notices.markSent'
  | 'notices.markBounced'
  | 'notices.markResent';

/** The domain's store on the open database (session.ts builds the stores once per connection). */
function store(ctx: RequestContext): NoticeStore {
  return ctx.session.open.stores.notices;
}

/** Notices read every verdict and decision: screening settles first. */
export const noticeWaits: WaitTable<NoticeMethod> = {
  'notices.status': 'background',
  'notices.preview': 'background',
  'notices.setLanguage': 'background',
  'notices.prepare': 'background',
  'notices.markBounced': 'background',
};

export const noticeHandlers: HandlerTable<NoticeMethod> = {
  async 'notices.status'({ campaignId }, ctx) {
    return store(ctx).summary(campaignId);
  },

  async 'notices.templates'({ campaignId }, ctx) {
    return store(ctx).templates(campaignId);
  },

  async 'notices.preview'({ campaignId, outcome, language, subject, body }, ctx) {
    const person = await store(ctx).examplePerson(campaignId, outcome);
    return previewNotice({ outcome, language, subject, body }, person);
  },

  async 'notices.setTemplate'(request, ctx) {
    const subject = parseTemplate(request.subject, request.outcome);
    const body = parseTemplate(request.body, request.outcome);
    if (!subject.ok || !body.ok) {
      const problems = [...(subject.ok ? [] : subject.problems.map((p) => ({ path: ['subject'], message: p.message }))), ...(body.ok ? [] : body.problems.map((p) => ({ path: ['body', p.index], message: p.message })))];
      throw new ValidationError(`The notice was not saved: ${problems.map((p) => p.message).join(' ')}`, problems, 'TemplateInvalid');
    }
    await store(ctx).setTemplate(request, ctx.officer);
    ctx.changed('notices', { campaignId: request.campaignId });
    return store(ctx).templates(request.campaignId);
  },

  async 'notices.setLanguage'(request, ctx) {
    await store(ctx).setLanguage(request, ctx.officer);
    ctx.changed('notices', { campaignId: request.campaignId });
    return { language: request.language };
  },

  async 'notices.prepare'(request, ctx) {
    const batch = await prepareNotices(store(ctx), request, ctx.officer);
    ctx.changed('notices', { campaignId: request.campaignId });
    return batch;
  },

  async 'notices.markSent'({ batchId, except }, ctx) {
    const { sent, campaignId } = await store(ctx).markSent(batchId, except, ctx.officer);
    ctx.changed('notices', { campaignId });
    return { sent };
  },

  async 'notices.markResent'({ campaignId, applicationIds }, ctx) {
    const result = await store(ctx).markResent(campaignId, applicationIds, ctx.officer);
    ctx.changed('notices', { campaignId });
    return result;
  },

  async 'notices.markBounced'({ campaignId, applicationIds }, ctx) {
    const result = await store(ctx).markBounced(campaignId, applicationIds, ctx.officer);
    ctx.changed('notices', { campaignId });
    return result;
  },
};
