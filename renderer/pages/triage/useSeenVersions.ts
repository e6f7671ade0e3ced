import { useRef } from 'react';
import { useEpoch } from '../../api/ClientContext';
import type { CurrentApplication } from './useCurrentApplication';
import type { QueueWindow } from './useQueueWindow';

/** The version of an application's shared decisions the officer saw (triage.decide's and triage.note's `seen`). */
export interface Seen {
  ref: number;
  version: number;
}

/**
 * What a decision says the officer saw, so that one made on an application another officer changed
 * meanwhile is refused instead of silently overwriting theirs. It is read from what is on screen:
 * the detail pane's version for the application shown, the queue rows' for a selection (a "select
 * all" over rows not loaded sends what it has; the service checks only those). Nothing is asked of
 * the database: a key press decides as fast as before.
 *
 * This window's own decisions move versions on before the reload that shows them arrives: a second
 * key on the same application within that moment (or while the first is on its way) would otherwise
 * be refused as "changed meanwhile" by the officer themself. Each decision sent counts its
 * applications one version further on, kept here until the view catches up (the larger of the two
 * is sent), and forgotten if it is refused.
 */
export function useSeenVersions(window: QueueWindow, current: CurrentApplication) {
  const epoch = useEpoch();
  // Keyed by database (the epoch changes when another is opened): refs are one database's.
  const ahead = useRef(new Map<string, number>());
  const key = (ref: number) => `${epoch}:${ref}`;

  /** The versions shown for these applications; those neither loaded nor shown are left out. */
  const seenFor = (refs: readonly number[]): Seen[] => {
    const shown = new Map<number, number>();
    const note = (ref: number, version: number) => shown.set(ref, Math.max(version, shown.get(ref) ?? 0));
    const wanted = new Set(refs);
    if (refs.length === 1 && current.currentRow && wanted.has(current.currentRow.ref)) {
      // One key on the current application: its row is at hand, no need to walk the queue.
      note(current.currentRow.ref, current.currentRow.version);
    } else if (refs.length > 0) {
      for (let i = 0; i < (window.total ?? 0); i++) {
        const row = window.rowAt(i);
        if (row && wanted.has(row.ref)) note(row.ref, row.version);
      }
    }
    if (current.detail && wanted.has(current.detail.ref)) note(current.detail.ref, current.detail.version);
    for (const ref of refs) {
      const mine = ahead.current.get(key(ref));
      if (mine !== undefined) note(ref, mine);
    }
    return refs.filter((ref) => shown.has(ref)).map((ref) => ({ ref, version: shown.get(ref) ?? 0 }));
  };

  /** A decision on its way with these versions: its applications count as one version further on. */
  const sent = (seen: readonly Seen[]) => {
    for (const s of seen) ahead.current.set(key(s.ref), Math.max(s.version + 1, ahead.current.get(key(s.ref)) ?? 0));
  };

  return {
    seenFor,
    sent,
    /**
     * This officer's undo moved these applications on (a score's undo does not: scores carry no
     * version). Counted from this window's own decisions only: the view may already show the undo
     * (its reload can arrive before the answer), and counting from it would count it twice.
     */
    movedOn(refs: readonly number[]) {
      for (const ref of refs) {
        const mine = ahead.current.get(key(ref));
        if (mine !== undefined) ahead.current.set(key(ref), mine + 1);
      }
    },
    /** Refused: what this window counted is forgotten; the reload brings the versions as they are. */
    forget(refs: readonly number[]) {
      for (const ref of refs) ahead.current.delete(key(ref));
    },
  };
}

export type SeenVersions = ReturnType<typeof useSeenVersions>;
