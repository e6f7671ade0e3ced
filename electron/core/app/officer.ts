import type { SqliteDatabase } from '../../../db/connection';
import { OfficerIsLoginError } from '../../../shared/api/errors';
import type { ServiceContext } from '../context';
import type { HandlerTable } from '../dispatch';
import { recordOfficerName, storedOfficerName } from './store';

/**
 * The name officers' decisions carry. Each OS user records theirs once (the office's shared
 * workstations have one account per person); until then it is the OS user name.
 */

/** The name a user's decisions carry: the one they recorded, else their user name. */
export function officerNameOf(sqlite: SqliteDatabase, userName: string): string {
  return storedOfficerName(sqlite, userName) ?? userName;
}

/** The name work the process does by itself carries (re-screening after an import): its OS user's. */
export function processOfficer(ctx: Pick<ServiceContext, 'session' | 'userName'>): string {
  // On the office server, the workstation's login (its SQLite preferences are not there).
  return ctx.session.open.login ?? officerNameOf(ctx.session.open.sqlite, ctx.userName);
}

export const officerHandlers: HandlerTable<'app.setOfficerName'> = {
  async 'app.setOfficerName'({ name }, ctx) {
    // On the office server an officer is their login: who they are is the server's to say.
    const { login } = ctx.session.open;
    if (login !== null) throw new OfficerIsLoginError(login);
    recordOfficerName(ctx.session.open.sqlite, ctx.caller.userName, name);
    ctx.changed('database');
    return { officer: name };
  },
};
