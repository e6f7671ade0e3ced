import type { AppInfo } from '../../shared/api/contract';

/** Whether the app works on the office server (team mode) rather than a file on this computer: the shell says which, and where. */
export function isOnServer(info: Pick<AppInfo, 'engine'>): boolean {
  return info.engine === 'postgres';
}
