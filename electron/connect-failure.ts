import type { AppErrorData } from '../shared/api/errors';
import type { ConnectFailure, ConnectFailureReason } from '../shared/api/connection-bridge';

/**
 * Why connecting to the office server failed, as one of the reasons Settings says in words. The
 * error is what node-postgres, Node's TLS or the network threw (their codes are stable; their
 * messages are only the detail shown to IT), or what the worker sent back when it could not open
 * the server (AppErrorData, whose `kind` names the case).
 */

// node-postgres hands on Node's TLS verification codes (tls.TLSSocket#authorizationError).
const UNTRUSTED = new Set([
  'SELF_SIGNED_CERT_IN_CHAIN',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_UNTRUSTED',
  'CERT_SIGNATURE_FAILURE',
  'CERT_REJECTED',
]);
const EXPIRED = new Set(['CERT_HAS_EXPIRED', 'CERT_NOT_YET_VALID']);
const UNREACHABLE = new Set(['ECONNREFUSED', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ECONNRESET', 'EPIPE', 'EHOSTDOWN']);
const UNKNOWN_HOST = new Set(['ENOTFOUND', 'EAI_AGAIN']);

/** The worker's named errors (electron/core/team/server-connection.ts, shared/api/errors.ts). */
const WORKER_KINDS: Record<string, ConnectFailureReason> = {
  ServerNotInitialised: 'notCohortServer',
  ServerUnreachable: 'unreachable',
  NotAllowed: 'notAnOfficer',
};

/** A failure of reading the office CA file, before any connection (see server-probe.ts). */
export class CaFileUnreadableError extends Error {
  readonly file: string;
  constructor(file: string, cause: unknown) {
    super(`The office CA file "${file}" could not be read: ${cause instanceof Error ? cause.message : String(cause)}`);
    this.name = 'CaFileUnreadableError';
    this.file = file;
  }
}

/** The server's schema is not this Cohort's (the probe read its version). */
export class ServerSchemaError extends Error {
  readonly newer: boolean;
  constructor(found: number, known: number) {
    super(found > known ? `The server's Cohort schema is ${found}; this Cohort knows ${known}.` : `The server's Cohort schema is ${found}; this Cohort needs ${known}.`);
    this.name = 'ServerSchemaError';
    this.newer = found > known;
  }
}

/** The server has no Cohort schema at all (`cohort server init` never ran on that database). */
export class NotCohortServerError extends Error {
  constructor() {
    super('This database has no Cohort schema (the table cohort_schema is missing).');
    this.name = 'NotCohortServerError';
  }
}

function field(error: unknown, name: string): string {
  if (typeof error !== 'object' || error === null) return '';
  const value = (error as Record<string, unknown>)[name];
  return typeof value === 'string' ? value : '';
}

function reasonOf(error: unknown): ConnectFailureReason {
  if (error instanceof CaFileUnreadableError) return 'caFileUnreadable';
  if (error instanceof ServerSchemaError) return error.newer ? 'serverSchemaNewer' : 'serverSchemaOlder';
  if (error instanceof NotCohortServerError) return 'notCohortServer';
  const code = field(error, 'code');
  const message = error instanceof Error ? error.message : field(error, 'message');
  // PostgreSQL's SQLSTATEs: 28P01 a wrong password (also for a login that does not exist: the server
  // does not say which); 28000 pg_hba.conf refuses this computer, login or unencrypted connection.
  if (code === '28P01') return 'wrongPassword';
  if (code === '28000') return 'refusedByServer';
  if (code === '3D000') return 'noSuchDatabase';
  if (code === '42P01') return 'notCohortServer';
  if (code === '42501') return 'notAnOfficer';
  if (UNTRUSTED.has(code)) return 'certificateNotTrusted';
  if (EXPIRED.has(code)) return 'certificateExpired';
  if (code === 'ERR_TLS_CERT_ALTNAME_INVALID') return 'certificateWrongName';
  if (UNKNOWN_HOST.has(code)) return 'unknownHost';
  if (UNREACHABLE.has(code) || code.startsWith('08')) return 'unreachable';
  if (/server does not support SSL/i.test(message)) return 'serverWithoutTls';
  // pg asks for a password the app did not give (the server wants one: SCRAM or md5).
  if (/client password must be a string|SASL: SCRAM-SERVER-FIRST-MESSAGE: client password/i.test(message)) return 'passwordNeeded';
  if (/timeout|Connection terminated/i.test(message)) return 'unreachable';
  return 'other';
}

/** The reason and the detail (the error's own message) of a connection that failed. */
export function connectFailureOf(error: unknown): ConnectFailure {
  const detail = error instanceof Error ? error.message : field(error, 'message') || String(error);
  return { reason: reasonOf(error), detail };
}

/** The same for the worker's answer when it could not open the server it was started on. */
export function connectFailureOfWorker(error: AppErrorData): ConnectFailure {
  const byKind = error.kind !== undefined ? WORKER_KINDS[error.kind] : undefined;
  if (byKind) return { reason: byKind, detail: error.message };
  if (error.kind === 'ServerSchemaDiffers') return { reason: /newer Cohort/.test(error.message) ? 'serverSchemaNewer' : 'serverSchemaOlder', detail: error.message };
  // An Internal error carries the driver's message in words: read it as the driver's error.
  return { reason: reasonOf({ message: error.message }), detail: error.message };
}
