import {
  Button,
  Link,
  Spinner,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  makeStyles,
  mergeClasses,
  tokens,
} from '@fluentui/react-components';
import { ArrowDownloadRegular, DismissRegular } from '@fluentui/react-icons';
import type { ParseKeys } from 'i18next';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { rejectedRowsFileName, type ImportRecord } from '../../../shared/api/contract';
import { useClient } from '../../api/ClientContext';
import { useQuery } from '../../api/hooks';
import { useSaveFile } from '../../api/useSaveFile';
import { ErrorBar } from '../../components/ErrorBar';
import { useNotify } from '../../components/Notify';
import { REJECTED_ROWS_SHOWN, RejectedRowsTable } from '../../components/RejectedRowsTable';
import { useFormat } from '../../i18n/format';
import { importHref, useSelectedImport } from '../../shell/routes';
import { useWorkspace } from '../../shell/WorkspaceContext';
import { useSectionStyles } from '../settings/formStyles';

const useStyles = makeStyles({
  section: { maxWidth: 'none' },
  tableWrap: { overflowX: 'auto' },
  // Columns as wide as their content (Fluent's tables are fixed-layout: equal columns).
  table: { tableLayout: 'auto' },
  number: { textAlign: 'right', fontVariantNumeric: 'tabular-nums' },
  // The header cell's content sits in a flex box: align it there.
  numberHeader: { justifyContent: 'flex-end' },
  date: { whiteSpace: 'nowrap' },
  actor: { overflowWrap: 'break-word' },
  file: { overflowWrap: 'break-word', minWidth: '12rem' },
  details: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalM,
    paddingTop: tokens.spacingVerticalL,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  detailsHead: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalS },
  detailsTitle: {
    margin: 0,
    fontSize: tokens.fontSizeBase400,
    fontWeight: tokens.fontWeightSemibold,
    overflowWrap: 'anywhere',
    ':focus': { outline: 'none' },
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
  },
  close: { marginLeft: 'auto' },
  muted: { margin: 0, color: tokens.colorNeutralForeground3, overflowWrap: 'anywhere' },
});

const NUMBER_COLUMNS: ParseKeys[] = [
  'import.history.colAdded',
  'import.history.colUpdated',
  'import.history.colUnchanged',
  'import.history.colDrafts',
  'import.history.colRejected',
];

