import { execFileSync } from 'node:child_process';
import type { TestProject } from 'vitest/node';
import { buildTemplate } from './engine';
import { startTestServer, type TestServer } from './postgres-server';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A superuser's URL of the run's throwaway PostgreSQL server (postgres-server.ts). */
    postgresUrl: string;
  }
}

/**
 * Once per run, for both projects (sqlite and postgres; vitest calls a global setup per project):
 * the CLI bundles built, one PostgreSQL server started, the template database every postgres-project
 * test copies made. Kept on globalThis: both projects' set-ups run in this one process.
 */
interface RunWide {
  ready: Promise<TestServer>;
  users: number;
}
const key = Symbol.for('cohort.test.run-wide');
const holder = globalThis as typeof globalThis & { [key]?: RunWide };

async function start(): Promise<TestServer> {
  execFileSync(process.execPath, ['scripts/build-node.mjs', '--quiet'], { stdio: 'inherit' });
  const server = await startTestServer();
  await buildTemplate(server.url);
  return server;
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const shared = (holder[key] ??= { ready: start(), users: 0 });
  shared.users += 1;
  const server = await shared.ready;
  project.provide('postgresUrl', server.url);
  return async () => {
    shared.users -= 1;
    if (shared.users > 0) return;
    delete holder[key];
    await server.stop();
  };
}
