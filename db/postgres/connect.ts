import pg from 'pg';
import { poolConfig, type ServerPoolOptions } from './pool';
import { parseServerUrl, type ServerAddress } from './server-url';

/**
 * One connection to the office server (the CLI's set-up and copies), with the same options as a
 * workstation's pool (pool.ts): the URL's TLS rule, the office's CA file if given, the password
 * given apart from the URL (the keychain, COHORT_PASSWORD) or else the URL's, else PGPASSWORD
 * (node-postgres reads it), else none (the server may trust a certificate or the OS login instead).
 */
export async function connectServer(url: string, options: Pick<ServerPoolOptions, 'caFile' | 'password'> & { applicationName?: string } = {}): Promise<pg.Client> {
  return (await connectServerAt(url, options)).client;
}

/** The same, with the address it reached (to name the server in messages, without its password). */
export async function connectServerAt(url: string, options: Pick<ServerPoolOptions, 'caFile' | 'password'> & { applicationName?: string } = {}): Promise<{ client: pg.Client; address: ServerAddress }> {
  const address = parseServerUrl(url);
  const { max: _max, idleTimeoutMillis: _idle, ...config } = poolConfig(address, { caFile: options.caFile, password: options.password });
  const client = new pg.Client({ ...config, application_name: options.applicationName ?? 'Cohort' });
  await client.connect();
  return { client, address };
}
