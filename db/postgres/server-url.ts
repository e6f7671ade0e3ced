/**
 * The office's PostgreSQL server, as a URL (`postgres://user@host:5432/cohort?sslmode=verify-full`):
 * what Cohort connects to in team mode, given to every `cohort` command as `--db URL` and kept in
 * the app's settings (the password never: it comes from the OS keychain, or PGPASSWORD). TLS is
 * the rule: a URL without sslmode verifies the server's certificate and its name; only
 * `sslmode=disable`, written in the URL, connects in clear (a server on the same machine).
 */

export const SSL_MODES = ['disable', 'require', 'verify-ca', 'verify-full'] as const;
export type SslMode = (typeof SSL_MODES)[number];

export interface ServerAddress {
  host: string;
  port: number;
  database: string;
  user: string;
  /** From the URL, for the command line and tests; the app keeps it in the keychain instead. */
  password: string | null;
  sslmode: SslMode;
}

export class ServerUrlError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ServerUrlError';
  }
}

/** Whether a --db value names a server rather than a file. */
export function isServerUrl(value: string): boolean {
  return /^postgres(ql)?:\/\//i.test(value.trim());
}

/** Reads a server URL; a ServerUrlError says in words what is wrong with it. */
export function parseServerUrl(value: string): ServerAddress {
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    // Never the value itself: it may hold a password.
    throw new ServerUrlError('This is not a server address. Write it as postgres://user@host:5432/database.');
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') throw new ServerUrlError('A server address starts with postgres://.');
  const database = decodeURIComponent(url.pathname.replace(/^\//, ''));
  if (url.hostname === '') throw new ServerUrlError('The server address names no host (postgres://user@host/database).');
  if (database === '' || database.includes('/')) throw new ServerUrlError('The server address names no database (postgres://user@host/database).');
  if (url.username === '') throw new ServerUrlError('The server address names no user: officers connect with their own login (postgres://login@host/database).');
  const port = url.port === '' ? 5432 : Number(url.port);
  const given = url.searchParams.get('sslmode');
  if (given !== null && !(SSL_MODES as readonly string[]).includes(given)) {
    throw new ServerUrlError(`sslmode=${given} is not one Cohort uses: leave it out (the server's certificate is verified), or write verify-ca, require, or disable for a server on this machine.`);
  }
  const unknown = [...url.searchParams.keys()].filter((k) => k !== 'sslmode');
  if (unknown.length > 0) throw new ServerUrlError(`The server address carries settings Cohort does not read: ${unknown.join(', ')}.`);
  return {
    host: url.hostname.replace(/^\[(.*)\]$/, '$1'),
    port,
    database,
    user: decodeURIComponent(url.username),
    password: url.password === '' ? null : decodeURIComponent(url.password),
    sslmode: (given as SslMode | null) ?? 'verify-full',
  };
}

/** The TLS options of node-postgres for a mode, with the office's CA (PEM) if one was given. */
export function tlsOptions(sslmode: SslMode, ca?: string): false | { rejectUnauthorized: boolean; ca?: string; checkServerIdentity?: () => undefined } {
  switch (sslmode) {
    case 'disable':
      return false;
    case 'require':
      // Encrypted, the certificate not checked: what libpq's "require" means, and only when the URL says so.
      return { rejectUnauthorized: false };
    case 'verify-ca':
      return { rejectUnauthorized: true, ...(ca ? { ca } : {}), checkServerIdentity: () => undefined };
    case 'verify-full':
      return { rejectUnauthorized: true, ...(ca ? { ca } : {}) };
  }
}

/** The address without its password, to show or log. */
export function describeServer(address: ServerAddress): string {
  return `postgres://${address.user}@${address.host}:${address.port}/${address.database}?sslmode=${address.sslmode}`;
}
