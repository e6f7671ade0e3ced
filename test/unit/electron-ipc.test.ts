import type { IpcMainInvokeEvent, IpcRenderer, IpcRendererEvent, WebContents } from 'electron';
import { describe, expect, it } from 'vitest';
import type { Transport } from '../../shared/api/client';
import { CHANNELS, type ApiEvent } from '../../shared/api/contract';
import type { ApiResult } from '../../shared/api/errors';
import { describeSender, handleChooseFolder, handleChooseSavePath, handleGrantFile, handleInvoke, handlePageCommand, handlePrintToPdf, handleShowInFolder, registerIpc, sendEvent, suggestedFileName } from '../../electron/ipc';
import { PathGrants } from '../../electron/path-policy';
import { createBridge } from '../../electron/preload-api';
import { pdfFileName, pdfOptions } from '../../electron/pdf';

const APP_PAGE = { url: 'app://cohort/index.html', isMainFrame: true };

/** A host that records what reached it and answers every call with ok. */
function recordingHost() {
  const calls: { method: string; input: unknown }[] = [];
  const host: Pick<Transport, 'invoke'> = {
    invoke(method, input) {
      calls.push({ method, input });
      return Promise.resolve({ ok: true, value: { echoed: method } });
    },
  };
  return { host, calls };
}

function expectValidation(result: ApiResult, kind: string) {
  expect(result.ok).toBe(false);
  if (result.ok) return;
  expect(result.error.code).toBe('Validation');
  expect(result.error.kind).toBe(kind);
}

describe('handleInvoke (main side of the Electron transport)', () => {
  it('relays a well-formed call from the app page', async () => {
    const { host, calls } = recordingHost();
    const result = await handleInvoke({ method: 'campaign.list', input: {} }, APP_PAGE, host);
    expect(result).toEqual({ ok: true, value: { echoed: 'campaign.list' } });
    expect(calls).toEqual([{ method: 'campaign.list', input: {} }]);
  });

  it.each([
    ['a file page', { url: 'file:///tmp/index.html', isMainFrame: true }],
    ['the web host page', { url: 'http://127.0.0.1:4000/index.html', isMainFrame: true }],
    ['another app host', { url: 'app://evil/index.html', isMainFrame: true }],
    ['a subframe of the app', { url: 'app://cohort/index.html', isMainFrame: false }],
    ['a destroyed frame', null],
  ])('refuses %s without reaching the host, and logs it', async (_what, sender) => {
    const { host, calls } = recordingHost();
    const logged: string[] = [];
    const result = await handleInvoke({ method: 'campaign.list', input: {} }, sender, host, (m) => logged.push(m));
    expectValidation(result, 'UntrustedSender');
    expect(calls).toEqual([]);
    expect(logged).toHaveLength(1);
  });

  it.each([
    ['null', null],
    ['a string', 'campaign.list'],
    ['an array', ['campaign.list', {}]],
    ['no method', { input: {} }],
    ['a numeric method', { method: 42, input: {} }],
    ['an empty method', { method: '', input: {} }],
    ['an enormous method', { method: 'x'.repeat(10_000), input: {} }],
    ['an extra key', { method: 'campaign.list', input: {}, channel: 'other' }],
  ])('refuses a malformed payload (%s) as Validation without reaching the host', async (_what, payload) => {
    const { host, calls } = recordingHost();
    expectValidation(await handleInvoke(payload, APP_PAGE, host), 'MalformedRequest');
    expect(calls).toEqual([]);
  });

  it('lets the dispatcher judge the input: a missing input is relayed as undefined', async () => {
    const { host, calls } = recordingHost();
    await handleInvoke({ method: 'app.info' }, APP_PAGE, host);
    expect(calls).toEqual([{ method: 'app.info', input: undefined }]);
  });

  it('turns a failing relay into Internal data, never a throw', async () => {
    const host: Pick<Transport, 'invoke'> = { invoke: () => Promise.reject(new Error('worker gone')) };
    const result = await handleInvoke({ method: 'app.info', input: {} }, APP_PAGE, host);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('Internal');
  });

  it('describes a frame by its URL and whether it has a parent', () => {
    expect(describeSender({ url: 'app://cohort/index.html', parent: null })).toEqual(APP_PAGE);
    expect(describeSender(null)).toBeNull();
  });
});

