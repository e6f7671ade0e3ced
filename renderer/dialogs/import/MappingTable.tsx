import { Select, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { defaultRangeExtractor, useVirtualizer, type Range } from '@tanstack/react-virtual';
import { memo, useRef, useState, type FocusEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ColumnTarget, ImportColumn } from '../../../shared/api/contract';
import { APPLICATION_FIELDS } from '../../../shared/domain/application-fields';
import { toLanguage, type Language } from '../../i18n/languages';
import { fieldLabel, parseTargetValue, targetValue } from './mapping';

/** Every row has the same height: three example lines. A fixed height keeps scrolling exact. */
const ROW_HEIGHT = 68;
const GRID = '4.5rem minmax(9rem, 1.1fr) minmax(8rem, 0.9fr) minmax(10rem, 1.4fr) minmax(15rem, 1.3fr)';

const useStyles = makeStyles({
  table: {
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    overflow: 'hidden',
  },
  headRow: {
    display: 'grid',
    gridTemplateColumns: GRID,
    columnGap: tokens.spacingHorizontalM,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    backgroundColor: tokens.colorNeutralBackground3,
    fontWeight: tokens.fontWeightSemibold,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  // As many rows as fit beside the rest of the dialog, so only the table scrolls (never under 3 rows).
  scroller: { overflowY: 'auto', position: 'relative', maxHeight: `max(${3 * ROW_HEIGHT}px, calc(100vh - 30rem))` },
  inner: { position: 'relative', width: '100%' },
  row: {
    position: 'absolute',
    top: 0,
    left: 0,
    width: '100%',
    boxSizing: 'border-box',
    display: 'grid',
    gridTemplateColumns: GRID,
    columnGap: tokens.spacingHorizontalM,
    alignItems: 'center',
    padding: `0 ${tokens.spacingHorizontalM}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`,
  },
  problemRow: { backgroundColor: tokens.colorPaletteRedBackground1 },
  cell: { minWidth: 0, overflow: 'hidden' },
  letter: { fontFamily: tokens.fontFamilyMonospace, fontWeight: tokens.fontWeightSemibold },
  ellipsis: { display: 'block', overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
  muted: { color: tokens.colorNeutralForeground3, fontStyle: 'italic' },
  examples: { display: 'flex', flexDirection: 'column', fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200 },
  target: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXXS },
  select: { width: '100%' },
  note: { fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200 },
  noteError: { color: tokens.colorPaletteRedForeground1 },
  noteChanged: { color: tokens.colorBrandForeground1 },
});

export interface MappingRowData {
  column: ImportColumn;
  target: ColumnTarget;
  changed: boolean;
  /** Other columns mapped to the same field (letters), when this one is one of several. */
  sameFieldAs: string[];
}

export interface MappingTableProps {
  rows: MappingRowData[];
  /** Columns in the file in all (the table may show fewer, after a search). */
  totalColumns: number;
  label: string;
  /** Id of the summary of problems, which invalid selects point to. */
  problemsId?: string;
  onChange: (index: number, target: ColumnTarget) => void;
}

/**
 * One row per source column. Only the rows in view (and a few around them) exist in the page:
 * an export can have 10,000 columns, and 10,000 selects would take seconds to draw. The ARIA
 * table roles and row indexes tell assistive technology where each drawn row stands.
 */
export function MappingTable({ rows, totalColumns, label, problemsId, onChange }: MappingTableProps) {
  // TanStack Virtual hands back a stable object whose answers change as the list scrolls: nothing
  // here may be memoized on it (the React Compiler knows, and skips this component).
  'use no memo';
  const { t, i18n } = useTranslation();
  const styles = useStyles();
  const language = toLanguage(i18n.resolvedLanguage ?? i18n.language);
  const scrollRef = useRef<HTMLDivElement>(null);
  // The row holding focus stays drawn when scrolled out of view: removing it would drop the
  // keyboard focus out of the table (and, in a dialog, back to its first control).
  const [focusedRow, setFocusedRow] = useState<number | null>(null);
  const onFocus = (event: FocusEvent) => {
    const row = (event.target as HTMLElement).closest('[data-index]');
    if (row) setFocusedRow(Number(row.getAttribute('data-index')));
  };
  // eslint-disable-next-line react-hooks/incompatible-library -- known and handled: 'use no memo' above.
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 6,
    getItemKey: (i) => rows[i]?.column.index ?? i,
    rangeExtractor: (range: Range) => {
      const indexes = defaultRangeExtractor(range);
      if (focusedRow === null || focusedRow >= rows.length || indexes.includes(focusedRow)) return indexes;
      return [...indexes, focusedRow].sort((a, b) => a - b);
    },
  });
  const height = rows.length * ROW_HEIGHT;

  return (
    <div role="table" aria-label={label} aria-rowcount={rows.length + 1} aria-colcount={5} className={styles.table} data-total-columns={totalColumns}>
      <div role="rowgroup">
        <div role="row" aria-rowindex={1} className={styles.headRow}>
          <span role="columnheader">{t('import.mapping.colLetter')}</span>
          <span role="columnheader">{t('import.mapping.colHeader')}</span>
          <span role="columnheader">{t('import.mapping.colDetected')}</span>
          <span role="columnheader">{t('import.mapping.colExamples')}</span>
          <span role="columnheader">{t('import.mapping.colTarget')}</span>
        </div>
      </div>
      <div role="rowgroup" ref={scrollRef} className={styles.scroller} style={{ height }} onFocus={onFocus}>
        <div role="presentation" className={styles.inner} style={{ height: virtualizer.getTotalSize() }}>
          {virtualizer.getVirtualItems().map((item) => {
            const row = rows[item.index];
            if (!row) return null;
            return (
              <MappingRow
                key={item.key}
                position={item.index}
                row={row}
                rowIndex={item.index + 2}
                top={item.start}
                language={language}
                problemsId={problemsId}
                onChange={onChange}
              />
            );
          })}
        </div>
      </div>
    </div>
  );
}

