import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { APP_VERSION, osUserName } from './core/app-identity';
import { backupDirectoryFor, defaultDataDirectory, defaultDatabasePath } from './core/paths';
import { startWorkerHost } from './core/worker-host';
import { startWebHost } from './web-host';

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
  const dataDirectory = values['data-dir'] ? resolve(values['data-dir']) : defaultDataDirectory(process.platform, process.env, homedir());
  const databasePath = values.db ? resolve(values.db) : defaultDatabasePath(dataDirectory);
  const host = startWorkerHost({
    workerScript: join(__dirname, 'worker.cjs'),
    databasePath,
    dataDirectory,
    backupDirectory: backupDirectoryFor(dataDirectory),
    userName: osUserName(),
    appVersion: APP_VERSION,
  });
  try {
    await host.ready;
  } catch (error) {
    console.error(`Cohort could not open ${databasePath}: ${(error as { message?: string }).message ?? String(error)}`);
    await host.close();
    process.exit(1);
  }
  const web = await startWebHost({
    transport: host,
    staticDirectory: join(__dirname, '..', 'renderer'),
    port: values.port ? Number(values.port) : 0,
    token: values.token,
  });
  console.log(`Cohort is running with the database ${databasePath}`);
  console.log(`Open ${web.launchUrl}`);
  const stop = () => {
    void web.close().then(() => host.close()).then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

void main();
