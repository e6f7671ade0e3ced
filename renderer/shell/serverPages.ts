import type { AppInfo } from '../../shared/api/contract';
import type { Page } from './routes';

/**
 * Team mode is built domain by domain (electron/core/team/server-stores.ts): on the office server
 * an officer triages (Divisions) and reads the campaign's settings; the other pages' parts still
 * work on a database on this computer only, and say so calmly instead of failing. A page moves
 * here when its domain's store lands on the server.
 */
const ON_THE_SERVER: ReadonlySet<Page> = new Set<Page>(['divisions', 'settings']);

/** The page an officer on the office server lands on when the address names none. */
export const SERVER_HOME: Page = 'divisions';

export function isOnServer(info: Pick<AppInfo, 'engine'>): boolean {
  return info.engine === 'postgres';
}

/** Whether `page` can be used with this database: every page on a file; on the office server, those built for it. */
export function pageWorksHere(page: Page, info: Pick<AppInfo, 'engine'>): boolean {
  return !isOnServer(info) || ON_THE_SERVER.has(page);
}
