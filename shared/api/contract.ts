import type { z } from 'zod';
import type { ChangeTopic } from './events';
import { appMethods } from './app';
import { auditMethods } from './audit';
import { campaignMethods } from './campaigns';
import { databaseMethods } from './database';
import { demoMethods } from './demo';
import { importMethods } from './imports';
import { overviewMethods } from './overview';
import { screeningMethods } from './screening';
import { noticeMethods } from './notices';
import { privacyMethods } from './privacy';
import { reportMethods } from './reports';
import { selectionMethods } from './selection';
import { shortlistMethods } from './shortlists';
import { triageMethods } from './triage';

/**
 * The one API between the renderer (or CLI, or tests) and the services, joined from one contract
 * module per domain (`shared/api/<domain>.ts`: its methods with a zod schema for each input, its
 * output types). Inputs are checked in the worker before any service runs. Transports (Electron
 * IPC, the web host, in-process) carry `{ method, input }` and return an `ApiResult`; none of them
 * knows what a method does. A new domain: one module, one line in DOMAINS, one export line below.
 */
export const DOMAINS = {
  app: appMethods,
  campaigns: campaignMethods,
  overview: overviewMethods,
  demo: demoMethods,
  database: databaseMethods,
  imports: importMethods,
  screening: screeningMethods,
  triage: triageMethods,
  shortlists: shortlistMethods,
  selection: selectionMethods,
  notices: noticeMethods,
  reports: reportMethods,
  privacy: privacyMethods,
  audit: auditMethods,
} as const;

export const methods = {
  ...appMethods,
  ...campaignMethods,
  ...overviewMethods,
  ...demoMethods,
  ...databaseMethods,
  ...importMethods,
  ...screeningMethods,
  ...triageMethods,
  ...shortlistMethods,
  ...selectionMethods,
  ...noticeMethods,
  ...reportMethods,
  ...privacyMethods,
  ...auditMethods,
} as const;

export type Methods = typeof methods;
export type MethodName = keyof Methods;
export type MethodInput<M extends MethodName> = z.input<Methods[M]['input']>;
export type ParsedInput<M extends MethodName> = z.output<Methods[M]['input']>;
export type MethodOutput<M extends MethodName> = Methods[M]['output'];

/** The methods that read (declare `reads`): the renderer caches their answers and asks again after a change to what they read. */
export type QueryMethodName = { [M in MethodName]: Methods[M] extends { reads: readonly ChangeTopic[] } ? M : never }[MethodName];

/** The topics a method's answer depends on; none for a method that changes things. */
export function readsOf(method: MethodName): readonly ChangeTopic[] {
  const entry = methods[method];
  return 'reads' in entry ? entry.reads : [];
}

export function isMethodName(name: unknown): name is MethodName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(methods, name);
}

/** What a transport carries for one call. */
export interface ApiRequest {
  method: string;
  input: unknown;
}

export * from './app';
export * from './campaigns';
export * from './common';
export * from './database';
export * from './demo';
export * from './events';
export * from './files';
export * from './imports';
export * from './overview';
export * from './screening';
export * from './notices';
export * from './selection';
export * from './shortlists';
export * from './triage';
export { CHANNELS } from './channels';
export * from './reports';
export * from './privacy';
export * from './audit';