/** Past imports of the campaign, newest first; one of them opened shows its rejected rows. */
export function ImportHistory({ campaignId }: { campaignId: number }) {
  const { t } = useTranslation();
  const section = useSectionStyles();
  const styles = useStyles();
  const format = useFormat();
  const { lastImportId } = useWorkspace();
  const [selectedId, select] = useSelectedImport();
  const list = useQuery('import.list', { campaignId });
  const { refetch } = list;

  // An import finished in the wizard: load the list again even if no change event reached us.
  useEffect(() => {
    if (lastImportId !== null) refetch();
  }, [lastImportId, refetch]);

  const records = list.data ? [...list.data].sort((a, b) => b.id - a.id) : null;
  const selected = records?.find((r) => r.id === selectedId) ?? null;

  let body;
  if (list.error) body = <ErrorBar error={list.error} onRetry={refetch} />;
  else if (!records) body = <Spinner size="small" label={t('import.history.loading')} />;
  else if (records.length === 0) body = <p className={section.intro}>{t('import.history.empty')}</p>;
  else
    body = (
      <div className={styles.tableWrap}>
        <Table size="small" className={styles.table} aria-labelledby="import-history-title" data-testid="import-history">
          <TableHeader>
            <TableRow>
              <TableHeaderCell className={styles.date}>{t('import.history.colDate')}</TableHeaderCell>
              <TableHeaderCell>{t('import.history.colFile')}</TableHeaderCell>
              {NUMBER_COLUMNS.map((key) => (
                <TableHeaderCell key={key} className={styles.number} button={{ className: styles.numberHeader }}>
                  {t(key)}
                </TableHeaderCell>
              ))}
              <TableHeaderCell className={styles.actor}>{t('import.history.colBy')}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {records.map((r) => {
              const isSelected = r.id === selectedId;
              const date = format.dateTime(r.finishedAt);
              return (
                <TableRow key={r.id} appearance={isSelected ? 'brand' : 'none'}>
                  <TableCell className={styles.date}>{date}</TableCell>
                  <TableCell className={styles.file}>
                    <Link
                      href={importHref(r.id)}
                      aria-current={isSelected ? 'true' : undefined}
                      aria-label={t('import.history.openLabel', { name: r.fileName, date })}
                    >
                      {r.fileName}
                    </Link>
                  </TableCell>
                  <TableCell className={styles.number}>{format.number(r.counts.added)}</TableCell>
                  <TableCell className={styles.number}>{format.number(r.counts.updated)}</TableCell>
                  <TableCell className={styles.number}>{format.number(r.counts.unchanged)}</TableCell>
                  <TableCell className={styles.number}>{format.number(r.counts.skippedDrafts)}</TableCell>
                  <TableCell className={styles.number}>{format.number(r.counts.rejected)}</TableCell>
                  <TableCell className={styles.actor}>{r.actor}</TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      </div>
    );

  return (
    <section className={mergeClasses(section.section, styles.section)} aria-labelledby="import-history-title">
      <h2 className={section.heading} id="import-history-title">
        {t('import.history.title')}
      </h2>
      {body}
      {records && selectedId !== null ? (
        selected ? (
          <ImportDetails key={selected.id} record={selected} onClose={() => select(null)} />
        ) : (
          <p className={section.intro}>{t('import.history.notInCampaign')}</p>
        )
      ) : null}
    </section>
  );
}

/** One import: who, when, what file; its rejected rows, and the CSV to send back or fix. */
function ImportDetails({ record, onClose }: { record: ImportRecord; onClose: () => void }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const format = useFormat();
  const client = useClient();
  const notify = useNotify();
  const saveFile = useSaveFile();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const hasRejected = record.counts.rejected > 0;
  const rejections = useQuery('import.rejections', hasRejected ? { importId: record.id } : null);
  const [saving, setSaving] = useState(false);

  // Opened from a link in the table (or the wizard): take the reader to what opened.
  useEffect(() => {
    headingRef.current?.focus();
  }, []);

  async function saveCsv() {
    setSaving(true);
    try {
      await saveFile(rejectedRowsFileName(record.fileName), (target) => client.call('import.rejectionsCsv', { importId: record.id, target }));
    } catch (error) {
      notify.error(error);
    } finally {
      setSaving(false);
    }
  }

  const date = format.dateTime(record.finishedAt);
  let body;
  if (!hasRejected) body = <p className={styles.muted}>{t('import.history.noneRejected')}</p>;
  else if (rejections.error) body = <ErrorBar error={rejections.error} onRetry={rejections.refetch} />;
  else if (!rejections.data) body = <Spinner size="small" label={t('import.history.loadingRejected')} />;
  else body = <RejectedRowsTable rows={rejections.data} label={t('import.history.rejectedLabel', { name: record.fileName })} testId="history-rejected-rows" />;

  return (
    <div className={styles.details} role="region" aria-labelledby="import-details-title">
      <div className={styles.detailsHead}>
        <h3 className={styles.detailsTitle} id="import-details-title" ref={headingRef} tabIndex={-1}>
          {t('import.history.detailsTitle', { name: record.fileName })}
        </h3>
        <Button className={styles.close} appearance="subtle" icon={<DismissRegular />} onClick={onClose}>
          {t('import.history.closeDetails')}
        </Button>
      </div>
      <p className={styles.muted}>
        {t('import.history.detailsFacts', {
          date,
          actor: record.actor,
          size: format.bytes(record.sizeBytes),
          count: record.counts.totalRows,
          rows: format.number(record.counts.totalRows),
        })}
      </p>
      <p className={styles.muted}>{t('import.history.sha256', { sha256: record.sha256 })}</p>
      {body}
      {hasRejected && rejections.data && rejections.data.length > REJECTED_ROWS_SHOWN ? (
        <p className={styles.muted}>{t('import.history.firstShown', { shown: format.number(REJECTED_ROWS_SHOWN), total: format.number(rejections.data.length) })}</p>
      ) : null}
      {hasRejected ? (
        <div>
          <Button icon={saving ? <Spinner size="tiny" /> : <ArrowDownloadRegular />} disabled={saving} onClick={() => void saveCsv()}>
            {t('import.history.saveCsv')}
          </Button>
        </div>
      ) : null}
    </div>
  );
}
