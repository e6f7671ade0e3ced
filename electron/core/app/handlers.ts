import type { HandlerTable } from '../dispatch';
import { serverInfoOf, serverSchemaVersion } from '../database/server-facts';
import { countApplications } from './store';

export const appHandlers: HandlerTable<'app.info'> = {
  async 'app.info'(_input, ctx) {
    const open = ctx.session.open;
    const server = serverInfoOf(open);
    return {
      version: ctx.appVersion,
      engine: open.engine,
      server,
      schemaVersion: server ? await serverSchemaVersion(open.db) : (open.sqlite.pragma('user_version', { simple: true }) as number),
      databasePath: open.path,
      // The office server's backups are IT's, with PostgreSQL's own tools: none are written from here.
      backupDirectory: server ? '' : ctx.session.backupDirectory,
      userName: ctx.caller.userName,
      officer: ctx.officer,
      // The first-run screen offers what starts a file (a campaign, an import, the demo); on the
      // office server campaigns are copied there by an administrator, so it goes straight to the shell.
      isEmpty: server ? false : (await countApplications(open.db)) === 0,
    };
  },
};
