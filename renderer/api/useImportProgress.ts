import { useState } from 'react';
import { addSample, estimateProgress, type ProgressSample } from './progressRate';
import { useEvent } from './hooks';

export interface ImportProgress {
  phase: string | null;
  /** Bytes read (or units written) so far and in all. */
  done: number;
  total: number;
  rows: number | null;
  rowsPerSecond: number | null;
  secondsLeft: number | null;
}

interface Tracked {
  jobId: string;
  phase: string | null;
  done: number;
  total: number;
  rows: number | null;
  samples: ProgressSample[];
}

/**
 * Follows the progress events of one import job (`job: 'import'`, this `jobId`). Null until the
 * first event arrives. Rates restart with each phase: reading and writing go at different speeds.
 */
export function useImportProgress(jobId: string): ImportProgress | null {
  const [tracked, setTracked] = useState<Tracked | null>(null);

  useEvent((event) => {
    if (event.type !== 'progress' || event.job !== 'import' || event.jobId !== jobId) return;
    const phase = event.phase ?? null;
    const sample: ProgressSample = { at: performance.now(), done: event.done, rows: event.rows ?? null };
    setTracked((prev) => {
      const continues = prev !== null && prev.jobId === jobId && prev.phase === phase;
      return {
        jobId,
        phase,
        done: event.done,
        total: event.total,
        rows: event.rows ?? null,
        samples: continues ? addSample(prev.samples, sample) : [sample],
      };
    });
  });

  if (tracked === null || tracked.jobId !== jobId) return null;
  const { rowsPerSecond, secondsLeft } = estimateProgress(tracked.samples, tracked.total);
  return {
    phase: tracked.phase,
    done: tracked.done,
    total: tracked.total,
    rows: tracked.rows,
    rowsPerSecond,
    secondsLeft,
  };
}
