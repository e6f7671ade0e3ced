import { useCallback, useSyncExternalStore } from 'react';

/** The pages of the shell, in navigation order. The address is `#/<page>`. */
export const PAGES = ['overview', 'screening', 'divisions', 'shortlists', 'notices', 'settings'] as const;
export type Page = (typeof PAGES)[number];

function isPage(value: string): value is Page {
  return (PAGES as readonly string[]).includes(value);
}

export function pageHref(page: Page): string {
  return `#/${page}`;
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
