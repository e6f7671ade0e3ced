import { sql } from 'kysely';
import type { HandlerTable } from '../dispatch';

export const appHandlers: HandlerTable<'app.info'> = {
  async 'app.info'(_input, ctx) {
    const { db, path, sqlite } = ctx.session.open;
    const stored = await db.selectFrom('applications').select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow();
    return {
      version: ctx.appVersion,
      schemaVersion: sqlite.pragma('user_version', { simple: true }) as number,
      databasePath: path,
      backupDirectory: ctx.session.backupDirectory,
      userName: ctx.caller.userName,
      officer: ctx.officer,
      isEmpty: Number(stored.n) === 0,
    };
  },
};
