import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, makeStyles, tokens } from '@fluentui/react-components';
import type { ParseKeys } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { RejectedRow, RejectionCode } from '../../shared/api/contract';
import { useFormat } from '../i18n/format';

/** The interface's words for each reason a row is rejected; the value at fault goes in them. */
const REJECTION_TEXT: Record<RejectionCode, ParseKeys> = {
  MissingApplicationId: 'import.rejection.MissingApplicationId',
  MissingStatus: 'import.rejection.MissingStatus',
  UnknownStatus: 'import.rejection.UnknownStatus',
  MissingSubmittedOn: 'import.rejection.MissingSubmittedOn',
  UnreadableSubmittedOn: 'import.rejection.UnreadableSubmittedOn',
  DuplicateApplicationId: 'import.rejection.DuplicateApplicationId',
  TooManyValues: 'import.rejection.TooManyValues',
};

/** The same said without the value, for rows whose value was not kept. */
const REJECTION_TEXT_NO_VALUE: Partial<Record<RejectionCode, ParseKeys>> = {
  UnknownStatus: 'import.rejection.UnknownStatusNoValue',
  UnreadableSubmittedOn: 'import.rejection.UnreadableSubmittedOnNoValue',
  DuplicateApplicationId: 'import.rejection.DuplicateApplicationIdNoValue',
  TooManyValues: 'import.rejection.TooManyValuesNoValue',
};

/** A rejected row's problem in the user's language; a code this version does not know keeps the service's English. */
export function useRejectionText(): (row: RejectedRow) => string {
  const { t } = useTranslation();
  return (row) => {
    const known = Object.prototype.hasOwnProperty.call(REJECTION_TEXT, row.code);
    if (!known) return row.message;
    const withoutValue = row.value === null ? REJECTION_TEXT_NO_VALUE[row.code] : undefined;
    if (withoutValue) return t(withoutValue);
    const key = REJECTION_TEXT[row.code];
    const value = row.value ?? '';
    // TooManyValues carries how many values too many: a count, for the plural.
    const count = row.code === 'TooManyValues' ? Number(value) || 1 : undefined;
    return t(key, { value, count });
  };
}

const useStyles = makeStyles({
  wrap: { maxHeight: '24rem', overflow: 'auto', border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`, borderRadius: tokens.borderRadiusMedium },
  row: { width: '6rem' },
  column: { width: '14rem' },
  number: { fontVariantNumeric: 'tabular-nums' },
  whole: { color: tokens.colorNeutralForeground3, fontStyle: 'italic' },
  head: { position: 'sticky', top: 0, zIndex: 1, backgroundColor: tokens.colorNeutralBackground1 },
});

/** Rows shown at most: more would slow the page; all of them go in the CSV. */
export const REJECTED_ROWS_SHOWN = 1000;

/** The rejected rows of a file: spreadsheet row number, the column at fault, and the problem. */
export function RejectedRowsTable({ rows, label, testId }: { rows: RejectedRow[]; label: string; testId?: string }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const format = useFormat();
  const text = useRejectionText();
  const shown = rows.length > REJECTED_ROWS_SHOWN ? rows.slice(0, REJECTED_ROWS_SHOWN) : rows;
  return (
    // The scrolling box is focusable, so keyboard users can scroll a long list too.
    <div className={styles.wrap} tabIndex={0} role="region" aria-label={label}>
      <Table size="small" aria-label={label} data-testid={testId}>
        <TableHeader className={styles.head}>
          <TableRow>
            <TableHeaderCell className={styles.row}>{t('import.rejection.colRow')}</TableHeaderCell>
            <TableHeaderCell className={styles.column}>{t('import.rejection.colColumn')}</TableHeaderCell>
            <TableHeaderCell>{t('import.rejection.colProblem')}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {shown.map((r, i) => (
            <TableRow key={`${r.row}-${r.code}-${i}`}>
              <TableCell className={styles.number}>{format.number(r.row)}</TableCell>
              <TableCell>{r.column ?? <span className={styles.whole}>{t('import.rejection.wholeRow')}</span>}</TableCell>
              <TableCell>{text(r)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
