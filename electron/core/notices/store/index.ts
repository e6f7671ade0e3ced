import type { NoticeSummary, NoticeTemplates } from '../../../../shared/api/notices';
import type { PersonNoticeView } from '../../../../shared/api/triage';
import type { NoticeOutcome } from '../../../../shared/domain/notice-outcome';
import type { SqliteDatabase } from '../../../../db/connection';
import type { Synchronous } from '../../synchronous-store';
import type { Person } from './people';
import { sqliteNotices } from './sqlite-notices';

export type { NoticeApplication, Person } from './people';

/**
 * The notices' store: each method one read or one transaction. SQLite-only constructs are named in
 * sqlite-notices.ts. What a person is owed is decided by shared/domain/notice-outcome.ts, which
 * every implementation calls.
 */
export interface NoticeStore {
  people(campaignId: number): Promise<Person[]>;
  /** A person whose applications give this outcome, to preview a notice on, or null when nobody's do. */
  examplePerson(campaignId: number, outcome: NoticeOutcome): Promise<Person | null>;
  /** The notices of the person an application belongs to, newest first, superseded ones said so at once. */
  personNotices(ref: number): Promise<PersonNoticeView[]>;
  summary(campaignId: number): Promise<NoticeSummary>;
  /** People owed a notice, per day they have been owed since (oldest first). */
  owedSince(campaignId: number): Promise<{ day: string; count: number }[]>;
  templates(campaignId: number): Promise<NoticeTemplates>;
  setTemplate(request: { campaignId: number; outcome: NoticeOutcome; language: 'en' | 'fr'; subject: string; body: string }, actor: string): Promise<void>;
  setLanguage(request: { campaignId: number; applicationId: string; language: 'en' | 'fr' }, actor: string): Promise<void>;
  prepare(campaignId: number, outcome: NoticeOutcome, format: 'eml' | 'csv', actor: string): Promise<{ batchId: number | null; people: (Person & { noticeId: number })[] }>;
  forgetBatch(batchId: number): Promise<void>;
  markSent(batchId: number, except: readonly string[], actor: string): Promise<{ sent: number; campaignId: number }>;
  markBounced(campaignId: number, applicationIds: readonly string[], actor: string): Promise<{ bounced: number; notFound: string[] }>;
  markResent(campaignId: number, applicationIds: readonly string[], actor: string): Promise<{ resent: number; notFound: string[] }>;
}

export function sqliteNoticeStore(sqlite: SqliteDatabase): Synchronous<NoticeStore> {
  const notices = sqliteNotices(sqlite);
  return {
    people: (campaignId) => notices.people(campaignId),
    examplePerson: (campaignId, outcome) => notices.examplePerson(campaignId, outcome),
    personNotices: (ref) => notices.personNotices(ref),
    summary: (campaignId) => notices.summary(campaignId),
    owedSince: (campaignId) => notices.owedSince(campaignId),
    templates: (campaignId) => notices.templates(campaignId),
    setTemplate: (request, actor) => notices.setTemplate(request, actor),
    setLanguage: (request, actor) => notices.setLanguage(request, actor),
    prepare: (campaignId, outcome, format, actor) => notices.prepare(campaignId, outcome, format, actor),
    forgetBatch: (batchId) => notices.forgetBatch(batchId),
    markSent: (batchId, except, actor) => notices.markSent(batchId, except, actor),
    markBounced: (campaignId, applicationIds, actor) => notices.markBounced(campaignId, applicationIds, actor),
    markResent: (campaignId, applicationIds, actor) => notices.markResent(campaignId, applicationIds, actor),
  };
}
