import { useEffect, useMemo, useState } from 'react';
import type { QueueId, TriageColumn, TriageFilter, TriageSort } from '../../../shared/api/contract';
import { useLatestCallback } from '../../api/useLatestCallback';
import { QUEUE_CHOICE_KEY } from './queueChoice';
import type { QueueChoice } from './QueueSidebar';
import type { QueueView } from './useQueueWindow';

/** The stage tabs: one stage each, or every stage. */
export const STAGE_TABS = ['new', 'inReview', 'proposed', 'notRetained', 'any'] as const;
export type StageTab = (typeof STAGE_TABS)[number];

const DEFAULT_COLUMNS: TriageColumn[] = ['name', 'stage', 'score', 'nationality', 'division', 'university', 'fieldOfStudy', 'englishLevel', 'submittedAt'];
const COLUMNS_KEY = 'cohort.triage.columns';
const SEARCH_DEBOUNCE_MS = 200;

function stored<T>(key: string, fallback: T): T {
  try {
    const text = localStorage.getItem(key);
    return text === null ? fallback : (JSON.parse(text) as T);
  } catch {
    return fallback;
  }
}

/**
 * Which rows the queue shows and how: the queue (a division, the officer's own, a saved view),
 * the stage tab, filters, search and sort, and the columns. The queue chosen and the columns are
 * kept on this computer; a saved view sets them all at once.
 */
export function useQueueView(campaignId: number, officer: string) {
  const [choice, setChoice] = useState<QueueChoice>(() => stored<QueueChoice>(QUEUE_CHOICE_KEY, { kind: 'queue', queue: 'all' }));
  const [queue, setQueue] = useState<QueueId>(() => (choice.kind === 'queue' ? choice.queue : 'all'));
  const [stageTab, setStageTab] = useState<StageTab>('new');
  const [filter, setFilter] = useState<TriageFilter>({});
  const [searchText, setSearchText] = useState('');
  const [search, setSearch] = useState('');
  const [sort, setSort] = useState<TriageSort>([]);
  const [columns, setColumns] = useState<TriageColumn[]>(() => stored(COLUMNS_KEY, DEFAULT_COLUMNS));

  useEffect(() => localStorage.setItem(COLUMNS_KEY, JSON.stringify(columns)), [columns]);
  useEffect(() => localStorage.setItem(QUEUE_CHOICE_KEY, JSON.stringify(choice.kind === 'view' ? { kind: 'queue', queue } : choice)), [choice, queue]);
  // The search runs once typing pauses.
  useEffect(() => {
    const timer = setTimeout(() => setSearch(searchText.trim()), SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [searchText]);

  const viewFilter = useMemo<TriageFilter>(() => {
    const f: TriageFilter = { ...filter };
    if (stageTab !== 'any') f.stages = [stageTab];
    else delete f.stages;
    if (choice.kind === 'mine') f.assignee = officer;
    if (search !== '') f.search = search;
    return f;
  }, [filter, stageTab, choice.kind, officer, search]);
  const view = useMemo<QueueView>(
    () => ({ campaignId, queue: choice.kind === 'mine' ? 'all' : queue, filter: viewFilter, sort }),
    [campaignId, choice.kind, queue, viewFilter, sort],
  );

  /** Opens a queue, the officer's own, or a saved view (which brings its filters, sort and columns). */
  const choose = useLatestCallback((next: QueueChoice) => {
    setChoice(next);
    if (next.kind === 'queue') setQueue(next.queue);
    if (next.kind === 'view') {
      setQueue(next.view.queue);
      const { stages, search: viewSearch, assignee: _assignee, ...rest } = next.view.filter;
      setFilter(rest);
      setStageTab(stages && stages.length === 1 && stages[0] ? stages[0] : 'any');
      setSearchText(viewSearch ?? '');
      setSort(next.view.sort);
      setColumns(next.view.columns);
    }
  });

  return {
    choice,
    choose,
    /** Leaves a saved view that was deleted for its queue, under the queue's own name. */
    leaveView: () => setChoice({ kind: 'queue', queue }),
    queue,
    stageTab,
    setStageTab,
    filter,
    setFilter,
    searchText,
    setSearchText,
    sort,
    setSort,
    columns,
    setColumns,
    viewFilter,
    view,
    /** The view as one string: cursor, selection and status belong to the view they were set in. */
    viewKey: JSON.stringify(view),
  };
}
