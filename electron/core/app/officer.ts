import type { SqliteDatabase } from '../../../db/connection';
import type { ServiceContext } from '../context';
import type { HandlerTable } from '../dispatch';

/**
 * The name officers' decisions carry. Each OS user records theirs once (the office's shared
 * workstations have one account per person); until then it is the OS user name.
 */
const keyOf = (osUser: string) => `officerName:${osUser}`;

export function officerName(ctx: Pick<ServiceContext, 'session' | 'userName'>): string {
  return storedOfficerName(ctx.session.open.sqlite, ctx.userName) ?? ctx.userName;
}

function storedOfficerName(sqlite: SqliteDatabase, osUser: string): string | undefined {
  return sqlite.prepare('SELECT value FROM preferences WHERE key = ?').pluck().get(keyOf(osUser)) as string | undefined;
}

export const officerHandlers: HandlerTable<'app.setOfficerName'> = {
  async 'app.setOfficerName'({ name }, ctx) {
    ctx.session.open.sqlite
      .prepare('INSERT INTO preferences (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value')
      .run(keyOf(ctx.userName), name);
    ctx.emit({ type: 'changed', scope: 'database' });
    return { officer: name };
  },
};
