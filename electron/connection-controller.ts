import type { ServerPoolOptions } from '../db/postgres/pool';
import type { AppErrorData } from '../shared/api/errors';
import type { ConnectAnswer, ConnectFailure, ConnectionState } from '../shared/api/connection-bridge';
import { serverUrlOf, type ServerConnection } from '../shared/domain/server-connection';
import { defaultDatabasePath } from './core/paths';
import type { WorkerHost } from './core/worker-host';
import { connectFailureOfWorker } from './connect-failure';
import { databaseChoicePath, loadDatabaseChoice, saveDatabaseChoice, type DatabaseChoice } from './database-choice';
import type { SwitchableHost } from './host-switch';
import { forgetPassword, keepPassword, keptPassword, keychainPath, KeychainUnavailableError, type SecretBox } from './server-keychain';
import { probeServer, type ProbeOptions } from './server-probe';

/**
 * Settings > Database, main-process side: which database the app opens at start, Connect (test the
 * server, then switch the worker to it, then remember it and keep the password in the keychain),
 * and back to this computer. Electron is reached only through what is passed in (safeStorage as a
 * SecretBox, the worker started by `open`), so the flows are tested in plain Node.
 */

export interface ConnectionDeps {
  dataDirectory: string;
  box: SecretBox;
  /** Starts a database worker on a file or a server URL: the host once open, or why it could not be. */
  open(databasePath: string, server?: ServerPoolOptions): Promise<WorkerHost | AppErrorData>;
  /** Connect's test before switching (server-probe.ts; replaceable only to count calls in tests). */
  probe?: (url: string, options: ProbeOptions) => Promise<ConnectFailure | null>;
  /** Tells the window that everything it shows changed (it is another database now). */
  announce(): void;
  log(message: string, detail?: unknown): void;
}

const isHost = (value: WorkerHost | AppErrorData): value is WorkerHost => !('code' in value);

export class ConnectionController {
  private host: SwitchableHost | null = null;
  private using: 'file' | 'server' = 'file';
  private startProblem: ConnectFailure | null = null;
  /** Office CA files the user chose in the native dialog this session: the only new paths Connect takes. */
  private readonly chosenCaFiles = new Set<string>();
  private busy = false;

  constructor(private readonly deps: ConnectionDeps) {}

  private get choiceFile(): string {
    return databaseChoicePath(this.deps.dataDirectory);
  }

  private get keychainFile(): string {
    return keychainPath(this.deps.dataDirectory);
  }

  private remembered(): DatabaseChoice {
    return loadDatabaseChoice(this.choiceFile);
  }

  /**
   * At start: the office server when Settings says so and its password is in the keychain; null
   * otherwise (the caller opens this computer's file, and Settings says why: `state().startProblem`).
   */
  async openAtStart(): Promise<WorkerHost | null> {
    const { use, server } = this.remembered();
    if (use !== 'server' || server === null) return null;
    const url = serverUrlOf(server);
    const password = keptPassword(this.keychainFile, url, this.deps.box);
    if (password === null) {
      this.startProblem = { reason: 'passwordNeeded', detail: '' };
      return null;
    }
    const opened = await this.openServer(server, password);
    if ('failure' in opened) {
      this.startProblem = opened.failure;
      this.deps.log('the office server could not be opened at start', opened.failure.detail);
      return null;
    }
    this.using = 'server';
    return opened.host;
  }

  /** The host the window talks to, once there is one (main.ts makes it from the first worker). */
  attach(host: SwitchableHost): void {
    this.host = host;
  }

  state(): ConnectionState {
    const { server } = this.remembered();
    return {
      using: this.using,
      remembered: server,
      passwordKept: server !== null && keptPassword(this.keychainFile, serverUrlOf(server), this.deps.box) !== null,
      keychainAvailable: this.deps.box.isEncryptionAvailable(),
      startProblem: this.startProblem,
    };
  }

  /** The native Open dialog chose this office CA file: Connect may use it. */
  grantCaFile(path: string): void {
    this.chosenCaFiles.add(path);
  }

