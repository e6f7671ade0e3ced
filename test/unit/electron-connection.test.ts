import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { IpcMainInvokeEvent, IpcRenderer } from 'electron';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { addOfficer, initServer } from '../../db/postgres/server-admin';
import { ConnectionController } from '../../electron/connection-controller';
import { handleChooseCaFile, handleConnect, handleConnectionState, handleUseThisComputer, registerConnectionIpc, type ConnectionService } from '../../electron/connection-ipc';
import { databaseChoicePath, loadDatabaseChoice } from '../../electron/database-choice';
import { SwitchableHost } from '../../electron/host-switch';
import { createBridge } from '../../electron/preload-api';
import { keptPassword, keychainPath, type SecretBox } from '../../electron/server-keychain';
import { startWorkerHost, type WorkerHost } from '../../electron/core/worker-host';
import { createClient } from '../../shared/api/client';
import { CONNECTION_CHANNELS } from '../../shared/api/channels';
import type { ConnectAnswer, ConnectionState } from '../../shared/api/connection-bridge';
import type { ApiEvent, DatabaseInfo } from '../../shared/api/contract';
import { serverUrlOf, type ServerConnection } from '../../shared/domain/server-connection';
import { usePostgresDatabase } from './support/postgres';
import { useTempDir } from './support/temp';

/**
 * Settings > Database, main-process side: the channels (sender checked, input validated, the
 * password never answered back), and Connect on the run's real PostgreSQL with the real bundled
 * worker: a wrong password, a server without Cohort, a server out of reach and a certificate
 * demanded from a server without TLS each say why; a right one switches the window's worker.
 *
 * The one fake: Electron's safeStorage cannot run here (no Electron binary, no OS keychain), so a
 * stand-in SecretBox reverses and XORs the bytes (electron/server-keychain.ts is tested with it too).
 */

const APP_PAGE = { url: 'app://cohort/index.html', isMainFrame: true };
const OTHER_PAGE = { url: 'http://127.0.0.1:4000/index.html', isMainFrame: true };
const WORKER = join(__dirname, '../../dist/node/worker.cjs');

function fakeSafeStorage(available = true): SecretBox {
  return {
    isEncryptionAvailable: () => available,
    encryptString: (text) => Buffer.from([...Buffer.from(text, 'utf8')].reverse().map((b) => b ^ 0x5a)),
    decryptString: (bytes) => Buffer.from([...bytes].map((b) => b ^ 0x5a).reverse()).toString('utf8'),
  };
}

const CONNECTION: ServerConnection = { host: '127.0.0.1', port: 5432, database: 'cohort', login: 'settings_anne', sslmode: 'disable', caFile: null };

/** A service that records what reached it. */
function recordingService() {
  const calls: unknown[][] = [];
  const service: ConnectionService = {
    state: () => ({ using: 'file', remembered: null, passwordKept: false, keychainAvailable: true, startProblem: null }),
    grantCaFile: (path) => void calls.push(['grantCaFile', path]),
    connect: (connection, password) => {
      calls.push(['connect', connection, password]);
      return Promise.resolve({ ok: true, passwordKept: true });
    },
    useThisComputer: () => {
      calls.push(['useThisComputer']);
      return Promise.resolve({ ok: true, passwordKept: false });
    },
  };
  return { service, calls };
}