interface MappingRowProps {
  /** Index in the rows shown (not the column's index in the file). */
  position: number;
  row: MappingRowData;
  rowIndex: number;
  top: number;
  language: Language;
  problemsId: string | undefined;
  onChange: (index: number, target: ColumnTarget) => void;
}

/** Memoized: changing one column's target redraws that row only. */
const MappingRow = memo(function MappingRow({ position, row, rowIndex, top, language, problemsId, onChange }: MappingRowProps) {
  const { t } = useTranslation();
  const styles = useStyles();
  const { column, target, changed, sameFieldAs } = row;
  const header = column.header.trim();
  const invalid = sameFieldAs.length > 0;
  const noteId = `mapping-note-${column.index}`;
  return (
    <div
      role="row"
      aria-rowindex={rowIndex}
      data-index={position}
      className={mergeClasses(styles.row, invalid && styles.problemRow)}
      style={{ height: ROW_HEIGHT, transform: `translateY(${top}px)` }}
      data-testid={`mapping-row-${column.letter}`}
    >
      <span role="cell" className={mergeClasses(styles.cell, styles.letter)}>
        {column.letter}
      </span>
      <span role="cell" className={styles.cell}>
        {header ? (
          <span className={styles.ellipsis} title={column.header}>
            {column.header}
          </span>
        ) : (
          <span className={styles.muted}>{t('import.mapping.headerEmpty')}</span>
        )}
      </span>
      <span role="cell" className={styles.cell}>
        {column.detected ? (
          <span className={styles.ellipsis}>{fieldLabel(column.detected, language)}</span>
        ) : (
          <span className={styles.muted}>{t('import.mapping.notRecognised')}</span>
        )}
      </span>
      <span role="cell" className={mergeClasses(styles.cell, styles.examples)}>
        {column.examples.length > 0 ? (
          column.examples.slice(0, 3).map((example, i) => (
            <span key={i} className={styles.ellipsis} title={example}>
              {example}
            </span>
          ))
        ) : (
          <span className={styles.muted}>{t('import.mapping.noExamples')}</span>
        )}
      </span>
      <span role="cell" className={mergeClasses(styles.cell, styles.target)}>
        <Select
          className={styles.select}
          size="small"
          value={targetValue(target)}
          aria-label={t('import.mapping.selectLabel', { letter: column.letter, header: header || t('import.mapping.headerEmpty') })}
          aria-invalid={invalid || undefined}
          aria-describedby={invalid ? [noteId, problemsId].filter(Boolean).join(' ') : changed ? noteId : undefined}
          onChange={(_e, data) => {
            const next = parseTargetValue(data.value);
            if (next) onChange(column.index, next);
          }}
        >
          <option value="extra">{t('import.mapping.targetExtra')}</option>
          <option value="ignore">{t('import.mapping.targetIgnore')}</option>
          <optgroup label={t('import.mapping.fieldsGroup')}>
            {APPLICATION_FIELDS.map((f) => (
              <option key={f.key} value={`field:${f.key}`}>
                {f[language]}
              </option>
            ))}
          </optgroup>
        </Select>
        {invalid ? (
          <span id={noteId} className={mergeClasses(styles.note, styles.noteError, styles.ellipsis)}>
            {t('import.mapping.sameFieldAs', { count: sameFieldAs.length, columns: sameFieldAs.join(', ') })}
          </span>
        ) : changed ? (
          <span id={noteId} className={mergeClasses(styles.note, styles.noteChanged, styles.ellipsis)}>
            {t('import.mapping.changed')}
          </span>
        ) : null}
      </span>
    </div>
  );
});
