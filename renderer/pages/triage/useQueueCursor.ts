import { useState } from 'react';
import type { TFunction } from 'i18next';
import type { QueueWindow } from './useQueueWindow';

export interface Cursor {
  index: number;
  /** The application meant: after a reload the cursor finds it again, wherever it moved. */
  ref: number | null;
}

export type ResolvedCursor = Cursor & { inView: boolean };

const EMPTY: ReadonlySet<number> = new Set();

/**
 * Where the cursor is among the rows loaded now. It stays on its application wherever that moved
 * (a reload after a decision). If its application left the view (another window's decision), it
 * stays on it too, out of the list: the pane never switches to someone else by itself.
 */
export function resolveCursor(cursor: Cursor, window: QueueWindow, total: number): ResolvedCursor {
  if (cursor.ref === null) {
    if (total === 0) return { index: 0, ref: null, inView: false };
    const index = Math.min(cursor.index, total - 1);
    return { index, ref: window.rowAt(index)?.ref ?? null, inView: true };
  }
  const found = window.indexOf(cursor.ref);
  if (found >= 0) return { index: found, ref: cursor.ref, inView: true };
  return { index: Math.min(cursor.index, Math.max(0, total - 1)), ref: cursor.ref, inView: false };
}

/**
 * The cursor, the selection (with its anchor for Shift ranges) and the last action's status line
 * of one queue view. Each is stored with the view it was set in and reads as its starting value in
 * any other, so nothing has to reset them after the fact when the view changes.
 */
export function useQueueCursor(viewKey: string, window: QueueWindow) {
  const [cursorState, setCursorState] = useState<Cursor & { view: string }>({ view: '', index: 0, ref: null });
  const [selectedState, setSelectedState] = useState<{ view: string; refs: ReadonlySet<number> }>({ view: '', refs: new Set() });
  const [anchorState, setAnchorState] = useState<{ view: string; index: number | null }>({ view: '', index: null });
  // What the last action did, in words drawn in the current language.
  const [statusState, setStatusState] = useState<{ view: string; text: (t: TFunction) => string } | null>(null);

  const total = window.total ?? 0;
  const cursor = resolveCursor(cursorState.view === viewKey ? cursorState : { index: 0, ref: null }, window, total);
  const selected = selectedState.view === viewKey ? selectedState.refs : EMPTY;
  const anchor = anchorState.view === viewKey ? anchorState.index : null;

  const setCursor = (next: Cursor) => setCursorState({ ...next, view: viewKey });
  const setSelected = (refs: ReadonlySet<number>) => setSelectedState({ view: viewKey, refs });
  const setAnchor = (index: number | null) => setAnchorState({ view: viewKey, index });

  return {
    total,
    cursor,
    setCursor,
    selected,
    setSelected,
    anchor,
    setAnchor,
    status: statusState && statusState.view === viewKey ? statusState.text : null,
    setStatus: (text: (t: TFunction) => string) => setStatusState({ view: viewKey, text }),
    moveTo(index: number) {
      if (total === 0) return;
      const i = Math.max(0, Math.min(total - 1, index));
      setCursor({ index: i, ref: window.rowAt(i)?.ref ?? null });
    },
    /** Adds the rows between two positions to a selection (Shift+arrows, Shift+click). */
    selectRange(from: number, to: number, base: ReadonlySet<number>) {
      const next = new Set(base);
      for (let i = Math.min(from, to); i <= Math.max(from, to); i++) {
        const ref = window.rowAt(i)?.ref;
        if (ref !== undefined) next.add(ref);
      }
      setSelected(next);
    },
    /** The applications an action concerns: the selection, else the current one. */
    targets(): number[] {
      return selected.size > 0 ? [...selected] : cursor.ref === null ? [] : [cursor.ref];
    },
  };
}

export type QueueCursor = ReturnType<typeof useQueueCursor>;