describe('the connection channels', () => {
  it('refuse a page that is not the app’s window before anything runs', async () => {
    const { service, calls } = recordingService();
    const logged: string[] = [];
    expect(handleConnectionState(OTHER_PAGE, service)).toBeNull();
    expect(await handleChooseCaFile(OTHER_PAGE, service, () => Promise.resolve({ canceled: false, filePaths: ['/ca.pem'] }))).toBeNull();
    expect(await handleConnect({ connection: CONNECTION, password: 'x' }, OTHER_PAGE, service, (m) => logged.push(m))).toEqual({ ok: false, refused: expect.stringContaining('refused') });
    expect(await handleConnect({ connection: CONNECTION, password: 'x' }, { ...APP_PAGE, isMainFrame: false }, service, () => {})).toMatchObject({ ok: false });
    expect(await handleUseThisComputer(null, service)).toMatchObject({ ok: false });
    expect(calls).toEqual([]);
    expect(logged).toHaveLength(1);
  });

  it('validate the request, and never say the password back', async () => {
    const { service, calls } = recordingService();
    for (const request of [
      null,
      'postgres://anne:secret@db/cohort',
      { connection: CONNECTION },
      { connection: { ...CONNECTION, host: 'db/../x' }, password: 'secret-1' },
      { connection: { ...CONNECTION, sslmode: 'require' }, password: 'secret-1' },
      { connection: CONNECTION, password: 'secret-1', url: 'postgres://elsewhere' },
      { connection: CONNECTION, password: 'x'.repeat(5000) },
    ]) {
      const answer = await handleConnect(request, APP_PAGE, service, () => {});
      expect(answer).toMatchObject({ ok: false, refused: expect.stringContaining('not valid') });
      expect(JSON.stringify(answer)).not.toContain('secret-1');
    }
    expect(calls).toEqual([]);
    expect(await handleConnect({ connection: CONNECTION, password: 'secret-1' }, APP_PAGE, service, () => {})).toEqual({ ok: true, passwordKept: true });
    expect(calls).toEqual([['connect', CONNECTION, 'secret-1']]);
  });

  it('give connect only a CA file the user chose in the native dialog', async () => {
    const { service, calls } = recordingService();
    expect(await handleChooseCaFile(APP_PAGE, service, () => Promise.resolve({ canceled: true, filePaths: [] }))).toBeNull();
    expect(await handleChooseCaFile(APP_PAGE, service, () => Promise.resolve({ canceled: false, filePaths: ['/office/ca.pem'] }))).toBe('/office/ca.pem');
    expect(calls).toEqual([['grantCaFile', '/office/ca.pem']]);
  });

  it('are wired on their fixed channels, unwired together, and reached by the preload on them alone', async () => {
    const handlers = new Map<string, (event: IpcMainInvokeEvent, ...args: unknown[]) => unknown>();
    const { service } = recordingService();
    const unwire = registerConnectionIpc({
      ipcMain: { handle: (channel, handler) => void handlers.set(channel, handler), removeHandler: (channel) => void handlers.delete(channel) },
      service,
      showCaFileDialog: () => Promise.resolve({ canceled: true, filePaths: [] }),
      log: () => {},
    });
    expect([...handlers.keys()].sort()).toEqual(Object.values(CONNECTION_CHANNELS).sort());
    const invoked: unknown[][] = [];
    const ipc = {
      invoke: (channel: string, ...args: unknown[]) => {
        invoked.push([channel, ...args]);
        const event = { senderFrame: { url: APP_PAGE.url, parent: null } } as unknown as IpcMainInvokeEvent;
        return Promise.resolve(handlers.get(channel)?.(event, ...args));
      },
      on: () => undefined,
      removeListener: () => undefined,
    } as unknown as Pick<IpcRenderer, 'invoke' | 'on' | 'removeListener'>;
    const connection = createBridge(ipc).connection;
    if (!connection) throw new Error('the preload gives the page no connection bridge');
    expect(await connection.state()).toMatchObject({ using: 'file' });
    expect(await connection.connect({ connection: CONNECTION, password: 'p' })).toEqual({ ok: true, passwordKept: true });
    expect(await connection.chooseCaFile()).toBeNull();
    expect(await connection.useThisComputer()).toEqual({ ok: true, passwordKept: false });
    expect(invoked.map(([channel]) => channel)).toEqual([CONNECTION_CHANNELS.state, CONNECTION_CHANNELS.connect, CONNECTION_CHANNELS.chooseCaFile, CONNECTION_CHANNELS.useThisComputer]);
    unwire();
    expect(handlers.size).toBe(0);
  });
});

