import type { DatabaseInfo } from '../../../shared/api/contract';
import type { ServiceContext } from '../context';
import { checkDatabaseFile } from '../database-file';
import type { HandlerTable } from '../dispatch';
import { writeAudit } from '../audit/audit-log';

function databaseInfo(ctx: ServiceContext): DatabaseInfo {
  const { path, sqlite } = ctx.session.open;
  return {
    path,
    schemaVersion: sqlite.pragma('user_version', { simple: true }) as number,
    // The file alone understates a WAL database until its next checkpoint: count SQLite's pages.
    sizeBytes: (sqlite.pragma('page_count', { simple: true }) as number) * (sqlite.pragma('page_size', { simple: true }) as number),
    backupDirectory: ctx.session.backupDirectory,
    backups: ctx.session.listBackups(),
    backupProblem: ctx.session.backupProblem,
  };
}

export const databaseHandlers: HandlerTable<
  'database.info' | 'database.backupNow' | 'database.listBackups' | 'database.deleteBackup' | 'database.restore' | 'database.open'
> = {
  'database.info': (_input, ctx) => databaseInfo(ctx),

  async 'database.backupNow'(_input, ctx) {
    const info = await ctx.session.backupNow('manual');
    await writeAudit(ctx.session.open.db, { campaignId: null, actor: ctx.officer, action: 'database.backup', subject: info.file });
    ctx.changed('backups');
    return info;
  },

  'database.listBackups': (_input, ctx) => ctx.session.listBackups(),

  async 'database.deleteBackup'({ file }, ctx) {
    const deleted = ctx.session.deleteBackup(file);
    await writeAudit(ctx.session.open.db, {
      campaignId: null,
      actor: ctx.officer,
      action: 'database.deleteBackup',
      subject: deleted.file,
      details: { reason: deleted.reason, createdAt: deleted.createdAt },
    });
    ctx.changed('backups');
    return { deleted: deleted.file };
  },

  async 'database.restore'({ file }, ctx) {
    const result = await ctx.session.restore(file);
    await writeAudit(ctx.session.open.db, {
      campaignId: null,
      actor: ctx.officer,
      action: 'database.restore',
      subject: file,
      details: { safetyBackup: result.safetyBackup.file },
    });
    ctx.changed('database');
    return { restoredFrom: result.restoredFrom, integrity: 'ok' as const, safetyBackup: result.safetyBackup };
  },

  async 'database.open'({ path, create }, ctx) {
    checkDatabaseFile(path, create);
    await ctx.session.openFile(path, { create });
    ctx.changed('database');
    return databaseInfo(ctx);
  },
};
