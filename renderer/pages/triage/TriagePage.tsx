import {
  Button,
  Field,
  Input,
  Popover,
  PopoverSurface,
  PopoverTrigger,
  SearchBox,
  Tab,
  TabList,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { KeyboardRegular, PersonRegular, SaveRegular, TaskListSquareLtrRegular } from '@fluentui/react-icons';
import { memo, useEffect, useLayoutEffect, useMemo, useRef, useState, type MouseEvent } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { QueueId, SavedView, TriageActionResult, TriageColumn, TriageFilter, TriageRow, TriageSort } from '../../../shared/api/contract';
import { toErrorData, type AppErrorData } from '../../../shared/api/errors';
import type { DivisionCode } from '../../../shared/domain/divisions';
import { DIVISION_CODES } from '../../../shared/domain/divisions';
import type { NotRetainedReason, Stage } from '../../../shared/domain/stages';
import { useClient } from '../../api/ClientContext';
import { useQuery } from '../../api/hooks';
import { useLatestCallback } from '../../api/useLatestCallback';
import { ErrorBar } from '../../components/ErrorBar';
import { FormDialog, FormDialogForm } from '../../components/FormDialog';
import { NoteDialog } from '../../dialogs/NoteDialog';
import { useWorkspace } from '../../shell/WorkspaceContext';
import { BulkBar } from './BulkBar';
import { ColumnsMenu } from './ColumnsMenu';
import { NotRetainedDialog } from './NotRetainedDialog';
import { QueueFilters as QueueFiltersView } from './QueueFilters';
import { QUEUE_CHOICE_KEY } from './queueChoice';
import { QueueSidebar, type QueueChoice } from './QueueSidebar';
import { QueueTable } from './QueueTable';
import { RubricDialog } from './RubricDialog';
import { ShortcutSheet as ShortcutSheetView } from './ShortcutSheet';
import { TriageDetailPane } from './TriageDetailPane';
import { applicantName, useTriageWords } from './triageWords';
import { useDetailCache } from './useDetailCache';
import { useQueueWindow, type QueueWindow } from './useQueueWindow';
import { useTriageKeys, type TriageCommand } from './useTriageKeys';

/** The stage tabs: one stage each, or every stage. */
const STAGE_TABS = ['new', 'inReview', 'proposed', 'notRetained', 'any'] as const;
type StageTab = (typeof STAGE_TABS)[number];

const DEFAULT_COLUMNS: TriageColumn[] = ['name', 'stage', 'score', 'nationality', 'division', 'university', 'fieldOfStudy', 'englishLevel', 'submittedAt'];
const SEARCH_DEBOUNCE_MS = 200;
/** A stage given by one key to more applications than this is confirmed first. */
const BULK_CONFIRM_OVER = 20;
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

const useStyles = makeStyles({
  page: {
    display: 'grid',
    // At 1280 pixels and 125–150 % scaling (about 1,000 CSS pixels) the table keeps most of the width.
    gridTemplateColumns: 'minmax(7.5rem, 10rem) minmax(0, 1fr) clamp(15rem, 25vw, 28rem)',
    columnGap: tokens.spacingHorizontalL,
    height: 'calc(100vh - 7.5rem)',
    minHeight: '30rem',
  },
  sidebar: { overflowY: 'auto', paddingRight: tokens.spacingHorizontalXS },
  pageTitle: { margin: `0 0 ${tokens.spacingVerticalM}`, fontSize: tokens.fontSizeBase600, lineHeight: tokens.lineHeightBase600, fontWeight: tokens.fontWeightSemibold },
  center: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS, minWidth: 0, minHeight: 0 },
  toolbar: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalXS },
  // One line whatever the language: the tabs scroll sideways rather than wrap onto two or three.
  tabs: { flexWrap: 'nowrap', overflowX: 'auto', flexShrink: 0, whiteSpace: 'nowrap' },
  title: { margin: 0, fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold, marginRight: 'auto' },
  search: { minWidth: '16rem', flexGrow: 1, maxWidth: '28rem' },
  status: { minHeight: '1.25rem', color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  grid: { flexGrow: 1, minHeight: 0 },
  pane: { overflowY: 'auto', minHeight: 0, borderLeft: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`, paddingLeft: tokens.spacingHorizontalL },
  officer: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
});

interface Cursor {
  index: number;
  /** The application meant: after a reload the cursor finds it again, wherever it moved. */
  ref: number | null;
}

// Drawn again only when their own props change: the page re-renders on every key and answer.
const QueueFilters = memo(QueueFiltersView);
const ShortcutSheet = memo(ShortcutSheetView);

const EMPTY: ReadonlySet<number> = new Set();
const NO_VIEWS: SavedView[] = [];

/**
 * Where the cursor is among the rows loaded now. It stays on its application wherever that moved
 * (a reload after a decision). If its application left the view (another window's decision), it
 * stays on it too, out of the list: the pane never switches to someone else by itself.
 */
function resolveCursor(cursor: Cursor, window: QueueWindow, total: number): Cursor & { inView: boolean } {
  if (cursor.ref === null) {
    if (total === 0) return { index: 0, ref: null, inView: false };
    const index = Math.min(cursor.index, total - 1);
    return { index, ref: window.rowAt(index)?.ref ?? null, inView: true };
  }
  const found = window.indexOf(cursor.ref);
  if (found >= 0) return { index: found, ref: cursor.ref, inView: true };
  return { index: Math.min(cursor.index, Math.max(0, total - 1)), ref: cursor.ref, inView: false };
}

function stored<T>(key: string, fallback: T): T {
  try {
    const text = localStorage.getItem(key);
    return text === null ? fallback : (JSON.parse(text) as T);
  } catch {
    return fallback;
  }
}

/**
 * Triage per division: the queues at the left, the chosen queue as a virtualized table in the
 * middle, the current application at the right. Everything works from the keyboard (? lists the
 * keys); every decision is saved at once and the next application shows without a click.
 */
export function TriagePage({ campaignId }: { campaignId: number }) {
  const styles = useStyles();
  const { t } = useTranslation();
  const client = useClient();
  const words = useTriageWords();
  const { info } = useWorkspace();
  const officer = info.officer;

  const [choice, setChoice] = useState<QueueChoice>(() => stored<QueueChoice>(QUEUE_CHOICE_KEY, { kind: 'queue', queue: 'all' }));
  const [queue, setQueue] = useState<QueueId>(() => (choice.kind === 'queue' ? choice.queue : 'all'));
  const [stageTab, setStageTab] = useState<StageTab>('new');
  const [filter, setFilter] = useState<TriageFilter>({});
  const [searchText, setSearchText] = useState('');
  const [search, setSearch] = useState('');
  const [sort, setSort] = useState<TriageSort>([]);
  const [columns, setColumns] = useState<TriageColumn[]>(() => stored('cohort.triage.columns', DEFAULT_COLUMNS));
  // Cursor, selection and anchor belong to a view: each is stored with the view it was set in,
  // and reads as its starting value in any other (no effect resetting them after the fact).
  const [cursorState, setCursorState] = useState<Cursor & { view: string }>({ view: '', index: 0, ref: null });
  const [selectedState, setSelectedState] = useState<{ view: string; refs: ReadonlySet<number> }>({ view: '', refs: new Set() });
  const [anchorState, setAnchorState] = useState<{ view: string; index: number | null }>({ view: '', index: null });
  const [criterionState, setCriterionState] = useState<{ ref: number | null; index: number }>({ ref: null, index: 0 });
  // What the last action did, in words drawn in the current language; it belongs to the view it was said in.
  const [status, setStatusState] = useState<{ view: string; text: (t: TFunction) => string } | null>(null);
  const [actionError, setActionError] = useState<AppErrorData | undefined>();
  const [dialog, setDialog] = useState<null | 'help' | 'note' | 'notRetained' | 'rubric' | 'confirmBulk' | 'deleteView'>(null);
  const [confirmStage, setConfirmStage] = useState<Stage>('proposed');
  const searchRef = useRef<HTMLInputElement>(null);
  const pendingKey = useRef(false);

  useEffect(() => localStorage.setItem('cohort.triage.columns', JSON.stringify(columns)), [columns]);
  useEffect(() => localStorage.setItem(QUEUE_CHOICE_KEY, JSON.stringify(choice.kind === 'view' ? { kind: 'queue', queue } : choice)), [choice, queue]);
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
  const view = useMemo(() => ({ campaignId, queue: choice.kind === 'mine' ? ('all' as const) : queue, filter: viewFilter, sort }), [campaignId, choice.kind, queue, viewFilter, sort]);
  const window_ = useQueueWindow(view);
  const details = useDetailCache(campaignId);
  const sidebar = useQuery('triage.sidebar', { campaignId }, (e) => e.campaignId === undefined || e.campaignId === campaignId);
  // Decisions name their applications; a saved view's change names none.
  const views = useQuery('triage.views', { campaignId }, (e) => e.campaignId === campaignId && e.refs === undefined);
  const facets = useQuery('triage.facets', { campaignId, queue: view.queue }, (e) => e.scope === 'applications' && e.campaignId === campaignId);

  const viewKey = JSON.stringify(view);
  const total = window_.total ?? 0;
  const cursor = resolveCursor(cursorState.view === viewKey ? cursorState : { index: 0, ref: null }, window_, total);
  const setCursor = (next: Cursor) => setCursorState({ ...next, view: viewKey });
  const setStatus = (text: (t: TFunction) => string) => setStatusState({ view: viewKey, text });
  const selected = selectedState.view === viewKey ? selectedState.refs : EMPTY;
  const setSelected = (refs: ReadonlySet<number>) => setSelectedState({ view: viewKey, refs });
  const anchor = anchorState.view === viewKey ? anchorState.index : null;
  const setAnchor = (index: number | null) => setAnchorState({ view: viewKey, index });

  // The current application and the next few are fetched ahead.
  const currentRow = window_.rowAt(cursor.index);
  const currentRef = cursor.ref;
  const aheadKey = [currentRef, ...Array.from({ length: PREFETCH_AHEAD }, (_v, k) => window_.rowAt(cursor.index + 1 + k)?.ref), window_.rowAt(cursor.index - 1)?.ref].join(',');
  useEffect(() => {
    details.load(aheadKey.split(',').filter((r) => r !== '').map(Number));
  }, [aheadKey, details]);
  const entry = currentRef === null ? undefined : details.get(currentRef);
  const detail = entry?.detail?.ref === currentRef ? entry.detail : undefined;

  // How long from a key to the next application on screen: measured after the paint that shows it.
  useLayoutEffect(() => {
    if (!pendingKey.current || detail === undefined) return;
    pendingKey.current = false;
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
  const activeCriterion = criterionState.ref === currentRef ? criterionState.index : 0;
  const setActiveCriterion = (index: number) => setCriterionState({ ref: currentRef, index });

  const moveTo = (index: number) => {
    if (total === 0) return;
    const i = Math.max(0, Math.min(total - 1, index));
    setCursor({ index: i, ref: window_.rowAt(i)?.ref ?? null });
  };

  const targets = (): number[] => (selected.size > 0 ? [...selected] : currentRef === null ? [] : [currentRef]);
  const describeRow = (row: TriageRow | undefined) => (row ? applicantName(row) : '');

  /** Runs an action; on success says what it did, on failure shows why (nothing is left half done: the services refuse whole). */
  const act = async (run: () => Promise<TriageActionResult | unknown>, done: (t: TFunction) => string, after?: () => void) => {
    try {
      await run();
      setActionError(undefined);
      setStatus(done);
      after?.();
    } catch (error) {
      // What was shown ahead of the answer is put right by reloading.
      window_.reload();
      setActionError(toErrorData(error));
    }
  };

  /** A decision on the current row (no selection) moves on to the next row at once. */
  const decideStage = (stage: Stage, reason?: NotRetainedReason | null, confirmed = false) => {
    const refs = targets();
    if (refs.length === 0) return;
    const bulk = selected.size > 0;
    // One key on a large selection (Ctrl+A, then S) asks first; X asks anyway (its reason dialog names the count).
    if (bulk && refs.length > BULK_CONFIRM_OVER && !confirmed && stage !== 'notRetained') {
      pendingKey.current = false;
      setConfirmStage(stage);
      setDialog('confirmBulk');
      return;
    }
    const name = describeRow(currentRow);
    const label = (tt: TFunction) => (bulk ? tt('triage.status.bulk', { count: refs.length, stage: words.stage(stage) }) : tt('triage.status.one', { name, stage: words.stage(stage) }));
    const leaves = stageTab !== 'any' && stageTab !== stage;
    if (!bulk) {
      // Shown before the answer: the officer is already on the next application.
      const next = window_.rowAt(cursor.index + 1);
      if (leaves || next) setCursor(leaves ? { index: cursor.index, ref: next?.ref ?? null } : { index: cursor.index + 1, ref: next?.ref ?? null });
    } else if (leaves && currentRef !== null && refs.includes(currentRef)) {
      // The selection leaves the view, the current application with it: on to the next one that stays.
      const moved = new Set(refs);
      let i = cursor.index + 1;
      while (window_.rowAt(i) !== undefined && moved.has(window_.rowAt(i)?.ref ?? -1)) i++;
      setCursor({ index: cursor.index, ref: window_.rowAt(i)?.ref ?? null });
    }
    window_.applyStage(refs, stage);
    void act(() => client.call('triage.decide', reason === undefined ? { refs, stage } : { refs, stage, reason }), label, bulk ? () => setSelected(new Set()) : undefined);
  };

  const scoreTargets = (score: number | null) => {
    const refs = targets();
    if (refs.length === 0) return;
    const criterion = detail?.rubric[activeCriterion];
    const criterionId = criterion?.id ?? 0;
    void act(
      () => client.call('triage.score', { refs, criterionId, score }),
      (tt) => tt('triage.status.scored', { count: refs.length, score: score ?? '–', criterion: criterion?.label ?? tt('triage.overallScore') }),
    );
  };

  const assign = (assignee: string | null) => {
    const refs = targets();
    if (refs.length === 0) return;
    void act(() => client.call('triage.decide', { refs, assignee }), (tt) => (assignee === null ? tt('triage.status.unassigned', { count: refs.length }) : tt('triage.status.assigned', { count: refs.length, officer: assignee })));
  };

  const giveDivision = (division: DivisionCode) => {
    const refs = targets();
    if (refs.length === 0) return;
    void act(() => client.call('triage.decide', { refs, division }), (tt) => tt('triage.status.division', { count: refs.length, division }), () => setSelected(new Set()));
  };

  const undo = () =>
    void client.tryCall('triage.undo', { campaignId }).then((result) => {
      if (!result.ok) {
        setActionError(result.error);
        return;
      }
      setActionError(undefined);
      const { restored, kind } = result.value;
      setStatus((tt) => tt('triage.status.undone', { count: restored, what: words.kind(kind) }));
      const ref = result.value.refs[0];
      // Back to the application put back, when this view shows it.
      if (ref !== undefined) setCursor({ index: cursor.index, ref });
      window_.reload();
    });

  const selectRange = (from: number, to: number, base: ReadonlySet<number>) => {
    const next = new Set(base);
    for (let i = Math.min(from, to); i <= Math.max(from, to); i++) {
      const ref = window_.rowAt(i)?.ref;
      if (ref !== undefined) next.add(ref);
    }
    setSelected(next);
  };

  const run = (command: TriageCommand) => {
    if (['move', 'propose', 'notRetained', 'inReview'].includes(command.type)) {
      performance.clearMarks(KEY_MARK);
      performance.mark(KEY_MARK);
      pendingKey.current = true;
    }
    switch (command.type) {
      case 'move': {
        const to = cursor.index + command.by;
        if (command.extend) selectRange(anchor ?? cursor.index, to, selected);
        if (command.extend && anchor === null) setAnchor(cursor.index);
        moveTo(to);
        return;
      }
      case 'propose':
        return decideStage('proposed');
      case 'inReview':
        return decideStage('inReview');
      case 'notRetained':
        pendingKey.current = false;
        return setDialog('notRetained');
      case 'score':
        return scoreTargets(command.score);
      case 'criterion':
        return setActiveCriterion(Math.max(0, Math.min(Math.max(0, (detail?.rubric.length ?? 1) - 1), activeCriterion + command.by)));
      case 'note':
        return currentRef === null ? undefined : setDialog('note');
      case 'assignToMe':
        return assign(officer);
      case 'undo':
        return undo();
      case 'search':
        return searchRef.current?.focus();
      case 'help':
        return setDialog('help');
      case 'toggleSelection': {
        if (currentRef === null) return;
        const next = new Set(selected);
        if (next.has(currentRef)) next.delete(currentRef);
        else next.add(currentRef);
        setAnchor(cursor.index);
        return setSelected(next);
      }
      case 'selectAll':
        return void client.tryCall('triage.refs', view).then((result) => {
          if (result.ok) setSelected(new Set(result.value));
        });
      case 'escape':
        setSelected(new Set());
        setAnchor(null);
        return;
    }
  };
  useTriageKeys(dialog === null, (command) => run(command));

  const saveView = useLatestCallback((name: string) =>
    client.call('triage.saveView', { campaignId, name, queue: view.queue, filter: { ...viewFilter, assignee: undefined }, sort, columns }),
  );

  const onRowClick = useLatestCallback((index: number, row: TriageRow, event: MouseEvent) => {
    if (event.shiftKey) {
      selectRange(anchor ?? cursor.index, index, event.ctrlKey || event.metaKey ? selected : new Set());
    } else if (event.ctrlKey || event.metaKey) {
      const next = new Set(selected);
      if (next.has(row.ref)) next.delete(row.ref);
      else next.add(row.ref);
      setSelected(next);
      setAnchor(index);
    } else {
      setAnchor(index);
    }
    setCursor({ index, ref: row.ref });
  });

  const onPaneScore = useLatestCallback((criterionId: number, score: number | null) => {
    if (currentRef === null) return;
    void act(() => client.call('triage.score', { refs: [currentRef], criterionId, score }), (tt) => tt('triage.status.scored', { count: 1, score: score ?? '–', criterion: '' }));
  });
  const onPaneComment = useLatestCallback((criterionId: number, score: number, comment: string) => {
    if (currentRef === null) return;
    void act(() => client.call('triage.score', { refs: [currentRef], criterionId, score, comment }), (tt) => tt('triage.status.commented'));
  });
  const onOpenApplication = useLatestCallback((ref: number) => {
    const index = window_.indexOf(ref);
    if (index >= 0) moveTo(index);
    else setCursor({ index: cursor.index, ref });
  });
  const [viewToDelete, setViewToDelete] = useState<SavedView | null>(null);
  const onDeleteView = useLatestCallback((v: SavedView) => {
    setViewToDelete(v);
    setDialog('deleteView');
  });

  /** Closes a dialog and gives the keyboard back to the queue, where the shortcuts work. */
  const closeDialog = useLatestCallback(() => {
    setDialog(null);
    requestAnimationFrame(() => document.getElementById('triage-grid')?.focus());
  });

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

  const queueName = choice.kind === 'mine' ? t('triage.myQueue') : choice.kind === 'view' ? choice.view.name : queue === 'all' ? t('triage.allDivisions') : queue === 'unassigned' ? t('triage.unassigned') : queue;
  const isDivision = (DIVISION_CODES as string[]).includes(queue) && choice.kind !== 'mine';
  const error = actionError ?? window_.error;
  // In one division's queue every row says the same division: the column gives its room to others.
  const shownColumns = useMemo(() => (isDivision && columns.length > 1 ? columns.filter((c) => c !== 'division') : columns), [isDivision, columns]);

  return (
    <div className={styles.page}>
      <div className={styles.sidebar}>
        <h1 className={styles.pageTitle}>{t('nav.divisions')}</h1>
        <QueueSidebar
          data={sidebar.data}
          views={views.data ?? NO_VIEWS}
          active={choice}
          onChoose={choose}
          onDeleteView={onDeleteView}
        />
      </div>
      <section className={styles.center} aria-labelledby="triage-queue-title">
        <div className={styles.toolbar}>
          <h2 className={styles.title} id="triage-queue-title">
            {queueName}
          </h2>
          <OfficerName key={officer} officer={officer} />
          {isDivision ? (
            <Button icon={<TaskListSquareLtrRegular />} onClick={() => setDialog('rubric')}>
              {t('triage.rubricButton')}
            </Button>
          ) : null}
          <Button icon={<KeyboardRegular />} onClick={() => setDialog('help')} aria-keyshortcuts="?">
            {t('triage.shortcutsButton')}
          </Button>
        </div>
        <TabList className={styles.tabs} selectedValue={stageTab} onTabSelect={(_e, data) => setStageTab(data.value as StageTab)} size="small" aria-label={t('triage.stagesLabel')}>
          {STAGE_TABS.map((s) => (
            <Tab key={s} value={s}>
              {s === 'any' ? t('triage.allStages') : words.stage(s)}
            </Tab>
          ))}
        </TabList>
        <div className={styles.toolbar}>
          <SearchBox
            ref={searchRef}
            className={styles.search}
            value={searchText}
            onChange={(_e, data) => setSearchText(data.value)}
            onKeyDown={(e) => {
              // Enter or Esc hands the keyboard back to the queue.
              if (e.key === 'Enter' || e.key === 'Escape') document.getElementById('triage-grid')?.focus();
            }}
            placeholder={t('triage.searchPlaceholder')}
            aria-label={t('triage.searchLabel')}
            aria-keyshortcuts="/"
          />
          <QueueFilters filter={filter} facets={facets.data} onChange={setFilter} />
          <ColumnsMenu columns={columns} onChange={setColumns} />
          <SaveView onSave={saveView} />
        </div>
        {selected.size > 0 ? (
          <BulkBar
            count={selected.size}
            showDivision={queue === 'unassigned'}
            onStage={(stage) => (stage === 'notRetained' ? setDialog('notRetained') : decideStage(stage))}
            onScore={scoreTargets}
            onAssignToMe={() => assign(officer)}
            onUnassign={() => assign(null)}
            onDivision={giveDivision}
            onClear={() => setSelected(new Set())}
          />
        ) : null}
        <div className={styles.status} role="status" aria-live="polite" data-testid="triage-status">
          {window_.total === null ? t('triage.loading') : t('triage.count', { count: window_.total, position: Math.min(cursor.index + 1, window_.total) })}
          {status && status.view === viewKey ? ` · ${status.text(t)}` : ''}
          {currentRef !== null && !cursor.inView && window_.total !== null ? ` · ${t('triage.leftView')}` : ''}
        </div>
        {error ? <ErrorBar error={error} /> : null}
        <div className={styles.grid}>
          <QueueTable
            window={window_}
            columns={shownColumns}
            sort={sort}
            onSortChange={setSort}
            currentIndex={currentRef === null || !cursor.inView ? -1 : cursor.index}
            selected={selected}
            onRowClick={onRowClick}
            label={t('triage.gridLabel', { queue: queueName })}
          />
        </div>
      </section>
      <aside ref={paneRef} className={styles.pane} aria-label={t('triage.detailLabel')} data-testid="triage-detail" data-ref={detail?.ref}>
        {currentRef === null ? (
          <p>{t('triage.nothingSelected')}</p>
        ) : (
          <TriageDetailPane
            detail={detail}
            error={entry?.error}
            searchTerms={window_.searchTerms}
            activeCriterion={activeCriterion}
            onActiveCriterionChange={setActiveCriterion}
            onScore={onPaneScore}
            onComment={onPaneComment}
            onOpenApplication={onOpenApplication}
          />
        )}
      </aside>
      <ShortcutSheet open={dialog === 'help'} onClose={closeDialog} />
      <NoteDialog
        open={dialog === 'note'}
        applicationLabel={detail ? `${detail.raw.applicationId ?? ''} ${detail.raw.firstName ?? ''} ${detail.raw.lastName ?? ''}` : ''}
        onSubmit={async (text) => {
          if (currentRef === null) return;
          await client.call('triage.note', { ref: currentRef, text });
          setStatus((tt) => tt('triage.status.noted'));
        }}
        onClose={closeDialog}
      />
      <NotRetainedDialog
        open={dialog === 'notRetained'}
        count={Math.max(1, selected.size)}
        applicationLabel={selected.size === 0 ? describeRow(currentRow) || undefined : undefined}
        onChoose={(reason) => {
          closeDialog();
          performance.clearMarks(KEY_MARK);
          performance.mark(KEY_MARK);
          pendingKey.current = true;
          decideStage('notRetained', reason);
        }}
        onClose={closeDialog}
      />
      <FormDialog open={dialog === 'confirmBulk'} onClose={closeDialog}>
        <FormDialogForm
          title={t('triage.confirmBulk.title', { count: selected.size, stage: words.stage(confirmStage) })}
          submitLabel={t('triage.confirmBulk.confirm', { count: selected.size })}
          onSubmit={() => {
            closeDialog();
            decideStage(confirmStage, undefined, true);
          }}
        >
          <p>{t('triage.confirmBulk.body')}</p>
        </FormDialogForm>
      </FormDialog>
      <FormDialog open={dialog === 'deleteView'} onClose={closeDialog}>
        <FormDialogForm
          title={t('triage.deleteViewConfirm.title', { name: viewToDelete?.name ?? '' })}
          submitLabel={t('triage.deleteViewConfirm.confirm')}
          onSubmit={async () => {
            if (viewToDelete === null) return;
            await client.call('triage.deleteView', { id: viewToDelete.id });
            // The view shown was the one deleted: its queue stays, under the queue's own name.
            if (choice.kind === 'view' && choice.view.id === viewToDelete.id) setChoice({ kind: 'queue', queue });
            closeDialog();
          }}
        >
          <p>{t('triage.deleteViewConfirm.body')}</p>
        </FormDialogForm>
      </FormDialog>
      {isDivision ? <RubricDialog open={dialog === 'rubric'} campaignId={campaignId} division={queue as DivisionCode} onClose={closeDialog} /> : null}
    </div>
  );
}

/** Who the decisions are signed by: the OS user until the officer writes their name, once. */
const OfficerName = memo(OfficerNameView);
function OfficerNameView({ officer }: { officer: string }) {
  const { t } = useTranslation();
  const client = useClient();
  const styles = useStyles();
  const [name, setName] = useState(officer);
  const [open, setOpen] = useState(false);
  return (
    <Popover open={open} onOpenChange={(_e, data) => setOpen(data.open)} trapFocus>
      <PopoverTrigger disableButtonEnhancement>
        <Button appearance="subtle" icon={<PersonRegular />} aria-label={t('triage.officer.button', { officer })}>
          {officer}
        </Button>
      </PopoverTrigger>
      <PopoverSurface>
        <form
          className={styles.officer}
          onSubmit={(e) => {
            e.preventDefault();
            if (name.trim() === '') return;
            void client.call('app.setOfficerName', { name: name.trim() }).then(() => setOpen(false));
          }}
        >
          <Field label={t('triage.officer.label')} hint={t('triage.officer.hint')}>
            <Input value={name} onChange={(_e, data) => setName(data.value)} />
          </Field>
          <Button type="submit" appearance="primary">
            {t('triage.officer.save')}
          </Button>
        </form>
      </PopoverSurface>
    </Popover>
  );
}

/** Saves the current queue, filters, sort and columns under a name (the officer's own list). */
const SaveView = memo(SaveViewView);
function SaveViewView({ onSave }: { onSave(name: string): Promise<unknown> }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const [name, setName] = useState('');
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<AppErrorData | undefined>();
  return (
    <Popover open={open} onOpenChange={(_e, data) => setOpen(data.open)} trapFocus>
      <PopoverTrigger disableButtonEnhancement>
        <Button icon={<SaveRegular />}>{t('triage.saveView.button')}</Button>
      </PopoverTrigger>
      <PopoverSurface>
        <form
          className={styles.officer}
          onSubmit={(e) => {
            e.preventDefault();
            onSave(name.trim()).then(
              () => {
                setOpen(false);
                setName('');
                setError(undefined);
              },
              (err: unknown) => setError(toErrorData(err)),
            );
          }}
        >
          <Field label={t('triage.saveView.label')} validationMessage={error?.message}>
            <Input value={name} onChange={(_e, data) => setName(data.value)} />
          </Field>
          <Button type="submit" appearance="primary" disabled={name.trim() === ''}>
            {t('triage.saveView.save')}
          </Button>
        </form>
      </PopoverSurface>
    </Popover>
  );
}
