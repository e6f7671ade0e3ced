import { Link, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditRow } from '../../../shared/api/audit';
import { LongText } from '../../components/LongText';
import { firstPart } from '../../components/long-text';
import { useFormat } from '../../i18n/format';
import { detailsText } from './auditDetails';
import { isKnownAction, useActionWords } from './auditWords';

const useStyles = makeStyles({
  wrap: { overflowX: 'auto' },
  // Columns as wide as their content (Fluent's tables are fixed-layout: equal columns).
  table: { tableLayout: 'auto' },
  when: { whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' },
  officer: { overflowWrap: 'anywhere', minWidth: '7rem' },
  action: { minWidth: '10rem' },
  code: { display: 'block', color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase100 },
  subject: { overflowWrap: 'anywhere', minWidth: '8rem' },
  details: { overflowWrap: 'anywhere', minWidth: '16rem' },
  raw: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase100 },
  more: { display: 'block', marginTop: tokens.spacingVerticalXXS },
  none: { color: tokens.colorNeutralForeground3 },
});

/** One page of the log: when, who, what (in words), on what, and the details in words. */
export function AuditTable({ rows }: { rows: AuditRow[] }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const format = useFormat();
  const actionWords = useActionWords();
  return (
    <div className={styles.wrap}>
      <Table size="small" className={styles.table} aria-label={t('audit.tableLabel')} data-testid="audit-table">
        <TableHeader>
          <TableRow>
            <TableHeaderCell className={styles.when}>{t('audit.colWhen')}</TableHeaderCell>
            <TableHeaderCell className={styles.officer}>{t('audit.colOfficer')}</TableHeaderCell>
            <TableHeaderCell className={styles.action}>{t('audit.colAction')}</TableHeaderCell>
            <TableHeaderCell className={styles.subject}>{t('audit.colSubject')}</TableHeaderCell>
            <TableHeaderCell className={styles.details}>{t('audit.colDetails')}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map((row) => {
            const details = detailsText(row.details, t, format);
            return (
              <TableRow key={row.id}>
                <TableCell className={styles.when}>{format.dateTime(row.at)}</TableCell>
                <TableCell className={styles.officer}>{row.actor}</TableCell>
                <TableCell className={styles.action}>
                  {actionWords(row.action)}
                  {/* The code too, for a known action: it is what the filter and other tools name. */}
                  {isKnownAction(row.action) ? <span className={styles.code}>{row.action}</span> : null}
                </TableCell>
                <TableCell className={styles.subject}>{row.subject ?? <span className={styles.none}>—</span>}</TableCell>
                <TableCell className={styles.details}>
                  {details.text === '' ? (
                    <span className={styles.none}>—</span>
                  ) : (
                    details.raw ? <RawDetails json={details.text} /> : <LongText text={details.text} />
                  )}
                </TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </div>
  );
}

/** Details as recorded, when there are no words for them: two lines' worth, the rest one click away. */
const RAW_SHOWN = 160;

function RawDetails({ json }: { json: string }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const format = useFormat();
  const [whole, setWhole] = useState(false);
  const shown = whole ? json : firstPart(json, RAW_SHOWN);
  return (
    <span className={styles.raw}>
      {shown}
      {shown.length < json.length ? (
        <>
          …
          <Link as="button" className={styles.more} onClick={() => setWhole(true)}>
            {t('longText.showAll', { count: json.length, n: format.number(json.length) })}
          </Link>
        </>
      ) : null}
    </span>
  );
}
