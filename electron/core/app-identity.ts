import { userInfo } from 'node:os';

/** The officer name Cohort proposes by default: the OS account that runs it. */
export function osUserName(): string {
  try {
    return userInfo().username || 'officer';
  } catch {
    return process.env.USER ?? process.env.USERNAME ?? 'officer';
  }
}

/** Injected by the bundler from package.json; "dev" when running unbundled (tests). */
declare const __COHORT_VERSION__: string | undefined;
export const APP_VERSION: string = typeof __COHORT_VERSION__ === 'string' ? __COHORT_VERSION__ : 'dev';
