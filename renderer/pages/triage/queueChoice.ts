import { pageHref } from '../../shell/routes';

/** Where the Divisions page keeps the queue the officer last chose (this computer only). */
export const QUEUE_CHOICE_KEY = 'cohort.triage.choice';

/** Makes a queue the one the Divisions page opens on next (before following a link to it). */
export function rememberQueue(queue: string): void {
  try {
    localStorage.setItem(QUEUE_CHOICE_KEY, JSON.stringify({ kind: 'queue', queue }));
  } catch {
    // Storage refused (private mode): the page opens on the queue chosen last.
  }
}

/** Opens the Divisions page on a queue: from the Overview's "what next". */
export function openQueue(queue: string): void {
  rememberQueue(queue);
  window.location.hash = pageHref('divisions');
}
