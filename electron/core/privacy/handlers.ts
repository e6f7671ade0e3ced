import { ConflictError, NotFoundError, ValidationError } from '../../../shared/api/errors';
import type { RetentionState, SubjectAccessRecord } from '../../../shared/api/privacy';
import { reasonMentions } from '../../../shared/domain/erasure-reason';
import { isPurgeDue, purgeDueOn } from '../../../shared/domain/retention';
import type { RequestContext } from '../context';
import type { HandlerTable, WaitTable } from '../dispatch';
import { writeOutput } from '../files/output';
import { applicationsChanged } from '../applications/applications-changed';
import { finishOwed } from './finish';
import type { PersonIdentity, PrivacyStore } from './store';

type PrivacyMethod =
  | 'privacy.findPerson'
  | 'privacy.personData'
  | 'privacy.exportPerson'
  | 'privacy.erasePerson'
  | 'privacy.retention'
  | 'privacy.setRetention'
  | 'privacy.purgeCampaign';

function store(ctx: RequestContext): PrivacyStore {
  return ctx.session.open.stores.privacy;
}

/** Erasure and purge keep the report's facts, which count verdicts: screening settles first. */
export const privacyWaits: WaitTable<PrivacyMethod> = {
  'privacy.erasePerson': 'background',
  'privacy.purgeCampaign': 'background',
};

const EVERYTHING = ['applications', 'triage', 'shortlists', 'notices', 'campaigns'] as const;

async function identity(ctx: RequestContext, campaignId: number, applicationId: string): Promise<PersonIdentity> {
  const found = await store(ctx).identityOf(campaignId, applicationId);
  if (!found) throw new NotFoundError(`This campaign has no application "${applicationId.trim()}". Check the Application ID (as in the export, e.g. NIP-2026-00005-1).`, 'ApplicationNotFound');
  return found;
}

async function record(ctx: RequestContext, campaignId: number, applicationId: string): Promise<SubjectAccessRecord> {
  const { person, tables } = await store(ctx).subjectAccess(await identity(ctx, campaignId, applicationId));
  return { generatedAt: new Date().toISOString(), language: person.language, person, tables };
}

function rowsIn(access: SubjectAccessRecord): number {
  return access.tables.reduce((sum, t) => sum + t.rows.length, 0);
}

function today(): string {
  return new Date().toISOString().slice(0, 10);
}

async function retentionState(ctx: RequestContext, campaignId: number): Promise<RetentionState> {
  const row = await store(ctx).retention(campaignId);
  return {
    campaignId,
    ...row,
    purgeDueOn: purgeDueOn(row.closedOn, row.retentionMonths),
    due: isPurgeDue(row.closedOn, row.retentionMonths, today()),
  };
}

