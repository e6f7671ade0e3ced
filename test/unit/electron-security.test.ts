import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { APP_ENTRY_URL, APP_ORIGIN, contentTypeFor, originOf, resolveAppAsset } from '../../electron/app-protocol';
import { EXTERNAL_LINKS, EXTERNAL_URL_ALLOWLIST } from '../../electron/external-links';
import {
  contentSecurityPolicy,
  isAllowedExternalUrl,
  isPermissionGranted,
  isTrustedSender,
  responseSecurityHeaders,
  secureWebPreferences,
  shouldAllowNavigation,
} from '../../electron/security';

function parseCsp(policy: string): Map<string, string[]> {
  const directives = new Map<string, string[]>();
  for (const part of policy.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) {
      expect(directives.has(name), `directive ${name} appears twice`).toBe(false);
      directives.set(name, sources);
    }
  }
  return directives;
}

describe('the window webPreferences', () => {
  it('isolates the page from Node and Electron', () => {
    const prefs = secureWebPreferences('/app/dist/node/preload.cjs');
    expect(prefs).toMatchObject({
      preload: '/app/dist/node/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
    });
  });

  it('has developer tools only when asked (development)', () => {
    expect(secureWebPreferences('p').devTools).toBe(false);
    expect(secureWebPreferences('p', { devTools: true }).devTools).toBe(true);
  });

  it('neither enables Blink features nor passes arguments to the page', () => {
    const prefs = secureWebPreferences('p');
    expect(prefs.enableBlinkFeatures).toBeUndefined();
    expect(prefs.additionalArguments).toBeUndefined();
  });
});

describe('the content security policy', () => {
  const csp = parseCsp(contentSecurityPolicy());

  it('allows scripts from the app bundle only', () => {
    expect(csp.get('script-src')).toEqual(["'self'"]);
    expect(csp.get('default-src')).toEqual(["'self'"]);
    expect(contentSecurityPolicy()).not.toContain('unsafe-eval');
  });

  it('allows inline styles (Griffel) but nothing else inline', () => {
    expect(csp.get('style-src')).toEqual(["'self'", "'unsafe-inline'"]);
    const inlineElsewhere = [...csp.entries()].filter(
      ([name, sources]) => name !== 'style-src' && sources.includes("'unsafe-inline'"),
    );
    expect(inlineElsewhere).toEqual([]);
  });

  it('closes objects, base, forms and framing, and keeps connections to the app', () => {
    expect(csp.get('object-src')).toEqual(["'none'"]);
    expect(csp.get('base-uri')).toEqual(["'none'"]);
    expect(csp.get('form-action')).toEqual(["'none'"]);
    expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
    expect(csp.get('connect-src')).toEqual(["'self'"]);
    expect(csp.get('img-src')).toEqual(["'self'", 'data:']);
  });

  it('is sent with every app:// response, with nosniff', () => {
    const headers = responseSecurityHeaders();
    expect(headers['Content-Security-Policy']).toBe(contentSecurityPolicy());
    expect(headers['X-Content-Type-Options']).toBe('nosniff');
  });
});

describe('the IPC sender check', () => {
  const main = (url: string) => ({ url, isMainFrame: true });

  it('accepts the app page in its main frame', () => {
    expect(isTrustedSender(main(APP_ENTRY_URL))).toBe(true);
    expect(isTrustedSender(main('app://cohort/index.html#/overview'))).toBe(true);
    expect(isTrustedSender(main('app://cohort/index.html'), 'app://cohort')).toBe(true);
  });

  it.each([
    ['a file page', 'file:///C:/Users/x/index.html'],
    ['the web host', 'http://127.0.0.1:5173/index.html'],
    ['another app:// host', 'app://evil/index.html'],
    ['a look-alike host', 'app://cohort.evil/index.html'],
    ['credentials before another host', 'app://cohort@evil/index.html'],
    ['a port on the app host', 'app://cohort:8080/index.html'],
    ['https', 'https://cohort/index.html'],
    ['about:blank', 'about:blank'],
    ['an empty URL', ''],
    ['a non-URL', 'cohort'],
  ])('refuses %s', (_what, url) => {
    expect(isTrustedSender(main(url))).toBe(false);
  });

  it('refuses a subframe even of the app origin', () => {
    expect(isTrustedSender({ url: APP_ENTRY_URL, isMainFrame: false })).toBe(false);
  });

  it('refuses a missing (destroyed) frame', () => {
    expect(isTrustedSender(null)).toBe(false);
    expect(isTrustedSender(undefined)).toBe(false);
  });

  it('computes the origin of the custom scheme itself (WHATWG says "null")', () => {
    expect(new URL(APP_ENTRY_URL).origin).toBe('null');
    expect(originOf(APP_ENTRY_URL)).toBe(APP_ORIGIN);
  });
});

