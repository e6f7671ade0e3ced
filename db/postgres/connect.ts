import { readFileSync } from 'node:fs';
import pg from 'pg';
import { parseServerUrl, tlsOptions } from './server-url';

/**
 * One connection to the office server, with the URL's TLS rule (server-url.ts) and the office's CA
 * file if given. The password: the URL's (command line, tests), else PGPASSWORD (node-postgres
 * reads it), else none (the server may trust a certificate or the OS login instead).
 */
export async function connectServer(url: string, options: { caFile?: string } = {}): Promise<pg.Client> {
  const address = parseServerUrl(url);
  const client = new pg.Client({
    host: address.host,
    port: address.port,
    database: address.database,
    user: address.user,
    ...(address.password !== null ? { password: address.password } : {}),
    ssl: tlsOptions(address.sslmode, options.caFile ? readFileSync(options.caFile, 'utf8') : undefined),
    application_name: 'Cohort',
  });
  await client.connect();
  return client;
}
