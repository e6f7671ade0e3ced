import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { usePrefetch, useQuery } from '../../api/hooks';
import type { ResolvedCursor } from './useQueueCursor';
import type { QueueWindow } from './useQueueWindow';

/**
 * Applications fetched ahead of the officer: the next ones are shown at once. Enough for a few
 * hundred milliseconds of keys: the database answers in turn, and a reload of the sidebar's counts
 * or of the queue (a count over the campaign, after a pause in the decisions) holds the details
 * asked for behind it.
 */
const PREFETCH_AHEAD = 8;

/** User Timing names: a benchmark reads how long a key takes to show the next application. */
export const KEY_MARK = 'triage:key';
export const KEY_TO_SHOWN = 'triage:key-to-shown';

/**
 * The application under the cursor, its details from the query cache with the next few asked for
 * ahead; the criterion its score keys give; and the time from a key to the next application shown
 * (User Timing, read by the benchmark).
 */
export function useCurrentApplication(window: QueueWindow, cursor: ResolvedCursor) {
  const prefetch = usePrefetch();
  const currentRef = cursor.ref;
  const aheadKey = [currentRef, ...Array.from({ length: PREFETCH_AHEAD }, (_v, k) => window.rowAt(cursor.index + 1 + k)?.ref), window.rowAt(cursor.index - 1)?.ref].join(',');
  useEffect(() => {
    for (const ref of aheadKey.split(',').filter((r) => r !== '')) prefetch('triage.detail', { ref: Number(ref) });
  }, [aheadKey, prefetch]);
  const query = useQuery('triage.detail', currentRef === null ? null : { ref: currentRef });
  const detail = query.data?.ref === currentRef ? query.data : undefined;

  // How long from a key to the next application on screen: measured after the paint that shows it.
  const keyPending = useRef(false);
  useLayoutEffect(() => {
    if (!keyPending.current || detail === undefined) return;
    keyPending.current = false;
    requestAnimationFrame(() =>
      setTimeout(() => {
        if (performance.getEntriesByName(KEY_MARK, 'mark').length > 0) {
          performance.measure(KEY_TO_SHOWN, KEY_MARK);
          performance.clearMarks(KEY_MARK);
        }
      }, 0),
    );
  }, [detail]);

  // Each application is read from its top.
  const paneRef = useRef<HTMLElement>(null);
  useLayoutEffect(() => {
    if (paneRef.current) paneRef.current.scrollTop = 0;
  }, [detail?.ref]);

  // The criterion keys 1-5 score: the first, for each application anew.
  const [criterionState, setCriterionState] = useState<{ ref: number | null; index: number }>({ ref: null, index: 0 });
  const activeCriterion = criterionState.ref === currentRef ? criterionState.index : 0;

  return {
    currentRef,
    currentRow: window.rowAt(cursor.index),
    detail,
    error: query.error,
    paneRef,
    activeCriterion,
    setActiveCriterion: (index: number) => setCriterionState({ ref: currentRef, index }),
    /** A key that moves on was pressed: the time until the next application shows is measured. */
    markKey() {
      performance.clearMarks(KEY_MARK);
      performance.mark(KEY_MARK);
      keyPending.current = true;
    },
    /** The key opened a dialog instead: nothing to measure. */
    cancelKey() {
      keyPending.current = false;
    },
  };
}

export type CurrentApplication = ReturnType<typeof useCurrentApplication>;
