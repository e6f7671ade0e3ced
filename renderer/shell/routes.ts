import { useCallback, useSyncExternalStore } from 'react';

/** The pages of the shell, in navigation order. The address is `#/<page>`. */
export const PAGES = ['overview', 'screening', 'divisions', 'shortlists', 'notices', 'reports', 'privacy', 'audit', 'settings'] as const;
export type Page = (typeof PAGES)[number];

function isPage(value: string): value is Page {
  return (PAGES as readonly string[]).includes(value);
}

export function pageHref(page: Page): string {
  return `#/${page}`;
}

/** An entry of the import history (on the Screening page), as an address: Back and links work. */
export function importHref(importId: number): string {
  return `#/screening/imports/${importId}`;
}

function currentImportId(): number | null {
  const match = /^#\/?screening\/imports\/(\d+)/.exec(window.location.hash);
  return match?.[1] ? Number(match[1]) : null;
}

function currentPage(): Page {
  const name = window.location.hash.replace(/^#\/?/, '').split(/[/?&]/)[0] ?? '';
  return isPage(name) ? name : 'overview';
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

/**
 * Hash routing: works alike under file:// (Electron) and http:// (web host), and gives the
 * navigation real links, so the browser's Back and the keyboard behave as users expect.
 */
export function useRoute(): [Page, (page: Page) => void] {
  const page = useSyncExternalStore(subscribe, currentPage);
  const navigate = useCallback((next: Page) => {
    window.location.hash = pageHref(next);
  }, []);
  return [page, navigate];
}

/** The import whose details the history shows (from `#/screening/imports/<id>`), or null. */
export function useSelectedImport(): [number | null, (importId: number | null) => void] {
  const importId = useSyncExternalStore(subscribe, currentImportId);
  const select = useCallback((next: number | null) => {
    window.location.hash = next === null ? pageHref('screening') : importHref(next);
  }, []);
  return [importId, select];
}
