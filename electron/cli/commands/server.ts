import { addOfficer, initServer } from '../../../db/postgres/server-admin';
import { connectServer } from '../../../db/postgres/connect';
import { describeServer, parseServerUrl } from '../../../db/postgres/server-url';
import { UsageError, type CliCommand, type CliContext } from '../command';

/**
 * Setting up the office's PostgreSQL server for team mode (issue 14), by the office's IT: the
 * schema and the two roles, then a login per officer. Run with a login that may create roles.
 */

function serverUrl(ctx: CliContext): string {
  const url = ctx.option('url');
  if (!url) throw new UsageError('Give the server as --url postgres://login@host:5432/database.');
  parseServerUrl(url);
  return url;
}

export const serverCommands: CliCommand[] = [
  {
    words: ['server', 'init'],
    usage: `server init --url URL [--ca FILE]   create (or bring up to date) Cohort's schema and its two roles
                                     (cohort_admin, cohort_officer) on the office's PostgreSQL server`,
    options: { url: { type: 'string' }, ca: { type: 'string' } },
    withoutDatabase: true,
    async run(ctx) {
      const url = serverUrl(ctx);
      const client = await connectServer(url, { caFile: ctx.option('ca'), password: process.env.COHORT_PASSWORD });
      try {
        const { from, to } = await initServer(client);
        ctx.print({ server: describeServer(parseServerUrl(url)), from, to }, from === to ? `The schema on ${describeServer(parseServerUrl(url))} is up to date (version ${to}).` : `Cohort's schema on ${describeServer(parseServerUrl(url))} is at version ${to} (was ${from}); roles cohort_admin and cohort_officer are ready.`);
      } finally {
        await client.end();
      }
      return 0;
    },
  },
  {
    words: ['server', 'add-officer'],
    usage: `server add-officer LOGIN --url URL [--admin] [--ca FILE]
                                     give LOGIN the officer's role (or the administrator's); the login's
                                     password, if the server uses one, from COHORT_NEW_PASSWORD`,
    options: { url: { type: 'string' }, admin: { type: 'boolean' }, ca: { type: 'string' } },
    withoutDatabase: true,
    async run(ctx) {
      const [login, ...rest] = ctx.args;
      if (!login || rest.length > 0) throw new UsageError('Give one login: server add-officer LOGIN --url URL.');
      const client = await connectServer(serverUrl(ctx), { caFile: ctx.option('ca'), password: process.env.COHORT_PASSWORD });
      try {
        await addOfficer(client, login, { admin: ctx.flag('admin'), password: process.env.COHORT_NEW_PASSWORD ?? null });
      } finally {
        await client.end();
      }
      ctx.print({ login, role: ctx.flag('admin') ? 'cohort_admin' : 'cohort_officer' }, `${login} is now ${ctx.flag('admin') ? 'an office administrator' : 'an officer'} of Cohort on this server.`);
      return 0;
    },
  },
];
