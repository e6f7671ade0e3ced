import type { BackupsTouched, WalState } from '../../../shared/api/privacy';
import type { ServiceContext } from '../context';
import { rewriteBackups } from './backups';
import type { OwedWork } from './store';
import { erasePerson, purgeCampaign } from './store/sqlite-erasure';

/** The background task finishing erasures a crash interrupted. */
export const OWED_ERASURE_TASK = 'privacy-owed';

/**
 * What follows an erasure or a purge once its transaction has committed: every backup rewritten
 * the same way (or removed); then the file's free pages, search segments and -wal cleared; then the
 * owed row removed (it names the person: deleted with SQLite's secure_delete, the -wal emptied
 * again), with what became of the backups added to the audit entry. The row goes last, so a crash
 * or a failure (a full disk during VACUUM) at any step leaves it there, and the next opening of the
 * database does all of it again (resumeOwedErasures); every step may run twice. No backup is taken
 * until it is done (DatabaseSession.holdingBackups). On the office server Cohort has no backups and
 * no file: the list of backups is empty and the store's scrub has nothing to do (its backups and
 * write-ahead log are IT's, store/pg-erasure.ts), so only the owed row is settled.
 */
export function finishOwed(ctx: ServiceContext, owed: OwedWork): Promise<{ backups: BackupsTouched; wal: WalState }> {
  return ctx.session.holdingBackups(() => clearAfter(ctx, owed));
}

async function clearAfter(ctx: ServiceContext, owed: OwedWork): Promise<{ backups: BackupsTouched; wal: WalState }> {
  const { privacy } = ctx.session.open.stores;
  const job = owed.kind;
  const backups = rewriteBackups(
    ctx.session.listBackups(),
    (sqlite) => {
      if (owed.kind === 'purge') purgeCampaign(sqlite, owed.campaignId, null, owed.at);
      else if (owed.identity) erasePerson(sqlite, owed.identity, null, owed.at);
      // A backup taken after the erasure committed holds its owed row, which names the person:
      // the work is being done for every copy now.
      sqlite.exec('DELETE FROM privacy_owed');
    },
    { nativeBinding: ctx.session.nativeBinding, progress: (done, total) => ctx.emit({ type: 'progress', job, phase: 'backups', done, total }) },
  );
  await privacy.scrub((phase) => ctx.emit({ type: 'progress', job, phase, done: 0, total: 1 }));
  const wal = await privacy.settleOwed(owed, { backups: { rewritten: backups.rewritten.length, removed: backups.removed.map((b) => b.file) } });
  return { backups, wal };
}

/** Finishes the erasures and purges a crash or a kill interrupted: on opening a database. */
export async function resumeOwedErasures(ctx: ServiceContext): Promise<void> {
  const owed = await ctx.session.open.stores.privacy.owedWork();
  if (owed.length === 0) return;
  ctx.background.schedule(OWED_ERASURE_TASK, async () => {
    for (const work of await ctx.session.open.stores.privacy.owedWork()) await finishOwed(ctx, work);
    ctx.emit({ type: 'changed', topics: ['backups'] });
  });
}