/** A stand-in for WebContents with just what sendEvent uses. */
function fakeContents(url: string, destroyed = false) {
  const sent: { channel: string; payload: unknown }[] = [];
  const contents = {
    isDestroyed: () => destroyed,
    getURL: () => url,
    send: (channel: string, payload: unknown) => sent.push({ channel, payload }),
  } as unknown as WebContents;
  return { contents, sent };
}

describe('events to the window', () => {
  const event: ApiEvent = { type: 'changed', topics: ['database'] };

  it('are sent on the fixed event channel to the app page', () => {
    const { contents, sent } = fakeContents('app://cohort/index.html#/overview');
    sendEvent(contents, event);
    expect(sent).toEqual([{ channel: CHANNELS.event, payload: event }]);
  });

  it('are not sent to a page that is not the app, nor to a destroyed window', () => {
    const foreign = fakeContents('https://example.org/');
    sendEvent(foreign.contents, event);
    const gone = fakeContents('app://cohort/index.html', true);
    sendEvent(gone.contents, event);
    sendEvent(null, event);
    expect(foreign.sent).toEqual([]);
    expect(gone.sent).toEqual([]);
  });

  it('registerIpc handles the invoke channel only and forwards worker events until unwired', async () => {
    type InvokeListener = (event: IpcMainInvokeEvent, payload: unknown) => unknown;
    const handlers = new Map<string, InvokeListener>();
    const ipcMain = {
      handle: (channel: string, listener: InvokeListener) => void handlers.set(channel, listener),
      removeHandler: (channel: string) => void handlers.delete(channel),
    };
    const listeners = new Set<(event: ApiEvent) => void>();
    const { host: recording, calls } = recordingHost();
    const host: Transport = {
      invoke: recording.invoke,
      subscribe: (listener) => {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
    };
    const { contents, sent } = fakeContents('app://cohort/index.html');
    const unwire = registerIpc({
      ipcMain,
      host,
      target: () => contents,
      log: () => {},
      grants: new PathGrants(),
      commands: { openDatabase() {}, newDatabase() {} },
      showSaveDialog: async () => ({ canceled: true }),
      showFolderDialog: async () => ({ canceled: true, filePaths: [] }),
      showItemInFolder: () => {},
      printToPdf: async () => new Uint8Array(),
      writePrivateFile: () => {},
    });
    expect([...handlers.keys()]).toEqual([CHANNELS.invoke, CHANNELS.grantFile, CHANNELS.command, CHANNELS.chooseSavePath, CHANNELS.chooseFolder, CHANNELS.showInFolder, CHANNELS.printToPdf]);

    const invoke = handlers.get(CHANNELS.invoke);
    const fromFrame = (parent: object | null) =>
      ({ senderFrame: { url: 'app://cohort/index.html', parent } }) as unknown as IpcMainInvokeEvent;
    const trusted = fromFrame(null);
    const untrusted = fromFrame({}); // an iframe of the app page
    expect(await invoke?.(trusted, { method: 'app.info', input: {} })).toMatchObject({ ok: true });
    expect(await invoke?.(untrusted, { method: 'app.info', input: {} })).toMatchObject({ ok: false });
    expect(calls).toHaveLength(1);

    listeners.forEach((l) => l({ type: 'progress', job: 'demo', done: 1, total: 2 }));
    expect(sent).toHaveLength(1);
    unwire();
    expect(handlers.size).toBe(0);
    expect(listeners.size).toBe(0);
  });
});

describe('saving the page as a PDF', () => {
  const trusted = { url: 'app://cohort/index.html', isMainFrame: true };
  const saveTo = (filePath: string | undefined) => async (suggested: string) => {
    asked.push(suggested);
    return filePath === undefined ? { canceled: true } : { canceled: false, filePath };
  };
  let asked: string[] = [];

  it('asks where first, prints the page, writes it there and lets it be shown in its folder', async () => {
    asked = [];
    const written: [string, Uint8Array][] = [];
    const grants = new PathGrants();
    const pdf = new Uint8Array([37, 80, 68, 70]);
    const path = await handlePrintToPdf('Internship Programme 2026 - report.xlsx', trusted, grants, saveTo('/home/anne/report.pdf'), async () => pdf, (p, b) => void written.push([p, b]));
    expect(path).toBe('/home/anne/report.pdf');
    expect(asked).toEqual(['Internship Programme 2026 - report.pdf']);
    expect(written).toEqual([['/home/anne/report.pdf', pdf]]);
    expect(grants.allows('/home/anne/report.pdf', 'export')).toBe(true);
  });

  it('prints nothing when the user cancels, or for a frame that is not the Cohort window', async () => {
    let printed = 0;
    const print = async () => {
      printed++;
      return new Uint8Array();
    };
    expect(await handlePrintToPdf('report', trusted, new PathGrants(), saveTo(undefined), print, () => {})).toBeNull();
    expect(await handlePrintToPdf('report', { url: 'https://example.org/', isMainFrame: true }, new PathGrants(), saveTo('/tmp/x.pdf'), print, () => {})).toBeNull();
    expect(printed).toBe(0);
  });

  it('prints A4 with backgrounds (the charts’ bars), the page’s own size first', () => {
    expect(pdfOptions()).toMatchObject({ pageSize: 'A4', printBackground: true, preferCSSPageSize: true });
    expect(pdfFileName('a/b')).toBe('a/b.pdf');
    expect(pdfFileName('  ')).toBe('Cohort.pdf');
  });
});

describe('the preload bridge', () => {
  function fakeIpcRenderer() {
    const invoked: { channel: string; args: unknown[] }[] = [];
    const listeners = new Map<string, Set<(event: IpcRendererEvent, ...args: unknown[]) => void>>();
    const ipc = {
      invoke: (channel: string, ...args: unknown[]) => {
        invoked.push({ channel, args });
        return Promise.resolve({ ok: true, value: null });
      },
      on(channel: string, listener: (event: IpcRendererEvent, ...args: unknown[]) => void) {
        if (!listeners.has(channel)) listeners.set(channel, new Set());
        listeners.get(channel)?.add(listener);
        return ipc;
      },
      removeListener(channel: string, listener: (event: IpcRendererEvent, ...args: unknown[]) => void) {
        listeners.get(channel)?.delete(listener);
        return ipc;
      },
    };
    const emit = (channel: string, payload: unknown) => {
      const ipcEvent = { sender: ipc, senderId: 0, ports: [] } as unknown as IpcRendererEvent;
      listeners.get(channel)?.forEach((l) => l(ipcEvent, payload));
    };
    return { ipc: ipc as unknown as Pick<IpcRenderer, 'invoke' | 'on' | 'removeListener'>, invoked, listeners, emit };
  }

  it('exposes invoke, on, a dropped file’s path, the native database, Save and folder dialogs, Show in folder and Settings’ connection, nothing else', () => {
    const bridge = createBridge(fakeIpcRenderer().ipc, () => '/home/anne/export.csv');
    expect(Object.keys(bridge).sort()).toEqual(['chooseFolder', 'chooseSavePath', 'command', 'connection', 'invoke', 'on', 'pathForFile', 'printToPdf', 'showInFolder']);
    // Settings > Database: its four calls on their fixed channels (electron-connection.test.ts), nothing that reads a password back.
    expect(Object.keys(bridge.connection ?? {}).sort()).toEqual(['chooseCaFile', 'connect', 'state', 'useThisComputer']);
  });

  it('tells the main process the path of a file the user chose, before the page can use it', async () => {
    const fake = fakeIpcRenderer();
    const bridge = createBridge(fake.ipc, (file) => (file.name === 'export.csv' ? '/home/anne/export.csv' : ''));
    expect(await bridge.pathForFile?.({ name: 'export.csv' } as File)).toBe('/home/anne/export.csv');
    // A File with no path on disk (made by the page, say) grants nothing.
    expect(await bridge.pathForFile?.({ name: 'made-up.csv' } as File)).toBe('');
    expect(fake.invoked).toEqual([{ channel: CHANNELS.grantFile, args: ['/home/anne/export.csv'] }]);
  });

  it('invokes over the fixed channel with { method, input }', async () => {
    const fake = fakeIpcRenderer();
    await createBridge(fake.ipc).invoke('campaign.get', { campaignId: 1 });
    expect(fake.invoked).toEqual([{ channel: CHANNELS.invoke, args: [{ method: 'campaign.get', input: { campaignId: 1 } }] }]);
  });

  it('gives listeners the event payload only, and unsubscribes', () => {
    const fake = fakeIpcRenderer();
    const received: unknown[][] = [];
    const off = createBridge(fake.ipc).on((...args: unknown[]) => received.push(args));
    const event: ApiEvent = { type: 'command', command: 'import' };
    fake.emit(CHANNELS.event, event);
    fake.emit('some:other-channel', { type: 'changed', topics: ['database'] });
    expect(received).toEqual([[event]]);
    off();
    fake.emit(CHANNELS.event, event);
    expect(received).toHaveLength(1);
    expect(fake.listeners.get(CHANNELS.event)?.size).toBe(0);
  });

  it('refuses a listener that is not a function', () => {
    const bridge = createBridge(fakeIpcRenderer().ipc);
    expect(() => bridge.on('x' as unknown as (event: ApiEvent) => void)).toThrow(TypeError);
  });
});

describe('files the page names (Electron)', () => {
  const UNTRUSTED = { url: 'app://cohort/index.html', isMainFrame: false };

  it('refuses database.open with a path the page made up, in the handler, before the worker', async () => {
    const { host, calls } = recordingHost();
    const grants = new PathGrants();
    // Even a file the user chose for import is not a database the page may open.
    handleGrantFile('/home/anne/cohort.sqlite', APP_PAGE, grants);
    for (const path of ['/home/anne/other.sqlite', '/etc/passwd', '/home/anne/cohort.sqlite']) {
      const result = await handleInvoke({ method: 'database.open', input: { path, create: false } }, APP_PAGE, host, () => {}, grants);
      expectValidation(result, 'PathNotChosen');
    }
    expect(calls).toEqual([]);
  });

  it('imports only a file the preload reported from the user’s choice or drop, from our own window', async () => {
    const { host, calls } = recordingHost();
    const grants = new PathGrants();
    const inspect = (path: string) => handleInvoke({ method: 'import.inspect', input: { campaignId: 1, path } }, APP_PAGE, host, () => {}, grants);
    expectValidation(await inspect('/home/anne/export.csv'), 'PathNotChosen');
    expect(handleGrantFile('/home/anne/export.csv', UNTRUSTED, grants)).toBe(false);
    expectValidation(await inspect('/home/anne/export.csv'), 'PathNotChosen');
    expect(handleGrantFile('/home/anne/export.csv', APP_PAGE, grants)).toBe(true);
    expect(await inspect('/home/anne/export.csv')).toMatchObject({ ok: true });
    // "..": the same file by another spelling is the same file; a neighbour is not.
    expect(await inspect('/home/anne/x/../export.csv')).toMatchObject({ ok: true });
    expectValidation(await inspect('/home/anne/secret.csv'), 'PathNotChosen');
    expect(calls.map((c) => (c.input as { path: string }).path)).toEqual(['/home/anne/export.csv', '/home/anne/x/../export.csv']);
  });

  it('writes an export only where this session’s Save dialog said; a download names no path', async () => {
    const { host, calls } = recordingHost();
    const grants = new PathGrants();
    const save = (target: unknown) => handleInvoke({ method: 'import.rejectionsCsv', input: { importId: 1, target } }, APP_PAGE, host, () => {}, grants);
    expectValidation(await save({ kind: 'path', path: '/home/anne/.bashrc' }), 'PathNotChosen');
    // A file chosen for import is not one the page may write.
    handleGrantFile('/home/anne/export.csv', APP_PAGE, grants);
    expectValidation(await save({ kind: 'path', path: '/home/anne/export.csv' }), 'PathNotChosen');

    const dialogs: string[] = [];
    const dialog = async (suggested: string) => {
      dialogs.push(suggested);
      return { canceled: false, filePath: '/home/anne/Documents/rejected.csv' };
    };
    expect(await handleChooseSavePath('export - rejected rows.csv', UNTRUSTED, grants, dialog)).toBeNull();
    expect(await handleChooseSavePath('../../etc/x - rejected rows.csv', APP_PAGE, grants, dialog)).toBe('/home/anne/Documents/rejected.csv');
    expect(dialogs).toEqual(['x - rejected rows.csv']);
    expect(await save({ kind: 'path', path: '/home/anne/Documents/rejected.csv' })).toMatchObject({ ok: true });
    expect(await save({ kind: 'download' })).toMatchObject({ ok: true });
    expect(calls).toHaveLength(2);
    expect(await handleChooseSavePath('x.csv', APP_PAGE, grants, async () => ({ canceled: true }))).toBeNull();

    const shown: string[] = [];
    expect(handleShowInFolder('/home/anne/Documents/rejected.csv', APP_PAGE, grants, (p) => void shown.push(p))).toBe(true);
    expect(handleShowInFolder('/home/anne/export.csv', APP_PAGE, grants, (p) => void shown.push(p))).toBe(false);
    expect(handleShowInFolder('/home/anne/Documents/rejected.csv', UNTRUSTED, grants, (p) => void shown.push(p))).toBe(false);
    expect(shown).toEqual(['/home/anne/Documents/rejected.csv']);
    expect([suggestedFileName(''), suggestedFileName('..'), suggestedFileName('a\\b:c.csv'), suggestedFileName(42)]).toEqual(['export', 'export', 'b_c.csv', 'export']);
  });

  it('writes a batch of files only into a folder this session’s folder dialog chose', async () => {
    const { host, calls } = recordingHost();
    const grants = new PathGrants();
    const save = (target: unknown) => handleInvoke({ method: 'shortlists.export', input: { id: 1, replyBy: '2027-01-29', target } }, APP_PAGE, host, () => {}, grants);
    expectValidation(await save({ kind: 'folder', path: '/home/anne' }), 'PathNotChosen');
    expect(await handleChooseFolder(UNTRUSTED, grants, async () => ({ canceled: false, filePaths: ['/home/anne'] }))).toBeNull();
    expectValidation(await save({ kind: 'folder', path: '/home/anne' }), 'PathNotChosen');
    expect(await handleChooseFolder(APP_PAGE, grants, async () => ({ canceled: false, filePaths: ['/home/anne/Drafts'] }))).toBe('/home/anne/Drafts');
    expect(await save({ kind: 'folder', path: '/home/anne/Drafts' })).toMatchObject({ ok: true });
    expectValidation(await save({ kind: 'folder', path: '/home/anne' }), 'PathNotChosen');
    expect(await handleChooseFolder(APP_PAGE, grants, async () => ({ canceled: true, filePaths: [] }))).toBeNull();
    expect(calls).toHaveLength(1);
  });

  it('lets requests that name no file through untouched', async () => {
    const { host, calls } = recordingHost();
    expect(await handleInvoke({ method: 'campaign.list', input: {} }, APP_PAGE, host, () => {}, new PathGrants())).toMatchObject({ ok: true });
    expect(calls).toHaveLength(1);
  });

  it('runs the native Open and New dialogs for the page, and nothing else', () => {
    const ran: string[] = [];
    const commands = { openDatabase: () => void ran.push('open'), newDatabase: () => void ran.push('new') };
    expect(handlePageCommand('openDatabase', APP_PAGE, commands)).toBe(true);
    expect(handlePageCommand('newDatabase', APP_PAGE, commands)).toBe(true);
    expect(handlePageCommand('openDatabase', UNTRUSTED, commands)).toBe(false);
    expect(handlePageCommand('toString', APP_PAGE, commands)).toBe(false);
    expect(handlePageCommand({ name: 'openDatabase' }, APP_PAGE, commands)).toBe(false);
    expect(ran).toEqual(['open', 'new']);
  });
});
