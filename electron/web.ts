import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { APP_VERSION, osUserName } from './core/app-identity';
import { isServerUrl } from '../db/postgres/server-url';
import { defaultDataDirectory, describeLocation, locationsFor } from './core/paths';
import { startWorkerHost } from './core/worker-host';
import { MIN_TOKEN_LENGTH, startWebHost, WeakTokenError } from './web-host';

/**
 * `npm run web`: Cohort in a browser, on 127.0.0.1 only. The database worker and services are the
 * app's own; only the transport differs.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string' },
      db: { type: 'string' },
      'data-dir': { type: 'string' },
      token: { type: 'string' },
    },
  });
  if (values.token !== undefined && values.token.length < MIN_TOKEN_LENGTH) {
    console.error(new WeakTokenError().message);
    process.exit(2);
  }
  const { dataDirectory, databasePath, backupDirectory } = locationsFor({ db: values.db, dataDir: values['data-dir'] }, () =>
    defaultDataDirectory(process.platform, process.env, homedir()),
  );
  const host = startWorkerHost({
    workerScript: join(__dirname, 'worker.cjs'),
    databasePath,
    dataDirectory,
    backupDirectory,
    userName: osUserName(),
    appVersion: APP_VERSION,
    // On the office server: the password from the URL, else COHORT_PASSWORD, else PGPASSWORD.
    ...(process.env.COHORT_PASSWORD ? { server: { password: process.env.COHORT_PASSWORD } } : {}),
  });
  try {
    await host.ready;
  } catch (error) {
    console.error(`Cohort could not open ${describeLocation(databasePath)}: ${(error as { message?: string }).message ?? String(error)}`);
    await host.close();
    process.exit(1);
  }
  const web = await startWebHost({
    transport: host,
    staticDirectory: join(__dirname, '..', 'renderer'),
    port: values.port ? Number(values.port) : 0,
    token: values.token,
    // The page may open databases in the data folder and beside the one it was started with.
    databaseFolders: isServerUrl(databasePath) ? [dataDirectory] : [dataDirectory, dirname(databasePath)],
  });
  console.log(`Cohort is running with the database ${describeLocation(databasePath)}`);
  console.log(`Open ${web.launchUrl}`);
  const stop = () => {
    void web.close().then(() => host.close()).then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

void main();
