import type { HandlerTable } from '../dispatch';
import { countApplications } from './store';

export const appHandlers: HandlerTable<'app.info'> = {
  async 'app.info'(_input, ctx) {
    const { db, path, sqlite } = ctx.session.open;
    return {
      version: ctx.appVersion,
      schemaVersion: sqlite.pragma('user_version', { simple: true }) as number,
      databasePath: path,
      backupDirectory: ctx.session.backupDirectory,
      userName: ctx.caller.userName,
      officer: ctx.officer,
      isEmpty: (await countApplications(db)) === 0,
    };
  },
};
