import { useState } from 'react';
import type { DemoResult } from '../../shared/api/contract';
import { useNotify } from '../components/Notify';
import { useClient } from './ClientContext';
import { useEvent } from './hooks';

export interface DemoProgress {
  running: boolean;
  /** Applications written so far and in all; total is 0 until the first progress event. */
  done: number;
  total: number;
}

const IDLE: DemoProgress = { running: false, done: 0, total: 0 };

/** Runs demo.load and follows its progress events; reports errors itself. */
export function useDemoLoad(onLoaded: (result: DemoResult) => void): {
  progress: DemoProgress;
  start: (options?: { campaignId?: number; count?: number }) => Promise<void>;
} {
  const client = useClient();
  const notify = useNotify();
  const [progress, setProgress] = useState<DemoProgress>(IDLE);

  useEvent((event) => {
    if (event.type === 'progress' && event.job === 'demo') {
      setProgress((p) => (p.running ? { running: true, done: event.done, total: event.total } : p));
    }
  });

  async function start({ campaignId, count = 2000 }: { campaignId?: number; count?: number } = {}) {
    setProgress({ running: true, done: 0, total: 0 });
    try {
      // A campaign in mid-season (triaged in part, shortlists sent, a reply, a double selection): every page has something to show.
      const result = await client.call('demo.load', campaignId === undefined ? { count, midSeason: true } : { campaignId, count, midSeason: true });
      setProgress(IDLE);
      onLoaded(result);
    } catch (error) {
      setProgress(IDLE);
      notify.error(error);
    }
  }

  return { progress, start };
}
