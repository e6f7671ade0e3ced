import {
  connectionProblems,
  DEFAULT_SERVER_PORT,
  portFromText,
  type ConnectionField,
  type ConnectionProblem,
  type ServerConnection,
} from '../../../shared/domain/server-connection';

/**
 * Settings > Database's office-server form, as plain functions: what the user typed (text until
 * Connect, so a half-typed port is never lost), the three TLS choices the page offers, and the
 * connection they make (shared/domain/server-connection.ts checks it, as the main process will).
 */

/** verified: the system's authorities; officeCa: the office's CA file; none: sslmode=disable. */
export const TLS_CHOICES = ['verified', 'officeCa', 'none'] as const;
export type TlsChoice = (typeof TLS_CHOICES)[number];

export interface ServerDraft {
  host: string;
  port: string;
  database: string;
  login: string;
  tls: TlsChoice;
  /** Chosen in the native Open dialog (never typed by the page). */
  caFile: string | null;
}

/** The form as Settings remembers the server, or empty with the usual port and database name. */
export function draftOf(remembered: ServerConnection | null): ServerDraft {
  if (!remembered) return { host: '', port: String(DEFAULT_SERVER_PORT), database: 'cohort', login: '', tls: 'verified', caFile: null };
  const tls: TlsChoice = remembered.sslmode === 'disable' ? 'none' : remembered.caFile !== null ? 'officeCa' : 'verified';
  return { host: remembered.host, port: String(remembered.port), database: remembered.database, login: remembered.login, tls, caFile: remembered.caFile };
}

export type DraftCheck = { ok: true; connection: ServerConnection } | { ok: false; problems: Partial<Record<ConnectionField, ConnectionProblem>> };

/** The connection the draft makes, or each field's first problem. */
export function checkDraft(draft: ServerDraft): DraftCheck {
  const connection: ServerConnection = {
    host: draft.host.trim(),
    port: portFromText(draft.port),
    database: draft.database.trim(),
    login: draft.login.trim(),
    sslmode: draft.tls === 'none' ? 'disable' : 'verify-full',
    // A file chosen before switching to another choice is not sent: only "office CA" uses it.
    caFile: draft.tls === 'officeCa' ? draft.caFile : null,
  };
  const problems = connectionProblems(connection);
  if (draft.tls === 'officeCa' && draft.caFile === null) problems.caFile ??= 'caFileRequired';
  return Object.keys(problems).length === 0 ? { ok: true, connection } : { ok: false, problems };
}
