import type { RequestContext } from '../context';
import type { HandlerTable, WaitTable } from '../dispatch';
import { noticeLanguage } from '../../../shared/domain/notice-outcome';
import { emailDraft } from '../files/email-draft';
import { writeOutputs } from '../files/output';
import { writeAudit } from '../audit/audit-log';
import { invitationText } from './invitation-text';
import type { SelectionStore } from './store';

type SelectionMethod = 'selection.move' | 'selection.places' | 'selection.setPlaces' | 'selection.conflicts' | 'selection.resolveConflict' | 'selection.invitations';

/** The domain's store on the open database (session.ts builds the stores once per connection). */
function store(ctx: RequestContext): SelectionStore {
  return ctx.session.open.stores.selection;
}

/** Selection reads screening's identity groups (who is the same person): screening settles first. */
export const selectionWaits: WaitTable<SelectionMethod> = {
  'selection.move': 'background',
  'selection.conflicts': 'background',
  'selection.resolveConflict': 'background',
};

export const selectionHandlers: HandlerTable<SelectionMethod> = {
  async 'selection.move'(request, ctx) {
    const { campaignId, ...result } = await store(ctx).move(request, ctx.officer);
    ctx.changed('triage', { campaignId, refs: [...request.refs, ...result.withdrawnElsewhere] });
    return result;
  },

  async 'selection.places'({ campaignId }, ctx) {
    return store(ctx).places(campaignId);
  },

  async 'selection.setPlaces'(request, ctx) {
    await store(ctx).setPlaces(request, ctx.officer);
    ctx.changed('campaigns', { campaignId: request.campaignId });
    return store(ctx).places(request.campaignId);
  },

  async 'selection.conflicts'({ campaignId }, ctx) {
    return store(ctx).conflicts(campaignId);
  },

  async 'selection.invitations'({ refs, contact, target }, ctx) {
    const invitees = await store(ctx).invitees(refs);
    const drafts = await Promise.all(
      invitees
        .filter((i) => i.email.trim() !== '')
        .map(async (i) => {
          const language = noticeLanguage(i);
          const { subject, text } = invitationText({ ...i, date: i.date ?? '', contact }, language);
          return emailDraft({ to: [{ name: `${i.firstName} ${i.lastName}`, address: i.email.trim() }], subject, text, language }, `${i.lastName} ${i.firstName} - interview.eml`);
        }),
    );
    const file = await writeOutputs(target, drafts, 'Interview invitations');
    // Applicants' names and addresses leave Cohort: the audit log says which files and for how many people.
    await writeAudit(ctx.session.open.db, { campaignId: invitees[0]?.campaignId ?? null, actor: ctx.officer, action: 'selection.invitations', details: { file: file.kind === 'download' ? file.fileName : file.kind === 'saved' ? file.fileName : file.path, people: drafts.length } });
    return { file, drafted: drafts.length, withoutAddress: invitees.filter((i) => i.email.trim() === '').map((i) => i.applicationId) };
  },

  async 'selection.resolveConflict'(request, ctx) {
    const { campaignId, ...result } = await store(ctx).resolveConflict(request, ctx.officer);
    ctx.changed('triage', { campaignId });
    return result;
  },
};
