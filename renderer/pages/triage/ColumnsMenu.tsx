import { Button, Checkbox, Popover, PopoverSurface, PopoverTrigger, makeStyles, tokens } from '@fluentui/react-components';
import { ArrowDownRegular, ArrowUpRegular, ColumnTripleRegular } from '@fluentui/react-icons';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { TRIAGE_COLUMNS, type TriageColumn } from '../../../shared/api/contract';

const useStyles = makeStyles({
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXXS, minWidth: '18rem' },
  item: { display: 'flex', alignItems: 'center', columnGap: tokens.spacingHorizontalXXS },
  label: { flexGrow: 1 },
});

/** Which columns the queue shows, and in which order (shown ones first, in their order; then the others). */
/** Drawn again only when the columns change (not on every key of the queue). */
export const ColumnsMenu = memo(ColumnsMenuView);

function ColumnsMenuView({ columns, onChange }: { columns: TriageColumn[]; onChange(columns: TriageColumn[]): void }) {
  const styles = useStyles();
  const { t } = useTranslation();
  const hidden = TRIAGE_COLUMNS.filter((c) => !columns.includes(c));
  const move = (column: TriageColumn, by: number) => {
    const i = columns.indexOf(column);
    const j = i + by;
    if (i < 0 || j < 0 || j >= columns.length) return;
    const next = [...columns];
    [next[i], next[j]] = [next[j] as TriageColumn, next[i] as TriageColumn];
    onChange(next);
  };
  return (
    <Popover trapFocus>
      <PopoverTrigger disableButtonEnhancement>
        <Button icon={<ColumnTripleRegular />}>{t('triage.columns.button')}</Button>
      </PopoverTrigger>
      <PopoverSurface aria-label={t('triage.columns.title')}>
        <ul className={styles.list}>
          {[...columns, ...hidden].map((column) => {
            const shown = columns.includes(column);
            const name = t(`triage.column.${column}`);
            return (
              <li key={column} className={styles.item}>
                <Checkbox
                  className={styles.label}
                  label={name}
                  checked={shown}
                  // The last column stays: a table without columns shows nothing.
                  disabled={shown && columns.length === 1}
                  onChange={(_e, data) => onChange(data.checked ? [...columns, column] : columns.filter((c) => c !== column))}
                />
                <Button size="small" appearance="subtle" icon={<ArrowUpRegular />} disabled={!shown || columns.indexOf(column) === 0} aria-label={t('triage.columns.left', { column: name })} onClick={() => move(column, -1)} />
                <Button
                  size="small"
                  appearance="subtle"
                  icon={<ArrowDownRegular />}
                  disabled={!shown || columns.indexOf(column) === columns.length - 1}
                  aria-label={t('triage.columns.right', { column: name })}
                  onClick={() => move(column, 1)}
                />
              </li>
            );
          })}
        </ul>
      </PopoverSurface>
    </Popover>
  );
}
