import type { ApiEvent } from '../../shared/api/contract';
import type { Transport } from '../../shared/api/client';
import type { ApiResult } from '../../shared/api/errors';
import { createDispatcher, type Dispatch } from './dispatch';
import { handlers, waits } from './handlers';
import { importJobs } from './import/jobs';
import { replyJobs } from './shortlists/replies';
import { BackgroundTasks } from './background';
import { changedEvent } from './changes';
import { DatabaseSession } from './session';
import type { Caller, ServiceContext } from './context';
import { resumeOwedScreening } from './screening/handlers';
import { resumeOwedErasures } from './privacy/finish';
import { ensurePrivateFolder } from '../../db/private-files';
import { isServerUrl } from '../../db/postgres/server-url';
import type { ServerPoolOptions } from '../../db/postgres/pool';

export interface CoreOptions {
  databasePath: string;
  backupDirectory: string;
  /** The app's own data folder, made readable by the user alone (a folder given with --db is left as it is). */
  dataDirectory?: string;
  nativeBinding?: string;
  userName: string;
  appVersion: string;
  periodicBackupMs?: number;
  busyTimeoutMs?: number;
  /** Team mode: how to reach the server named by databasePath (a postgres:// URL). */
  server?: ServerPoolOptions;
  log?: (message: string, error?: unknown) => void;
}

/** The services with their database open: what the worker, the CLI and tests all run. */
export interface Core {
  dispatch: Dispatch;
  subscribe(listener: (event: ApiEvent) => void): () => void;
  session: DatabaseSession;
  /** Resolves once the work left for after requests (re-screening, search indexing) is done. */
  settled(): Promise<void>;
  close(): Promise<void>;
}

export async function openCore(options: CoreOptions): Promise<Core> {
  const listeners = new Set<(event: ApiEvent) => void>();
  const session = new DatabaseSession({
    backupDirectory: options.backupDirectory,
    nativeBinding: options.nativeBinding,
    periodicBackupMs: options.periodicBackupMs,
    busyTimeoutMs: options.busyTimeoutMs,
    log: options.log,
  });
  const background = new BackgroundTasks(options.log);
  const ctx: ServiceContext = {
    session,
    imports: importJobs(),
    replies: replyJobs(),
    background,
    emit: (event) => listeners.forEach((l) => l(event)),
    userName: options.userName,
    appVersion: options.appVersion,
    log: options.log,
  };
  session.listen({
    // Screening a crash or another program left owed is resumed whenever a database is opened.
    opened: () => {
      // On the office server too: the first workstation to take a campaign's lock screens it, the others find it current.
      // A background task itself, so that settled() waits for what it finds owed (on the server the
      // question is a query, answered after this returns).
      background.schedule('resume owed screening', () => resumeOwedScreening(ctx));
      // An erasure or purge a crash interrupted: its backups and free pages are cleared now (on the
      // office server there are neither: its owed row is settled, privacy/store/pg-erasure.ts).
      void resumeOwedErasures(ctx).catch((error: unknown) => ctx.log?.('finishing an interrupted erasure failed', error));
    },
    backupProblemChanged: () => ctx.emit(changedEvent('backups')),
    // Team mode: another workstation's decision reaches this one's windows like one made here.
    changedElsewhere: (event) => ctx.emit(event),
    // Lost: only the connection's status reloads (the pages keep what they show, under the banner);
    // back: everything reloads (what changed meanwhile was not heard).
    serverConnection: (connected) => ctx.emit(changedEvent(connected ? 'database' : 'connection')),
  });
  if (options.dataDirectory !== undefined) {
    try {
      ensurePrivateFolder(options.dataDirectory);
    } catch (error) {
      // Opening says what is wrong with the database's own folder; backups warn about theirs.
      options.log?.(`the data folder ${options.dataDirectory} could not be made private`, error);
    }
  }
  // A server URL (team mode) or a file; the password of a server comes from the URL, the keychain or PGPASSWORD.
  if (isServerUrl(options.databasePath)) await session.openServer(options.databasePath, options.server);
  else await session.openFile(options.databasePath);
  const dispatch = createDispatcher(handlers, ctx, { waits });
  return {
    dispatch,
    session,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    settled: () => background.settled(),
    async close() {
      await background.settled();
      await session.close();
    },
  };
}

/**
 * The in-process transport (tests, CLI): the same dispatcher, with a structured-clone round trip so
 * that what crosses it is exactly what could cross IPC or HTTP. `caller`: who this client is (by
 * default the process's OS user).
 */
export function inProcessTransport(core: Core, caller?: Caller): Transport {
  return {
    async invoke(method: string, input: unknown): Promise<ApiResult> {
      return structuredClone(await core.dispatch(method, structuredClone(input), caller));
    },
    subscribe: (listener) => core.subscribe((event) => listener(structuredClone(event))),
  };
}
