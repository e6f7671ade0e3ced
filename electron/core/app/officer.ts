import type { SqliteDatabase } from '../../../db/connection';
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
  return officerNameOf(ctx.session.open.sqlite, ctx.userName);
}

export const officerHandlers: HandlerTable<'app.setOfficerName'> = {
  async 'app.setOfficerName'({ name }, ctx) {
    recordOfficerName(ctx.session.open.sqlite, ctx.caller.userName, name);
    ctx.changed('database');
    return { officer: name };
  },
};
