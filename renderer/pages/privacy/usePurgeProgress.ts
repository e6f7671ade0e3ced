import { useState } from 'react';
import { useEvent } from '../../api/hooks';

export interface PurgeProgress {
  /** Units done and in all; total is 0 until the first progress event. */
  done: number;
  total: number;
  /** What is being done now, as the services name it ('applications', 'backups'…), when they say. */
  phase: string | null;
}

const NOTHING: PurgeProgress = { done: 0, total: 0, phase: null };

/** How far a purge this window started has gone, from the services' progress events (job 'purge'). */
export function usePurgeProgress(running: boolean): PurgeProgress {
  const [progress, setProgress] = useState<PurgeProgress>(NOTHING);
  const [wasRunning, setWasRunning] = useState(running);
  // Each run starts from nothing: the last run's figures must not show at the start of the next.
  if (running !== wasRunning) {
    setWasRunning(running);
    if (running) setProgress(NOTHING);
  }
  useEvent((event) => {
    if (running && event.type === 'progress' && event.job === 'purge') setProgress({ done: event.done, total: event.total, phase: event.phase ?? null });
  });
  return progress;
}
