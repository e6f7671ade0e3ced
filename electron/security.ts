import type { WebPreferences } from 'electron';
import { APP_ORIGIN, originOf } from './app-protocol';

/**
 * Electron's security checklist as plain functions, so each decision is a unit test rather than a
 * hope. Nothing here imports Electron at run time; main.ts and ipc.ts apply these answers.
 */

export interface WebPreferenceOptions {
  /** Developer tools in development only: in a packaged app they would be a console on the data. */
  devTools?: boolean;
}

export function secureWebPreferences(preloadPath: string, options: WebPreferenceOptions = {}): WebPreferences {
  return {
    preload: preloadPath,
    // The page cannot reach the preload's globals, Node, or Electron: only `window.cohort`.
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    // Spell-checking would send typed applicant data to the OS/cloud dictionary service.
    spellcheck: false,
    experimentalFeatures: false,
    // Dropping a file on the window must not navigate away from the app.
    navigateOnDragDrop: false,
    devTools: options.devTools ?? false,
  };
}

/**
 * The policy for every page the app serves (app:// and the web host). Fluent UI's Griffel injects
 * <style> elements at run time, hence 'unsafe-inline' for styles only; scripts come from the bundle
 * alone (no eval, no inline script).
 */
export const CSP_DIRECTIVES: Readonly<Record<string, readonly string[]>> = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'style-src': ["'self'", "'unsafe-inline'"],
  'img-src': ["'self'", 'data:'],
  'font-src': ["'self'"],
  'connect-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'none'"],
  'form-action': ["'none'"],
  'frame-ancestors': ["'none'"],
};

export function contentSecurityPolicy(): string {
  return Object.entries(CSP_DIRECTIVES)
    .map(([directive, sources]) => `${directive} ${sources.join(' ')}`)
    .join('; ');
}

/** Headers for every response of the app:// protocol handler. */
export function responseSecurityHeaders(): Record<string, string> {
  return {
    'Content-Security-Policy': contentSecurityPolicy(),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': 'no-store',
  };
}

/** What ipc.ts learns about the frame that sent a message (from Electron's WebFrameMain). */
export interface SenderFrame {
  url: string;
  /** True when the frame has no parent: an iframe, even one of ours, never speaks for the app. */
  isMainFrame: boolean;
}

/**
 * Only the app's own page, in its main frame, may call the API. A frame that navigated elsewhere
 * (file://, the web host's http://127.0.0.1, app://anything-else) or a subframe is refused; a
 * destroyed frame (null) too.
 */
export function isTrustedSender(frame: SenderFrame | null | undefined, appOrigin: string = APP_ORIGIN): boolean {
  if (!frame || !frame.isMainFrame) return false;
  return originOf(frame.url) === appOrigin;
}

/** The window may only ever show the app itself; links elsewhere go through `isAllowedExternalUrl`. */
export function shouldAllowNavigation(url: string, appOrigin: string = APP_ORIGIN): boolean {
  return originOf(url) === appOrigin;
}

/**
 * `shell.openExternal` hands a URL to the OS, which would also run `file:`, `smb:` or custom
 * protocol handlers. So: https only, and only the exact URLs the app itself built (the allowlist),
 * never a URL a page merely asked for.
 */
export function isAllowedExternalUrl(url: string, allowlist: readonly string[]): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol !== 'https:' || parsed.username !== '' || parsed.password !== '') return false;
  return allowlist.includes(url);
}

/**
 * Cohort needs no browser permission (camera, microphone, notifications, geolocation, clipboard
 * reading, USB, HID, serial…): every request and every check is denied.
 */
export function isPermissionGranted(_permission: string): boolean {
  return false;
}