describe('Connect, on a real server with the real worker', () => {
  const tempDir = useTempDir();
  const database = usePostgresDatabase();

  /** A database set up by IT (`cohort server init`), with the officer anne; the connection to it. */
  async function officeServer(init = true): Promise<{ connection: ServerConnection; superuser: string }> {
    const { url, name } = await database();
    if (init) {
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      try {
        await initServer(admin);
        await addOfficer(admin, 'settings_anne', { admin: false, password: 'anne-secret' });
      } finally {
        await admin.end();
      }
    }
    const address = new URL(url);
    return { connection: { ...CONNECTION, host: address.hostname, port: Number(address.port), database: name }, superuser: url };
  }

  function setUp(box = fakeSafeStorage()) {
    const dir = tempDir();
    const announced: number[] = [];
    const opened: WorkerHost[] = [];
    const controller = new ConnectionController({
      dataDirectory: dir,
      box,
      open: async (databasePath, server) => {
        const host = startWorkerHost({ workerScript: WORKER, databasePath, backupDirectory: join(dir, 'backups'), userName: 'os-user', appVersion: 'test', ...(server ? { server } : {}) });
        opened.push(host);
        try {
          await host.ready;
          return host;
        } catch (error) {
          await host.close();
          return error as { code: 'Internal'; message: string };
        }
      },
      announce: () => void announced.push(1),
      log: () => {},
    });
    return { dir, controller, announced, opened };
  }

  async function startOnFile(ctx: ReturnType<typeof setUp>) {
    const first = (await ctx.controller.openAtStart()) ?? (await ctx.controller['deps'].open(join(ctx.dir, 'cohort.sqlite')));
    if ('code' in first) throw new Error(first.message);
    const host = new SwitchableHost(first);
    ctx.controller.attach(host);
    return host;
  }

  it('says why, in a reason the page words, and stays on this computer', async () => {
    const { connection } = await officeServer();
    const ctx = setUp();
    const host = await startOnFile(ctx);
    try {
      expect(await ctx.controller.connect(connection, 'wrong')).toMatchObject({ ok: false, failure: { reason: 'wrongPassword' } });
      expect(await ctx.controller.connect({ ...connection, login: 'nobody' }, 'x')).toMatchObject({ ok: false, failure: { reason: 'wrongPassword' } });
      expect(await ctx.controller.connect({ ...connection, database: 'no_such_db' }, 'anne-secret')).toMatchObject({ ok: false, failure: { reason: 'noSuchDatabase' } });
      expect(await ctx.controller.connect({ ...connection, sslmode: 'verify-full' }, 'anne-secret')).toMatchObject({ ok: false, failure: { reason: 'serverWithoutTls' } });
      expect(await ctx.controller.connect({ ...connection, port: 1 }, 'anne-secret')).toMatchObject({ ok: false, failure: { reason: 'unreachable' } });
      expect(await ctx.controller.connect(connection, '')).toMatchObject({ ok: false, failure: { reason: 'passwordNeeded' } });
      // A CA file the page names without the dialog having chosen it is not read.
      expect(await ctx.controller.connect({ ...connection, sslmode: 'verify-full', caFile: '/etc/passwd' }, 'anne-secret')).toMatchObject({ ok: false, refused: expect.any(String) });
      const missing = join(ctx.dir, 'gone.pem');
      ctx.controller.grantCaFile(missing);
      expect(await ctx.controller.connect({ ...connection, sslmode: 'verify-full', caFile: missing }, 'anne-secret')).toMatchObject({ ok: false, failure: { reason: 'caFileUnreadable' } });
      const info = (await createClient(host).call('database.info', {})) as DatabaseInfo;
      expect(info.engine).toBe('sqlite');
      expect(ctx.announced).toEqual([]);
      expect(existsSync(databaseChoicePath(ctx.dir))).toBe(false);
      expect(existsSync(keychainPath(ctx.dir))).toBe(false);
    } finally {
      await host.close();
    }
  });

  it('says a database without Cohort is not a Cohort server', async () => {
    const { connection, superuser } = await officeServer(false);
    const admin = new pg.Client({ connectionString: superuser });
    await admin.connect();
    await admin.query("CREATE ROLE settings_bare LOGIN PASSWORD 'anne-secret'").catch(() => undefined);
    await admin.end();
    const ctx = setUp();
    const host = await startOnFile(ctx);
    try {
      // A login of that server's own, but no Cohort there: "ask IT to run cohort server init".
      const answer = await ctx.controller.connect({ ...connection, login: 'settings_bare' }, 'anne-secret');
      expect(answer).toMatchObject({ ok: false, failure: { reason: 'notCohortServer' } });
    } finally {
      await host.close();
    }
  });

  it('switches the window’s worker to the server, remembers it without the password, keeps the password in the keychain, and opens it at the next start', async () => {
    const { connection } = await officeServer();
    const ctx = setUp();
    const host = await startOnFile(ctx);
    const heard: ApiEvent[] = [];
    host.subscribe((event) => heard.push(event));
    let second: SwitchableHost | null = null;
    try {
      const answer: ConnectAnswer = await ctx.controller.connect(connection, 'anne-secret');
      expect(answer).toEqual({ ok: true, passwordKept: true });
      const info = (await createClient(host).call('database.info', {})) as DatabaseInfo;
      expect(info).toMatchObject({ engine: 'postgres', server: { login: 'settings_anne' } });
      expect(ctx.announced).toEqual([1]);
      expect(loadDatabaseChoice(databaseChoicePath(ctx.dir))).toEqual({ use: 'server', server: connection });
      expect(keptPassword(keychainPath(ctx.dir), serverUrlOf(connection), fakeSafeStorage())).toBe('anne-secret');
      const state: ConnectionState = ctx.controller.state();
      expect(state).toEqual({ using: 'server', remembered: connection, passwordKept: true, keychainAvailable: true, startProblem: null });
      expect(JSON.stringify(state)).not.toContain('anne-secret');

      // The next start: the server, with the kept password.
      const next = setUp();
      const restarted = new ConnectionController({ ...next.controller['deps'], dataDirectory: ctx.dir });
      const opened = await restarted.openAtStart();
      expect(opened).not.toBeNull();
      second = new SwitchableHost(opened as WorkerHost);
      expect(((await createClient(second).call('database.info', {})) as DatabaseInfo).engine).toBe('postgres');

      // Back to this computer: the server stays in the form, its password is forgotten.
      expect(await ctx.controller.useThisComputer()).toEqual({ ok: true, passwordKept: false });
      expect(((await createClient(host).call('database.info', {})) as DatabaseInfo).engine).toBe('sqlite');
      expect(ctx.controller.state()).toMatchObject({ using: 'file', remembered: connection, passwordKept: false });
      expect(existsSync(keychainPath(ctx.dir))).toBe(false);
    } finally {
      await second?.close();
      await host.close();
    }
  });

  it('File > Open while on the server: the app is on that file, and starts on this computer next time', async () => {
    const { connection } = await officeServer();
    const ctx = setUp();
    const host = await startOnFile(ctx);
    // As main.ts wires it: whichever dialog opened the file (the menu's, the window's), through the one host.
    host.onFileOpened(() => ctx.controller.fileOpened());
    try {
      expect(await ctx.controller.connect(connection, 'anne-secret')).toEqual({ ok: true, passwordKept: true });
      const other = join(ctx.dir, 'away.sqlite');
      await createClient(host).call('database.open', { path: other, create: true });
      expect(((await createClient(host).call('database.info', {})) as DatabaseInfo).engine).toBe('sqlite');
      expect(ctx.controller.state()).toMatchObject({ using: 'file', remembered: connection, passwordKept: false });
      expect(loadDatabaseChoice(databaseChoicePath(ctx.dir))).toEqual({ use: 'file', server: connection });
      const restarted = new ConnectionController({ ...setUp().controller['deps'], dataDirectory: ctx.dir });
      expect(await restarted.openAtStart()).toBeNull();
      // A refused open (no such file) changes nothing.
      expect((await createClient(host).tryCall('database.open', { path: join(ctx.dir, 'missing.sqlite'), create: false })).ok).toBe(false);
      expect(ctx.controller.state()).toMatchObject({ using: 'file' });
    } finally {
      await host.close();
    }
  });

  it('without a keychain: connects, keeps no password, and at the next start opens this computer saying the password is needed', async () => {
    const { connection } = await officeServer();
    const ctx = setUp(fakeSafeStorage(false));
    const host = await startOnFile(ctx);
    try {
      expect(await ctx.controller.connect(connection, 'anne-secret')).toEqual({ ok: true, passwordKept: false });
      expect(existsSync(keychainPath(ctx.dir))).toBe(false);
      const restarted = new ConnectionController({ ...ctx.controller['deps'] });
      expect(await restarted.openAtStart()).toBeNull();
      expect(restarted.state()).toMatchObject({ using: 'file', keychainAvailable: false, startProblem: { reason: 'passwordNeeded' } });
    } finally {
      await host.close();
    }
  });

  it('a kept password for a server that now refuses it: this computer at start, with the reason', async () => {
    const { connection, superuser } = await officeServer();
    const ctx = setUp();
    const host = await startOnFile(ctx);
    await ctx.controller.connect(connection, 'anne-secret');
    await host.close();
    const admin = new pg.Client({ connectionString: superuser });
    await admin.connect();
    await admin.query("ALTER ROLE settings_anne PASSWORD 'changed'");
    await admin.end();
    const restarted = new ConnectionController({ ...ctx.controller['deps'] });
    expect(await restarted.openAtStart()).toBeNull();
    expect(restarted.state().startProblem).toMatchObject({ reason: 'wrongPassword' });
  });
});
