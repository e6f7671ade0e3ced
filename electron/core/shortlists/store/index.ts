import type { ShortlistDetail, ShortlistExportRecord, ShortlistSummary } from '../../../../shared/api/shortlists';
import type { DivisionCode } from '../../../../shared/domain/divisions';
import type { SqliteDatabase } from '../../../../db/connection';
import type { Synchronous } from '../../synchronous-store';
import type { ReplyPlan } from '../reply-plan';
import type { AppliedReply, ExportSources, ExportToRecord, SentExport } from './export-records';
import { sqliteShortlistExports } from './sqlite-exports';
import { sqliteShortlistLists } from './sqlite-lists';

export type { AppliedReply, ExportSources, ExportToRecord, SentExport } from './export-records';

/**
 * The shortlists' store: all of their SQL, behind one interface whose methods are units of work
 * (one read, or one whole transaction). What is refused and what is written is decided by
 * ../shortlist-rules.ts on both engines; the SQL both run as it is, is in shortlist-sql.ts and
 * export-records.ts. SQLite's (sqlite-*.ts): `json_each` (lists of keys as one JSON parameter),
 * `lastInsertRowid` for new ids, writes through db/write-transaction.ts (BEGIN IMMEDIATE), the
 * effective verdict's `INDEXED BY` join. The office server's (pg-*.ts): `= ANY`, RETURNING, row
 * locks and an advisory lock per division where a read decides a write.
 */
export interface ShortlistStore {
  list(campaignId: number): Promise<ShortlistSummary[]>;
  detail(id: number): Promise<ShortlistDetail>;
  /** A draft with the division's available proposed applications; its id. */
  create(request: { campaignId: number; division: DivisionCode; position: string | null }, actor: string): Promise<number>;
  /** The office's order: every candidate of the list, in the new order. */
  arrange(id: number, refs: readonly number[], actor: string): Promise<void>;
  setNote(id: number, ref: number, note: string | null, actor: string): Promise<void>;
  add(id: number, refs: readonly number[], actor: string): Promise<void>;
  remove(id: number, refs: readonly number[], actor: string): Promise<void>;

  /** What a workbook of the shortlist holds, in its order. */
  exportSources(id: number): Promise<ExportSources>;
  /** The id the next export will have (its workbook names it before it is recorded). */
  nextExportId(): Promise<number>;
  /** Records a workbook sent; its proposed candidates move to Shortlisted (one action). */
  recordExport(request: ExportToRecord, actor: string): Promise<ShortlistExportRecord>;
  /** A sent export as a reply is checked against, with where its candidates stand now. */
  recordedExport(exportId: number): Promise<SentExport | null>;
  /** Which of these codes Cohort gave in the campaign (on any shortlist). */
  knownCodes(campaignId: number, codes: readonly string[]): Promise<Set<string>>;
  /** Applies a previewed reply in one transaction, or nothing when the database changed since. */
  applyReply(reply: AppliedReply, actor: string): Promise<{ replyId: number; plan: ReplyPlan }>;
}

export function sqliteShortlistStore(sqlite: SqliteDatabase): Synchronous<ShortlistStore> {
  const lists = sqliteShortlistLists(sqlite);
  const exports = sqliteShortlistExports(sqlite);
  return {
    list: (campaignId) => lists.list(campaignId),
    detail: (id) => lists.detail(id),
    create: (request, actor) => lists.create(request, actor),
    arrange: (id, refs, actor) => lists.arrange(id, refs, actor),
    setNote: (id, ref, note, actor) => lists.setNote(id, ref, note, actor),
    add: (id, refs, actor) => lists.add(id, refs, actor),
    remove: (id, refs, actor) => lists.remove(id, refs, actor),
    exportSources: (id) => exports.sources(id),
    nextExportId: () => exports.nextExportId(),
    recordExport: (request, actor) => exports.record(request, actor),
    recordedExport: (exportId) => exports.recorded(exportId),
    knownCodes: (campaignId, codes) => exports.knownCodes(campaignId, codes),
    applyReply: (reply, actor) => exports.applyReply(reply, actor),
  };
}