describe('navigation, new windows and permissions', () => {
  it('allows navigation within the app only', () => {
    expect(shouldAllowNavigation('app://cohort/index.html#/settings')).toBe(true);
    expect(shouldAllowNavigation('https://www.nato.int/')).toBe(false);
    expect(shouldAllowNavigation('file:///etc/passwd')).toBe(false);
    expect(shouldAllowNavigation('http://127.0.0.1:8080/')).toBe(false);
    expect(shouldAllowNavigation('javascript:alert(1)')).toBe(false);
  });

  it('opens externally only https URLs the app built, exactly', () => {
    const allow = ['https://www.nato.int/cps/en/natolive/72038.htm'];
    expect(isAllowedExternalUrl('https://www.nato.int/cps/en/natolive/72038.htm', allow)).toBe(true);
    expect(isAllowedExternalUrl('https://www.nato.int/cps/en/natolive/72038.htm?x=1', allow)).toBe(false);
    expect(isAllowedExternalUrl('https://evil.example/', allow)).toBe(false);
    expect(isAllowedExternalUrl('http://www.nato.int/cps/en/natolive/72038.htm', ['http://www.nato.int/cps/en/natolive/72038.htm'])).toBe(false);
    expect(isAllowedExternalUrl('file:///C:/Windows/System32/calc.exe', ['file:///C:/Windows/System32/calc.exe'])).toBe(false);
    expect(isAllowedExternalUrl('https://user:pw@www.nato.int/', ['https://user:pw@www.nato.int/'])).toBe(false);
    expect(isAllowedExternalUrl('not a url', ['not a url'])).toBe(false);
  });

  it('has an allowlist of https links only', () => {
    expect(EXTERNAL_URL_ALLOWLIST).toContain(EXTERNAL_LINKS.programme);
    for (const url of EXTERNAL_URL_ALLOWLIST) expect(isAllowedExternalUrl(url, EXTERNAL_URL_ALLOWLIST)).toBe(true);
  });

  it.each(['media', 'notifications', 'geolocation', 'clipboard-read', 'openExternal', 'hid', 'unknown'])(
    'denies the %s permission',
    (permission) => {
      expect(isPermissionGranted(permission)).toBe(false);
    },
  );
});

describe('the app:// protocol', () => {
  const root = mkdtempSync(join(tmpdir(), 'cohort-renderer-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('serves files under dist/renderer, index.html for the bare origin', () => {
    expect(resolveAppAsset('app://cohort/index.html', root)).toBe(join(root, 'index.html'));
    expect(resolveAppAsset('app://cohort/', root)).toBe(join(root, 'index.html'));
    expect(resolveAppAsset('app://cohort/assets/index-abc.js', root)).toBe(join(root, 'assets', 'index-abc.js'));
    expect(resolveAppAsset('app://cohort/assets/a%20b.css?v=1#x', root)).toBe(join(root, 'assets', 'a b.css'));
  });

  it.each([
    ['dot-dot', 'app://cohort/../secret.txt'],
    ['encoded dot-dot', 'app://cohort/%2e%2e/secret.txt'],
    ['dot-dot deeper', 'app://cohort/assets/../../../secret.txt'],
  ])('keeps %s inside the root (URL parsing removes dot segments, as Chromium does)', (_what, url) => {
    expect(resolveAppAsset(url, root)).toBe(join(root, 'secret.txt'));
  });

  it.each([
    ['encoded slash and dot-dot', 'app://cohort/assets/..%2f..%2fsecret.txt'],
    ['encoded backslash', 'app://cohort/..%5c..%5csecret.txt'],
    ['a NUL byte', 'app://cohort/index.html%00.js'],
    ['a broken escape', 'app://cohort/%E0%A4%A'],
    ['another host', 'app://evil/index.html'],
    ['another scheme', 'file:///etc/passwd'],
  ])('refuses %s', (_what, url) => {
    expect(resolveAppAsset(url, root)).toBeNull();
  });

  it('names module scripts as JavaScript (Chromium refuses them otherwise)', () => {
    expect(contentTypeFor('/x/assets/index.js')).toMatch(/^text\/javascript/);
    expect(contentTypeFor('/x/index.html')).toMatch(/^text\/html/);
    expect(contentTypeFor('/x/a.CSS')).toMatch(/^text\/css/);
    expect(contentTypeFor('/x/blob.bin')).toBe('application/octet-stream');
  });
});
