import { z } from 'zod';

/**
 * Team mode (issue 14): the office server as Settings > Database asks for it, field by field, and
 * the one URL those fields make (`postgres://login@host:port/database`, read back by
 * db/postgres/server-url.ts). Shared by the page (it checks the fields as they are typed) and the
 * main process (it checks them again: the page is not trusted). No password here: it goes to the
 * OS keychain (electron/server-keychain.ts), never into the settings or a URL that is kept.
 */

/**
 * How the connection is protected. `verify-full` (the default) checks the server's certificate and
 * its name, against the system's authorities or the office CA file; `disable` connects in clear,
 * for a server on this same computer only, and only when chosen.
 */
export const CONNECTION_SSL_MODES = ['verify-full', 'disable'] as const;
export type ConnectionSslMode = (typeof CONNECTION_SSL_MODES)[number];

export const DEFAULT_SERVER_PORT = 5432;

/** The fields of a field that must be right before anything is tried; each names a catalogue entry. */
export const CONNECTION_FIELDS = ['host', 'port', 'database', 'login', 'caFile'] as const;
export type ConnectionField = (typeof CONNECTION_FIELDS)[number];

/** What is wrong with one field, in a word the page translates (settings.server.problem.*). */
export type ConnectionProblem = 'required' | 'hostInvalid' | 'portInvalid' | 'nameInvalid' | 'caFileRequired' | 'caFileWithoutTls';

// A host name or address: letters, digits, dots, hyphens, and the colons of an IPv6 address. No
// "@", "/", "?", "#" or spaces, which would change what the URL means.
const HOST = /^[A-Za-z0-9.-]+$|^\[?[0-9A-Fa-f:.]+\]?$/;
// PostgreSQL names are at most 63 bytes; control characters never belong in one.
// eslint-disable-next-line no-control-regex
const NAME = /^[^\u0000-\u001f\u007f]{1,63}$/;

export const serverConnectionSchema = z
  .object({
    host: z.string().trim().min(1, 'required').max(253, 'hostInvalid').regex(HOST, 'hostInvalid'),
    port: z.number().int('portInvalid').min(1, 'portInvalid').max(65535, 'portInvalid'),
    database: z.string().trim().min(1, 'required').regex(NAME, 'nameInvalid'),
    login: z.string().trim().min(1, 'required').regex(NAME, 'nameInvalid'),
    sslmode: z.enum(CONNECTION_SSL_MODES),
    /** The office's CA (a PEM file chosen in the native Open dialog); null: the system's authorities. */
    caFile: z.string().min(1).max(4096).nullable(),
  })
  .strict()
  .superRefine((value, ctx) => {
    // A CA file only means something when the certificate is checked.
    if (value.sslmode === 'disable' && value.caFile !== null) ctx.addIssue({ code: 'custom', path: ['caFile'], message: 'caFileWithoutTls' });
  });

/** A server as Settings remembers it: everything but the password. */
export type ServerConnection = z.infer<typeof serverConnectionSchema>;

/** Each field's first problem; empty when the connection may be tried. */
export function connectionProblems(fields: unknown): Partial<Record<ConnectionField, ConnectionProblem>> {
  const parsed = serverConnectionSchema.safeParse(fields);
  if (parsed.success) return {};
  const problems: Partial<Record<ConnectionField, ConnectionProblem>> = {};
  for (const issue of parsed.error.issues) {
    const field = issue.path[0];
    if (typeof field !== 'string' || !(CONNECTION_FIELDS as readonly string[]).includes(field)) continue;
    const key = field as ConnectionField;
    // zod's own messages (a wrong type) are not ours: the field is then simply required.
    const known: readonly string[] = ['required', 'hostInvalid', 'portInvalid', 'nameInvalid', 'caFileRequired', 'caFileWithoutTls'];
    problems[key] ??= (known.includes(issue.message) ? issue.message : field === 'port' ? 'portInvalid' : 'required') as ConnectionProblem;
  }
  return problems;
}

/** The port as typed: a whole number, or NaN (which the schema refuses as portInvalid). */
export function portFromText(text: string): number {
  const trimmed = text.trim();
  return /^\d{1,5}$/.test(trimmed) ? Number(trimmed) : Number.NaN;
}

/**
 * The URL the worker opens (`--db` of the command line takes the same): login, host, port and
 * database, each encoded, and `sslmode=disable` only when chosen. Never a password.
 */
export function serverUrlOf(connection: ServerConnection): string {
  const host = connection.host.trim().replace(/^\[(.*)\]$/, '$1');
  const hostPart = host.includes(':') ? `[${host}]` : host;
  const login = encodeURIComponent(connection.login.trim());
  const database = encodeURIComponent(connection.database.trim());
  return `postgres://${login}@${hostPart}:${connection.port}/${database}?sslmode=${connection.sslmode}`;
}

/** The server as the page shows it: login@host:port/database. */
export function serverLabelOf(connection: Pick<ServerConnection, 'host' | 'port' | 'database' | 'login'>): string {
  const host = connection.host.includes(':') ? `[${connection.host}]` : connection.host;
  return `${connection.login}@${host}:${connection.port}/${connection.database}`;
}
