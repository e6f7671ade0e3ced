import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { TFunction } from 'i18next';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { SubjectAccessRecord, SubjectAccessTable } from '../../../shared/api/privacy';
import { LongText } from '../../components/LongText';
import { LOCALE, toLanguage, type Language } from '../../i18n/languages';

/**
 * A table with this many columns or more, and few rows, is shown turned: one line per column, one
 * column per row. The applications table has some fifty columns; as a row of fifty cells it could
 * be read neither on screen at 1280 pixels nor on an A4 page.
 */
const TURN_FROM_COLUMNS = 7;
const TURN_UP_TO_ROWS = 4;
/** A table of this many columns or fewer fits the page whatever its values. */
const NARROW_COLUMNS = 4;

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalL },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  made: { margin: 0, color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  table: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXS },
  // On paper a heading stays with its table, and a row is not cut between two pages.
  tableHeading: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold, breakAfter: 'avoid-page' },
  what: { margin: 0, color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200, '::first-letter': { textTransform: 'uppercase' } },
  none: { margin: 0, color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  wrap: {
    overflowX: 'auto',
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
    // On paper nothing scrolls: a wide table wraps its cells instead.
    '@media print': { overflowX: 'visible' },
  },
  grid: {
    borderCollapse: 'collapse',
    fontSize: tokens.fontSizeBase200,
    '& th, & td': {
      padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalS}`,
      borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
      textAlign: 'left',
      verticalAlign: 'top',
      overflowWrap: 'anywhere',
    },
    '& thead th': { fontWeight: tokens.fontWeightSemibold, minWidth: '6rem', maxWidth: '16rem' },
    '& td': { minWidth: '6rem', maxWidth: '28rem' },
    '& tr': { breakInside: 'avoid-page' },
  },
  turned: { '& tbody th': { fontWeight: tokens.fontWeightRegular, width: '18rem', minWidth: '12rem' } },
  caption: { display: 'block', color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase100, fontWeight: tokens.fontWeightRegular },
  nullValue: { color: tokens.colorNeutralForeground3 },
});

type Value = string | number | null;

/** The words around the record: the interface's on screen, the person's on their copy. */
interface Chrome {
  t: TFunction;
  number: (n: number) => string;
  dateTime: (iso: string) => string;
  /** The officer's view adds the register's words for each table and column (what it holds, for erasure and export). */
  forOffice: boolean;
}

function useChrome(record: SubjectAccessRecord, forPerson: boolean): Chrome {
  const { t, i18n } = useTranslation();
  const language: Language = forPerson ? record.language : toLanguage(i18n.resolvedLanguage ?? i18n.language);
  const locale = LOCALE[language];
  const number = new Intl.NumberFormat(locale);
  // Times are stored as instants; the office, and the person's copy, read them in Brussels time.
  const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Brussels' });
  return {
    t: forPerson ? i18n.getFixedT(language) : t,
    number: (n) => number.format(n),
    dateTime: (iso) => {
      const date = new Date(iso);
      return Number.isNaN(date.getTime()) ? iso : dateTime.format(date);
    },
    forOffice: !forPerson,
  };
}

/**
 * What Cohort holds about one person, table by table: each table's title and column headings in
 * the person's language, as the services give them. `forPerson`: their copy (printed, or saved as
 * a PDF), wholly in their language, every text in full (on paper "Show all" cannot be pressed); on
 * screen the officer also reads the register's words for what each table and column holds.
 */
export function SubjectAccessView({ record, forPerson = false }: { record: SubjectAccessRecord; forPerson?: boolean }) {
  const styles = useStyles();
  const chrome = useChrome(record, forPerson);
  const { t } = chrome;
  const rows = record.tables.reduce((sum, table) => sum + table.rows.length, 0);
  return (
    <div className={styles.root} lang={forPerson ? record.language : undefined}>
      <div>
        <h3 className={styles.heading}>{t('privacy.record.title', { name: record.person.name })}</h3>
        <p className={styles.made}>
          {t('privacy.record.made', { date: chrome.dateTime(record.generatedAt) })} · {t('privacy.record.tables', { count: record.tables.length, n: chrome.number(record.tables.length) })} ·{' '}
          {t('privacy.record.rows', { count: rows, n: chrome.number(rows) })}
        </p>
      </div>
      {record.tables.map((table) => (
        <TableOfRecord key={table.table} table={table} chrome={chrome} />
      ))}
    </div>
  );
}

function TableOfRecord({ table, chrome }: { table: SubjectAccessTable; chrome: Chrome }) {
  const styles = useStyles();
  const { t, forOffice } = chrome;
  // The record may be drawn twice (on screen and for printing): ids must not collide.
  const headingId = `${useId()}-${table.table}`;
  const turned = table.columns.length >= TURN_FROM_COLUMNS && table.rows.length <= TURN_UP_TO_ROWS;
  const show = (value: Value) => <Cell value={value} whole={!forOffice} />;
  // On screen, under each heading, the register's words (and, on hover, the column's name in the database).
  const heading = (column: SubjectAccessTable['columns'][number]) => (
    <>
      {column.label}
      {forOffice ? <span className={styles.caption}>{column.what}</span> : null}
    </>
  );
  const nameOf = (column: SubjectAccessTable['columns'][number]) => (forOffice ? column.name : undefined);
  return (
    <section className={styles.table} aria-labelledby={headingId} data-table={table.table}>
      <h4 className={styles.tableHeading} id={headingId}>
        {table.title}
      </h4>
      {forOffice ? <p className={styles.what}>{table.what}</p> : null}
      {table.rows.length === 0 ? (
        <p className={styles.none}>{t('privacy.record.noRows')}</p>
      ) : (
        // A table of many columns may be wider than the page: focusable, so a keyboard can scroll it.
        <div className={styles.wrap} tabIndex={turned || table.columns.length <= NARROW_COLUMNS ? undefined : 0} role="group" aria-labelledby={headingId}>
          {turned ? (
            <table className={mergeClasses(styles.grid, styles.turned)}>
              <thead>
                <tr>
                  <th scope="col">{t('privacy.record.column')}</th>
                  {table.rows.map((_row, i) => (
                    <th key={i} scope="col">
                      {table.rows.length === 1 ? t('privacy.record.value') : t('privacy.record.rowNumber', { n: i + 1 })}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {table.columns.map((column) => (
                  <tr key={column.name}>
                    <th scope="row" title={nameOf(column)}>
                      {heading(column)}
                    </th>
                    {table.rows.map((row, i) => (
                      <td key={i}>{show(row[column.name] ?? null)}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          ) : (
            <table className={styles.grid}>
              <thead>
                <tr>
                  {table.columns.map((column) => (
                    <th key={column.name} scope="col" title={nameOf(column)}>
                      {heading(column)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {table.rows.map((row, i) => (
                  <tr key={i}>
                    {table.columns.map((column) => (
                      <td key={column.name}>{show(row[column.name] ?? null)}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
      )}
    </section>
  );
}

function Cell({ value, whole }: { value: Value; whole: boolean }) {
  const styles = useStyles();
  if (value === null || value === '') return <span className={styles.nullValue}>—</span>;
  // As stored: a key or a year grouped as a count ("2,026") would not be the value held.
  if (typeof value === 'number') return <>{String(value)}</>;
  return whole ? <>{value}</> : <LongText text={value} />;
}
