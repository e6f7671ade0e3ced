import { Button, SearchBox, Tab, TabList, makeStyles, tokens } from '@fluentui/react-components';
import { KeyboardRegular, TaskListSquareLtrRegular } from '@fluentui/react-icons';
import { memo, useMemo, useState, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SavedView, TriageRow } from '../../../shared/api/contract';
import type { DivisionCode } from '../../../shared/domain/divisions';
import { DIVISION_CODES } from '../../../shared/domain/divisions';
import type { Stage } from '../../../shared/domain/stages';
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
import { OfficerName } from './OfficerName';
import { QueueFilters as QueueFiltersView } from './QueueFilters';
import { QueueSidebar } from './QueueSidebar';
import { QueueTable } from './QueueTable';
import { RubricDialog } from './RubricDialog';
import { SaveView } from './SaveView';
import { ShortcutSheet as ShortcutSheetView } from './ShortcutSheet';
import { TriageDetailPane } from './TriageDetailPane';
import { applicantName, useTriageWords } from './triageWords';
import { useCurrentApplication } from './useCurrentApplication';
import { useQueueCursor } from './useQueueCursor';
import { STAGE_TABS, useQueueView, type StageTab } from './useQueueView';
import { useQueueWindow } from './useQueueWindow';
import { useTriageActions } from './useTriageActions';
import { useTriageKeys, type TriageCommand } from './useTriageKeys';

