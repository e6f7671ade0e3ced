import type { ServerConnection } from '../domain/server-connection';

/**
 * What Settings > Database and the Electron main process say to each other about the office
 * server (the `CONNECTION_CHANNELS` of channels.ts). Types only: the preload bundles no zod; the
 * main process validates what arrives (electron/connection-ipc.ts). The password goes one way
 * only, page to main, inside a connect request: nothing here ever carries it back.
 */

/**
 * Why a connection failed, in a word the page says in full sentences (settings.server.failure.*).
 * electron/connect-failure.ts decides which from the error PostgreSQL, TLS or the network gave.
 */
export const CONNECT_FAILURES = [
  'wrongPassword',
  'refusedByServer',
  'noSuchDatabase',
  'unreachable',
  'unknownHost',
  'certificateNotTrusted',
  'certificateWrongName',
  'certificateExpired',
  'serverWithoutTls',
  'caFileUnreadable',
  'notCohortServer',
  'notAnOfficer',
  'serverSchemaNewer',
  'serverSchemaOlder',
  'passwordNeeded',
  'other',
] as const;
export type ConnectFailureReason = (typeof CONNECT_FAILURES)[number];

export interface ConnectFailure {
  reason: ConnectFailureReason;
  /** What the server or the system said, for IT (never the password). */
  detail: string;
}

/** Settings > Database's view of where this workstation works, and what it remembers. */
export interface ConnectionState {
  /** What this window works on now. */
  using: 'file' | 'server';
  /** The office server remembered in Settings (kept when switching back to this computer). */
  remembered: ServerConnection | null;
  /** A password for the remembered server is in the OS keychain file (never the password itself). */
  passwordKept: boolean;
  /** Electron's safeStorage can encrypt here: without it, the password is asked at each start. */
  keychainAvailable: boolean;
  /** The remembered server could not be opened when Cohort started (it opened this computer's file instead). */
  startProblem: ConnectFailure | null;
}

/** Connect: the server's fields and the password as typed (empty: the one kept for this same server). */
export interface ConnectRequest {
  connection: ServerConnection;
  password: string;
}

export type ConnectAnswer =
  | { ok: true; passwordKept: boolean }
  | { ok: false; failure: ConnectFailure }
  /** The request itself was refused (not from the app's window, malformed, a CA file not chosen in the dialog). */
  | { ok: false; refused: string };