export const privacyHandlers: HandlerTable<PrivacyMethod> = {
  async 'privacy.findPerson'({ campaignId, applicationId }, ctx) {
    return (await store(ctx).subjectAccess(await identity(ctx, campaignId, applicationId))).person;
  },

  async 'privacy.personData'({ campaignId, applicationId, forExport }, ctx) {
    const access = await record(ctx, campaignId, applicationId);
    if (forExport) {
      await store(ctx).audit(
        { campaignId, actor: ctx.officer, action: 'privacy.subjectAccess', subject: applicationId.trim(), details: { format: 'pdf', people: 1, tables: access.tables.length, rows: rowsIn(access) } },
        access.generatedAt,
      );
    }
    return access;
  },

  async 'privacy.exportPerson'({ campaignId, applicationId, target }, ctx) {
    const access = await record(ctx, campaignId, applicationId);
    const fileName = `${access.language === 'fr' ? 'données personnelles' : 'personal data'} ${applicationId.trim()}.json`;
    const file = writeOutput(target, { fileName, mediaType: 'application/json', bytes: new TextEncoder().encode(`${JSON.stringify(access, null, 2)}\n`) });
    await store(ctx).audit(
      { campaignId, actor: ctx.officer, action: 'privacy.subjectAccess', subject: applicationId.trim(), details: { format: 'json', file: fileName, people: 1, tables: access.tables.length, rows: rowsIn(access) } },
      access.generatedAt,
    );
    return { file, tables: access.tables.length, rows: rowsIn(access) };
  },

  async 'privacy.erasePerson'({ campaignId, applicationId, reason }, ctx) {
    const who = await identity(ctx, campaignId, applicationId);
    const { tables } = await store(ctx).subjectAccess(who);
    const applications = tables.find((t) => t.table === 'applications')?.rows ?? [];
    const text = (v: unknown) => (typeof v === 'string' ? v : '');
    const named = reasonMentions(reason, {
      names: applications.flatMap((a) => [text(a.first_name), text(a.last_name)]),
      identifiers: [...applications.flatMap((a) => [text(a.application_id), text(a.candidate_id), text(a.email), text(a.date_of_birth), text(a.date_of_birth_parsed)])],
    });
    if (named.length > 0) {
      throw new ValidationError('The reason names the person; it stays in the audit log after their data is gone. Say why without their name, e-mail, IDs or date of birth (e.g. "request by e-mail of 3 March").', [
        { path: ['reason'], message: 'The reason must not name the person.' },
      ]);
    }
    const at = new Date().toISOString();
    const { erased, owed } = await store(ctx).erasePerson(
      who,
      { campaignId, actor: ctx.officer, action: 'privacy.erase', details: { reason, applications: applications.length, campaigns: new Set(applications.map((a) => a.campaign_id)).size } },
      at,
    );
    ctx.changed([...EVERYTHING]);
    // Screening follows (an application fewer may change another's limit), and the search index.
    for (const campaign of new Set(erased.map((e) => e.campaignId))) applicationsChanged(ctx, campaign);
    const { backups, wal } = await finishOwed(ctx, owed);
    ctx.changed('backups');
    return { erased: erased.map(({ applicationId: id, campaignName }) => ({ applicationId: id, campaignName })), auditId: owed.auditId ?? 0, backups, wal };
  },

  async 'privacy.retention'({ campaignId }, ctx) {
    return retentionState(ctx, campaignId);
  },

  async 'privacy.setRetention'({ campaignId, closedOn, retentionMonths }, ctx) {
    const current = await store(ctx).retention(campaignId);
    const next = { closedOn: closedOn === undefined ? current.closedOn : closedOn, retentionMonths: retentionMonths ?? current.retentionMonths };
    await store(ctx).setRetention(campaignId, next.closedOn, next.retentionMonths, { campaignId, actor: ctx.officer, action: 'privacy.retention', details: next }, new Date().toISOString());
    ctx.changed('campaigns');
    return retentionState(ctx, campaignId);
  },

  async 'privacy.purgeCampaign'({ campaignId, beforeDue }, ctx) {
    const state = await retentionState(ctx, campaignId);
    if (!state.due && !beforeDue) {
      throw new ConflictError(
        state.purgeDueOn === null
          ? 'This campaign is still open: its personal data is kept until the retention after its closing has passed. Close the campaign first, or confirm that the data must go now.'
          : `This campaign's personal data is kept until ${state.purgeDueOn}. Confirm that it must go before then.`,
        'PurgeNotDue',
        { purgeDueOn: state.purgeDueOn },
      );
    }
    const at = new Date().toISOString();
    const progress = (phase: string, done: number, total: number) => ctx.emit({ type: 'progress', job: 'purge', phase, done, total });
    const { applications, owed } = await store(ctx).purgeCampaign(campaignId, { campaignId, actor: ctx.officer, action: 'privacy.purge', details: { beforeDue: !state.due } }, at, progress);
    ctx.changed([...EVERYTHING]);
    applicationsChanged(ctx, campaignId);
    const { backups, wal } = await finishOwed(ctx, owed);
    ctx.changed('backups');
    return { campaignId, applications, backups, wal };
  },
};
