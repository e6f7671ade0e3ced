import type { DatabaseInfo, DatabaseStatus } from '../../../shared/api/contract';
import type { ServiceContext } from '../context';
import { checkDatabaseFile } from '../database-file';
import type { HandlerTable } from '../dispatch';
import { writeAudit } from '../audit/audit-log';
import { serverAnswers, serverInfoOf, serverSchemaVersion, serverSizeBytes } from './server-facts';

async function databaseInfo(ctx: ServiceContext): Promise<DatabaseInfo> {
  const { engine, path, db } = ctx.session.open;
  const server = serverInfoOf(ctx.session.open);
  if (server) {
    // The office server: no file, no backups here (IT backs it up with PostgreSQL's own tools).
    return { engine, path, server, schemaVersion: await serverSchemaVersion(db), sizeBytes: await serverSizeBytes(db), backupDirectory: '', backups: [], backupProblem: null };
  }
  const { sqlite } = ctx.session.open;
  return {
    engine,
    path,
    server: null,
    schemaVersion: sqlite.pragma('user_version', { simple: true }) as number,
    // The file alone understates a WAL database until its next checkpoint: count SQLite's pages.
    sizeBytes: (sqlite.pragma('page_count', { simple: true }) as number) * (sqlite.pragma('page_size', { simple: true }) as number),
    backupDirectory: ctx.session.backupDirectory,
    backups: ctx.session.listBackups(),
    backupProblem: ctx.session.backupProblem,
  };
}

/** A file is always there; the office server is there while its change feed hears it and a query reaches it. */
async function databaseStatus(ctx: ServiceContext): Promise<DatabaseStatus> {
  const open = ctx.session.open;
  const server = serverInfoOf(open);
  if (!server) return { engine: open.engine, connected: true, server: null };
  return { engine: open.engine, connected: ctx.session.serverConnected && (await serverAnswers(open.db)), server };
}

export const databaseHandlers: HandlerTable<
  'database.info' | 'database.status' | 'database.backupNow' | 'database.listBackups' | 'database.deleteBackup' | 'database.restore' | 'database.open'
> = {
  'database.info': (_input, ctx) => databaseInfo(ctx),

  'database.status': (_input, ctx) => databaseStatus(ctx),

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