  /** A CA file Connect may read: chosen in the dialog this session, or the one Settings remembers. */
  mayUseCaFile(path: string | null): boolean {
    return path === null || this.chosenCaFiles.has(path) || this.remembered().server?.caFile === path;
  }

  /** Tests the server, switches the worker to it, then remembers it (and keeps the password when it can). */
  async connect(connection: ServerConnection, typedPassword: string): Promise<ConnectAnswer> {
    if (!this.host) return { ok: false, refused: 'Cohort is still starting.' };
    if (this.busy) return { ok: false, refused: 'Cohort is already connecting.' };
    if (!this.mayUseCaFile(connection.caFile)) return { ok: false, refused: 'Choose the office CA file in Cohort’s own Open dialog.' };
    this.busy = true;
    try {
      const url = serverUrlOf(connection);
      const password = typedPassword !== '' ? typedPassword : keptPassword(this.keychainFile, url, this.deps.box);
      if (password === null) return { ok: false, failure: { reason: 'passwordNeeded', detail: '' } };
      const opened = await this.openServer(connection, password);
      if ('failure' in opened) return { ok: false, failure: opened.failure };
      await this.host.replace(opened.host);
      this.using = 'server';
      this.startProblem = null;
      saveDatabaseChoice(this.choiceFile, { use: 'server', server: connection });
      const passwordKept = this.keep(url, password);
      this.deps.announce();
      return { ok: true, passwordKept };
    } finally {
      this.busy = false;
    }
  }

  /** Back to this computer's own file; the server stays remembered (the form), its password is forgotten. */
  async useThisComputer(): Promise<ConnectAnswer> {
    if (!this.host) return { ok: false, refused: 'Cohort is still starting.' };
    if (this.busy) return { ok: false, refused: 'Cohort is already connecting.' };
    this.busy = true;
    try {
      const opened = await this.deps.open(defaultDatabasePath(this.deps.dataDirectory));
      if (!isHost(opened)) return { ok: false, failure: { reason: 'other', detail: opened.message } };
      await this.host.replace(opened);
      this.using = 'file';
      this.startProblem = null;
      saveDatabaseChoice(this.choiceFile, { use: 'file', server: this.remembered().server });
      forgetPassword(this.keychainFile);
      this.deps.announce();
      return { ok: true, passwordKept: false };
    } finally {
      this.busy = false;
    }
  }

  /**
   * A file was opened (File > Open or New) while on the office server: the app is on this computer
   * now, so it must start there next time too, as after "Use this computer" (the server stays in the
   * form; its password is forgotten). On a file already, nothing changes.
   */
  fileOpened(): void {
    if (this.using !== 'server') return;
    this.using = 'file';
    this.startProblem = null;
    saveDatabaseChoice(this.choiceFile, { use: 'file', server: this.remembered().server });
    forgetPassword(this.keychainFile);
  }

  private async openServer(connection: ServerConnection, password: string): Promise<{ host: WorkerHost } | { failure: ConnectFailure }> {
    const url = serverUrlOf(connection);
    const probe = this.deps.probe ?? probeServer;
    const failure = await probe(url, { password, caFile: connection.caFile });
    if (failure) return { failure };
    const opened = await this.deps.open(url, { password, ...(connection.caFile !== null ? { caFile: connection.caFile } : {}) });
    return isHost(opened) ? { host: opened } : { failure: connectFailureOfWorker(opened) };
  }

  /** Keeps the password in the keychain file; false when this computer has no keychain (asked at each start). */
  private keep(url: string, password: string): boolean {
    try {
      keepPassword(this.keychainFile, url, password, this.deps.box);
      return true;
    } catch (error) {
      // An old password for this server must not outlive the new one.
      forgetPassword(this.keychainFile);
      if (!(error instanceof KeychainUnavailableError)) this.deps.log('the password could not be kept in the keychain', error instanceof Error ? error.name : 'error');
      return false;
    }
  }
}