export { KEY_MARK, KEY_TO_SHOWN } from './useCurrentApplication';

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
  // A refusal's message is read whole: the table gives up the room, never the message.
  errorBar: { flexShrink: 0 },
  pane: { overflowY: 'auto', minHeight: 0, borderLeft: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`, paddingLeft: tokens.spacingHorizontalL },
});

// Drawn again only when their own props change: the page re-renders on every key and answer.
const QueueFilters = memo(QueueFiltersView);
const ShortcutSheet = memo(ShortcutSheetView);

const NO_VIEWS: SavedView[] = [];

type DialogName = 'help' | 'note' | 'notRetained' | 'rubric' | 'confirmBulk' | 'deleteView';

/**
 * Triage per division: the queues at the left, the chosen queue as a virtualized table in the
 * middle, the current application at the right. Everything works from the keyboard (? lists the
 * keys); every decision is saved at once and the next application shows without a click. The
 * page only joins its parts: which rows (useQueueView), their window onto the database
 * (useQueueWindow), cursor and selection (useQueueCursor), the application shown
 * (useCurrentApplication) and the decisions (useTriageActions).
 */
export function TriagePage({ campaignId }: { campaignId: number }) {
  const styles = useStyles();
  const { t } = useTranslation();
  const client = useClient();
  const words = useTriageWords();
  const officer = useWorkspace().info.officer;

  const queueView = useQueueView(campaignId, officer);
  const { choice, queue, stageTab, filter, sort, columns, view, viewKey } = queueView;
  const window_ = useQueueWindow(view);
  const queueCursor = useQueueCursor(viewKey, window_);
  const { cursor, setCursor, selected, setSelected, anchor, setAnchor } = queueCursor;
  const current = useCurrentApplication(window_, cursor);
  const { currentRef, currentRow, detail, error: detailError, paneRef, activeCriterion, setActiveCriterion, markKey, cancelKey } = current;

  const [dialog, setDialog] = useState<DialogName | null>(null);
  const [confirmStage, setConfirmStage] = useState<Stage>('proposed');
  const [viewToDelete, setViewToDelete] = useState<SavedView | null>(null);
  const actions = useTriageActions({
    campaignId,
    window: window_,
    cursor: queueCursor,
    current,
    stageTab,
    confirmBulk: (stage) => {
      setConfirmStage(stage);
      setDialog('confirmBulk');
    },
  });

  const sidebar = useQuery('triage.sidebar', { campaignId });
  const views = useQuery('triage.views', { campaignId });
  const facets = useQuery('triage.facets', { campaignId, queue: view.queue });

  const run = (command: TriageCommand) => {
    if (['move', 'propose', 'notRetained', 'inReview'].includes(command.type)) markKey();
    switch (command.type) {
      case 'move': {
        const to = cursor.index + command.by;
        if (command.extend) queueCursor.selectRange(anchor ?? cursor.index, to, selected);
        if (command.extend && anchor === null) setAnchor(cursor.index);
        queueCursor.moveTo(to);
        return;
      }
      case 'propose':
        return actions.decideStage('proposed');
      case 'inReview':
        return actions.decideStage('inReview');
      case 'notRetained':
        cancelKey();
        return setDialog('notRetained');
      case 'score':
        return actions.score(command.score);
      case 'criterion':
        return setActiveCriterion(Math.max(0, Math.min(Math.max(0, (detail?.rubric.length ?? 1) - 1), activeCriterion + command.by)));
      case 'note':
        return currentRef === null ? undefined : setDialog('note');
      case 'assignToMe':
        return actions.assign(officer);
      case 'undo':
        return actions.undo();
      case 'search':
        return document.getElementById('triage-search')?.focus();
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

  const viewToSave = useLatestCallback(() => ({ campaignId, queue: view.queue, filter: { ...queueView.viewFilter, assignee: undefined }, sort, columns }));

  const onRowClick = useLatestCallback((index: number, row: TriageRow, event: MouseEvent) => {
    if (event.shiftKey) {
      queueCursor.selectRange(anchor ?? cursor.index, index, event.ctrlKey || event.metaKey ? selected : new Set());
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

  const onPaneScore = useLatestCallback((criterionId: number, score: number | null) => actions.scoreShown(criterionId, score));
  const onPaneComment = useLatestCallback((criterionId: number, score: number, comment: string) => actions.scoreShown(criterionId, score, comment));
  const onOpenApplication = useLatestCallback((ref: number) => {
    const index = window_.indexOf(ref);
    if (index >= 0) queueCursor.moveTo(index);
    else setCursor({ index: cursor.index, ref });
  });
  const onDeleteView = useLatestCallback((v: SavedView) => {
    setViewToDelete(v);
    setDialog('deleteView');
  });

  /** Closes a dialog and gives the keyboard back to the queue, where the shortcuts work. */
  const closeDialog = useLatestCallback(() => {
    setDialog(null);
    requestAnimationFrame(() => document.getElementById('triage-grid')?.focus());
  });

  const queueName = choice.kind === 'mine' ? t('triage.myQueue') : choice.kind === 'view' ? choice.view.name : queue === 'all' ? t('triage.allDivisions') : queue === 'unassigned' ? t('triage.unassigned') : queue;
  const isDivision = (DIVISION_CODES as string[]).includes(queue) && choice.kind !== 'mine';
  const error = actions.error ?? window_.error;
  // In one division's queue every row says the same division: the column gives its room to others.
  const shownColumns = useMemo(() => (isDivision && columns.length > 1 ? columns.filter((c) => c !== 'division') : columns), [isDivision, columns]);

  return (
    <div className={styles.page}>
      <div className={styles.sidebar}>
        <h1 className={styles.pageTitle}>{t('nav.divisions')}</h1>
        <QueueSidebar data={sidebar.data} views={views.data ?? NO_VIEWS} active={choice} onChoose={queueView.choose} onDeleteView={onDeleteView} />
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
        <TabList className={styles.tabs} selectedValue={stageTab} onTabSelect={(_e, data) => queueView.setStageTab(data.value as StageTab)} size="small" aria-label={t('triage.stagesLabel')}>
          {STAGE_TABS.map((s) => (
            <Tab key={s} value={s}>
              {s === 'any' ? t('triage.allStages') : words.stage(s)}
            </Tab>
          ))}
        </TabList>
        <div className={styles.toolbar}>
          <SearchBox
            id="triage-search"
            className={styles.search}
            value={queueView.searchText}
            onChange={(_e, data) => queueView.setSearchText(data.value)}
            onKeyDown={(e) => {
              // Enter or Esc hands the keyboard back to the queue.
              if (e.key === 'Enter' || e.key === 'Escape') document.getElementById('triage-grid')?.focus();
            }}
            placeholder={t('triage.searchPlaceholder')}
            aria-label={t('triage.searchLabel')}
            aria-keyshortcuts="/"
          />
          <QueueFilters filter={filter} facets={facets.data} onChange={queueView.setFilter} />
          <ColumnsMenu columns={columns} onChange={queueView.setColumns} />
          <SaveView current={viewToSave} />
        </div>
        {selected.size > 0 ? (
          <BulkBar
            count={selected.size}
            showDivision={queue === 'unassigned'}
            onStage={(stage) => (stage === 'notRetained' ? setDialog('notRetained') : actions.decideStage(stage))}
            onScore={actions.score}
            onAssignToMe={() => actions.assign(officer)}
            onUnassign={() => actions.assign(null)}
            onDivision={actions.giveDivision}
            onClear={() => setSelected(new Set())}
          />
        ) : null}
        <div className={styles.status} role="status" aria-live="polite" data-testid="triage-status">
          {window_.total === null ? t('triage.loading') : t('triage.count', { count: window_.total, position: Math.min(cursor.index + 1, window_.total) })}
          {queueCursor.status ? ` · ${queueCursor.status(t)}` : ''}
          {currentRef !== null && !cursor.inView && window_.total !== null ? ` · ${t('triage.leftView')}` : ''}
        </div>
        {error ? <ErrorBar error={error} className={styles.errorBar} /> : null}
        <div className={styles.grid}>
          <QueueTable
            window={window_}
            columns={shownColumns}
            sort={sort}
            onSortChange={queueView.setSort}
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
            error={detailError}
            searchTerms={window_.searchTerms}
            activeCriterion={activeCriterion}
            onActiveCriterionChange={setActiveCriterion}
            onScore={onPaneScore}
            onComment={onPaneComment}
            onOpenApplication={onOpenApplication}
            officer={sidebar.data?.officer ?? officer}
          />
        )}
      </aside>
      <ShortcutSheet open={dialog === 'help'} onClose={closeDialog} />
      <NoteDialog
        open={dialog === 'note'}
        applicationLabel={detail ? `${detail.raw.applicationId ?? ''} ${detail.raw.firstName ?? ''} ${detail.raw.lastName ?? ''}` : ''}
        onSubmit={async (text) => {
          if (currentRef === null) return;
          await actions.note(currentRef, text);
        }}
        onClose={closeDialog}
      />
      <NotRetainedDialog
        open={dialog === 'notRetained'}
        count={Math.max(1, selected.size)}
        applicationLabel={selected.size === 0 && currentRow ? applicantName(currentRow) || undefined : undefined}
        onChoose={(reason) => {
          closeDialog();
          markKey();
          actions.decideStage('notRetained', reason);
        }}
        onClose={closeDialog}
      />
      <FormDialog open={dialog === 'confirmBulk'} onClose={closeDialog}>
        <FormDialogForm
          title={t('triage.confirmBulk.title', { count: selected.size, stage: words.stage(confirmStage) })}
          submitLabel={t('triage.confirmBulk.confirm', { count: selected.size })}
          onSubmit={() => {
            closeDialog();
            actions.decideStage(confirmStage, undefined, true);
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
            if (choice.kind === 'view' && choice.view.id === viewToDelete.id) queueView.leaveView();
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
