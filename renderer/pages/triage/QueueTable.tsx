import { useNationalityText } from '../../i18n/countries';
import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { ArrowSortDownRegular, ArrowSortUpRegular } from '@fluentui/react-icons';
import { flexRender, getCoreRowModel, useReactTable, type ColumnDef } from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useCallback, useEffect, useMemo, type MouseEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { TriageColumn, TriageRow, TriageSort } from '../../../shared/api/contract';
import { Highlighted } from '../../components/Highlighted';
import { useFormat } from '../../i18n/format';
import { useListedValueText } from '../../i18n/listed-values';
import { applicantName, useTriageWords } from './triageWords';
import type { QueueWindow } from './useQueueWindow';

const ROW_HEIGHT = 36;

const useStyles = makeStyles({
  scroller: {
    overflow: 'auto',
    height: '100%',
    minHeight: '12rem',
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`, outlineOffset: '-2px' },
  },
  table: { display: 'grid', minWidth: '100%' },
  header: {
    display: 'flex',
    position: 'sticky',
    top: 0,
    zIndex: 1,
    backgroundColor: tokens.colorNeutralBackground3,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  headerCell: {
    display: 'flex',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalXS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`,
    fontWeight: tokens.fontWeightSemibold,
    background: 'none',
    border: 'none',
    textAlign: 'start',
    color: tokens.colorNeutralForeground1,
    fontSize: tokens.fontSizeBase300,
    fontFamily: tokens.fontFamilyBase,
    cursor: 'pointer',
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
  },
  body: { position: 'relative' },
  row: {
    display: 'flex',
    position: 'absolute',
    left: 0,
    width: '100%',
    height: `${ROW_HEIGHT}px`,
    alignItems: 'center',
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`,
    cursor: 'default',
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover },
  },
  selected: { backgroundColor: tokens.colorNeutralBackground1Selected, ':hover': { backgroundColor: tokens.colorNeutralBackground1Selected } },
  current: { boxShadow: `inset 3px 0 0 ${tokens.colorBrandStroke1}`, backgroundColor: tokens.colorBrandBackground2, ':hover': { backgroundColor: tokens.colorBrandBackground2Hover } },
  cell: { padding: `0 ${tokens.spacingHorizontalS}`, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
  unreadable: { fontStyle: 'italic', color: tokens.colorPaletteDarkOrangeForeground1 },
  placeholder: { color: tokens.colorNeutralForeground4 },
  empty: { padding: tokens.spacingHorizontalL, color: tokens.colorNeutralForeground3 },
  scoredBy: { color: tokens.colorNeutralForeground3 },
  // Read by screen readers, not shown: "3.3 (2)" says its meaning in words.
  visuallyHidden: { position: 'absolute', width: '1px', height: '1px', margin: '-1px', overflow: 'hidden', clipPath: 'inset(50%)', whiteSpace: 'nowrap' },
});

/** Widths in rem: the table lays columns out itself (virtual rows are absolutely placed). */
const WIDTH: Record<TriageColumn, number> = {
  applicationId: 11,
  name: 11,
  nationality: 8,
  division: 5,
  stage: 7.5,
  // "3.3 (2)": the average and how many officers scored (fits; a wider column pushes Nationality out at 1024 px).
  score: 4,
  funding: 8,
  preferredSession: 10,
  fieldOfStudy: 13,
  university: 16,
  englishLevel: 6,
  frenchLevel: 6,
  otherLanguages: 12,
  submittedAt: 11,
  assignee: 10,
};

export interface QueueTableProps {
  window: QueueWindow;
  columns: TriageColumn[];
  sort: TriageSort;
  onSortChange(sort: TriageSort): void;
  /** Position of the current application (the one the pane shows), or -1. */
  currentIndex: number;
  selected: ReadonlySet<number>;
  onRowClick(index: number, row: TriageRow, event: MouseEvent): void;
  label: string;
}

/**
 * The queue as a virtualized grid: only the rows on screen exist in the page, fetched page by
 * page from the database. The current row follows the keyboard (J/K) and stays in view.
 */
/** Drawn again only when its rows, columns, order, cursor or selection change. */
export const QueueTable = memo(QueueTableView);

function QueueTableView({ window, columns, sort, onSortChange, currentIndex, selected, onRowClick, label }: QueueTableProps) {
  // TanStack Virtual and Table hand back stable objects whose answers change as the list scrolls:
  // the React Compiler must not memoize on them (it knows, and skips this component).
  'use no memo';
  const styles = useStyles();
  const { t } = useTranslation();
  const format = useFormat();
  const words = useTriageWords();
  const total = window.total ?? 0;

  const scrollerId = 'triage-grid';
  // eslint-disable-next-line react-hooks/incompatible-library -- known and handled: 'use no memo' above.
  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => document.getElementById(scrollerId),
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items.at(-1)?.index ?? 0;
  useEffect(() => {
    if (total > 0) window.ensure(first, last + 40);
  }, [first, last, total, window]);
  useEffect(() => {
    if (currentIndex >= 0) virtualizer.scrollToIndex(currentIndex, { align: 'auto' });
  }, [currentIndex, virtualizer]);

  const terms = window.searchTerms;
  const nationalityText = useNationalityText();
  const values = useListedValueText();
  // A value Cohort cannot read shows as written, marked, with why in its tooltip.
  const readOrRaw = useCallback(
    (read: string | null, raw: string) =>
      read !== null || raw.trim() === '' ? (read ?? '') : (
        <span className={styles.unreadable} title={t('values.unreadable', { value: raw })}>
          {raw}
        </span>
      ),
    [styles.unreadable, t],
  );
  // One cell's content: the rows below draw theirs with it, the table's column definitions too.
  const cell = useCallback(
    (row: TriageRow, column: TriageColumn): ReactNode => {
      switch (column) {
        case 'name':
          return <Highlighted text={applicantName(row)} terms={terms} />;
        case 'stage':
          return words.stage(row.stage);
        case 'score': {
          if (row.score === null) return '';
          const label = t('triage.scoreCell', { count: row.scoredBy, score: format.number(row.score) });
          return (
            <span title={label}>
              <span aria-hidden>
                {format.number(row.score)} <span className={styles.scoredBy}>({format.number(row.scoredBy)})</span>
              </span>
              <span className={styles.visuallyHidden}>{label}</span>
            </span>
          );
        }
        case 'division':
          return row.divisionCode ?? row.division;
        case 'nationality':
          return nationalityText(row.nationalityCode, row.nationality);
        case 'submittedAt':
          return row.submittedAt ? format.dateTime(row.submittedAt) : '';
        case 'university':
        case 'fieldOfStudy':
          return <Highlighted text={row[column]} terms={terms} />;
        // As read, like the filters and the sort; the export's own words are in the detail.
        case 'englishLevel':
          return readOrRaw(row.englishCefr === null ? null : values.level(row.englishCefr), row.englishLevel);
        case 'frenchLevel':
          return readOrRaw(row.frenchCefr === null ? null : values.level(row.frenchCefr), row.frenchLevel);
        case 'funding':
          return readOrRaw(row.fundingTrack === null ? null : values.funding(row.fundingTrack), row.funding);
        default:
          return row[column] ?? '';
      }
    },
    [terms, words, format, nationalityText, values, readOrRaw, t, styles.scoredBy, styles.visuallyHidden],
  );
  const columnDefs = useMemo<ColumnDef<TriageRow>[]>(
    () => columns.map((id) => ({ id, header: () => t(`triage.column.${id}`), cell: (info) => cell(info.row.original, id), size: WIDTH[id] })),
    [columns, t, cell],
  );
  const visibleRows = useMemo(() => items.map((item) => window.rowAt(item.index)).filter((r): r is TriageRow => r !== undefined), [items, window]);
  const table = useReactTable({ data: visibleRows, columns: columnDefs, getCoreRowModel: getCoreRowModel(), manualSorting: true, getRowId: (r) => String(r.ref) });
  const width = columns.reduce((w, c) => w + WIDTH[c], 0);

  const toggleSort = (column: TriageColumn) => {
    const current = sort.find((s) => s.column === column);
    onSortChange(current === undefined ? [{ column, descending: false }] : current.descending ? [] : [{ column, descending: true }]);
  };

  return (
    <div
      id={scrollerId}
      className={styles.scroller}
      role="grid"
      aria-label={label}
      aria-rowcount={total + 1}
      aria-multiselectable
      aria-activedescendant={currentIndex >= 0 && window.rowAt(currentIndex) ? `triage-row-${window.rowAt(currentIndex)?.ref}` : undefined}
      tabIndex={0}
      data-testid="triage-grid"
    >
      <div className={styles.table} style={{ width: `${width}rem` }}>
        <div className={styles.header} role="row" aria-rowindex={1}>
          {table.getHeaderGroups()[0]?.headers.map((header) => {
            const id = header.column.id as TriageColumn;
            const sorted = sort.find((s) => s.column === id);
            return (
              <div key={header.id} role="columnheader" aria-sort={sorted ? (sorted.descending ? 'descending' : 'ascending') : 'none'} style={{ width: `${WIDTH[id]}rem` }}>
                <button type="button" className={styles.headerCell} onClick={() => toggleSort(id)} title={t('triage.sortBy', { column: t(`triage.column.${id}`) })}>
                  {flexRender(header.column.columnDef.header, header.getContext())}
                  {sorted ? sorted.descending ? <ArrowSortDownRegular aria-hidden /> : <ArrowSortUpRegular aria-hidden /> : null}
                </button>
              </div>
            );
          })}
        </div>
        {window.total === 0 ? (
          <div className={styles.empty} role="row">
            <div role="gridcell">{t('triage.emptyView')}</div>
          </div>
        ) : null}
        <div className={styles.body} style={{ height: `${virtualizer.getTotalSize()}px` }}>
          {items.map((item) => {
            const row = window.rowAt(item.index);
            const isCurrent = item.index === currentIndex;
            const isSelected = row !== undefined && selected.has(row.ref);
            return (
              <div
                // Keyed by application: after a decision the rows below move up without being drawn again.
                key={row ? `r${row.ref}` : `i${item.key}`}
                id={row ? `triage-row-${row.ref}` : undefined}
                role="row"
                aria-rowindex={item.index + 2}
                aria-selected={isSelected || isCurrent}
                aria-current={isCurrent ? 'true' : undefined}
                data-ref={row?.ref}
                className={mergeClasses(styles.row, isSelected && styles.selected, isCurrent && styles.current)}
                style={{ transform: `translateY(${item.start}px)`, width: `${width}rem` }}
                onClick={row ? (event) => onRowClick(item.index, row, event) : undefined}
              >
                {row
                  ? <RowCells row={row} columns={columns} cell={cell} className={styles.cell} />
                  : columns.map((c) => (
                      <div key={c} role="gridcell" className={mergeClasses(styles.cell, styles.placeholder)} style={{ width: `${WIDTH[c]}rem` }}>
                        …
                      </div>
                    ))}
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}

/**
 * One row's cells. Drawn again only when the row, the columns or the way cells are drawn change:
 * after a decision the other rows only move (their position is on the row around them).
 */
const RowCells = memo(function RowCells({ row, columns, cell, className }: { row: TriageRow; columns: TriageColumn[]; cell: (row: TriageRow, column: TriageColumn) => ReactNode; className: string }) {
  return columns.map((column) => (
    <div key={column} role="gridcell" className={className} style={{ width: `${WIDTH[column]}rem` }}>
      {cell(row, column)}
    </div>
  ));
});
