import {
  Button,
  Spinner,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { HistoryRegular, SaveRegular } from '@fluentui/react-icons';
import { useTranslation } from 'react-i18next';
import { useQuery } from '../../api/hooks';
import { useBackupNow } from '../../api/useBackupNow';
import { ErrorBar } from '../../components/ErrorBar';
import { useBackupReason } from '../../components/useBackupReason';
import { useFormat } from '../../i18n/format';
import { useWorkspace } from '../../shell/WorkspaceContext';
import { useSectionStyles } from './formStyles';
import { ServerConnectionPanel } from './ServerConnectionPanel';

const useStyles = makeStyles({
  facts: {
    display: 'grid',
    gridTemplateColumns: 'max-content 1fr',
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalS,
    margin: 0,
    '& dt': { color: tokens.colorNeutralForeground2 },
    '& dd': { margin: 0, overflowWrap: 'anywhere' },
  },
  mono: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200 },
  subheading: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  tableWrap: { overflowX: 'auto' },
  number: { textAlign: 'right', fontVariantNumeric: 'tabular-nums' },
});

/**
 * Where the data lives (this computer's file or the office server, and the choice between them),
 * how big it is, and its backups (with Backup now / Restore; on the server, IT backs it up).
 */
export function DatabasePanel() {
  const { t } = useTranslation();
  const section = useSectionStyles();
  const styles = useStyles();
  const format = useFormat();
  const reason = useBackupReason();
  const { openDialog } = useWorkspace();
  const info = useQuery('database.info', {});
  const { backingUp, backupNow } = useBackupNow();
  // The office server is backed up by IT (PostgreSQL's own tools): no Backup now or Restore here.
  const onServer = info.data?.server != null;

  let body;
  if (info.error) body = <ErrorBar error={info.error} onRetry={info.refetch} />;
  else if (!info.data) body = <Spinner size="small" label={t('database.loading')} />;
  else if (info.data.server) {
    const db = info.data;
    const server = info.data.server;
    body = (
      <>
        <dl className={styles.facts}>
          <dt>{t('database.server')}</dt>
          <dd className={styles.mono}>{server.address}</dd>
          <dt>{t('database.login')}</dt>
          <dd className={styles.mono}>{server.login}</dd>
          <dt>{t('database.schemaVersion')}</dt>
          <dd>{format.number(db.schemaVersion)}</dd>
          <dt>{t('database.size')}</dt>
          <dd>{format.bytes(db.sizeBytes)}</dd>
        </dl>
        <p className={section.intro}>{t('database.serverBackups')}</p>
      </>
    );
  } else {
    const db = info.data;
    body = (
      <>
        <dl className={styles.facts}>
          <dt>{t('database.path')}</dt>
          <dd className={styles.mono}>{db.path}</dd>
          <dt>{t('database.schemaVersion')}</dt>
          <dd>{format.number(db.schemaVersion)}</dd>
          <dt>{t('database.size')}</dt>
          <dd>{format.bytes(db.sizeBytes)}</dd>
          <dt>{t('database.backupFolder')}</dt>
          <dd className={styles.mono}>{db.backupDirectory}</dd>
        </dl>
        <h3 className={styles.subheading} id="backups-title">
          {t('database.backups')}
        </h3>
        {db.backups.length === 0 ? (
          <p className={section.intro}>{t('database.noBackups')}</p>
        ) : (
          <div className={styles.tableWrap}>
            <Table size="small" aria-labelledby="backups-title">
              <TableHeader>
                <TableRow>
                  <TableHeaderCell>{t('database.backupTaken')}</TableHeaderCell>
                  <TableHeaderCell>{t('database.backupReason')}</TableHeaderCell>
                  <TableHeaderCell className={styles.number}>{t('database.backupSize')}</TableHeaderCell>
                  <TableHeaderCell>{t('database.backupFile')}</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {db.backups.map((b) => (
                  <TableRow key={b.file}>
                    <TableCell>{format.dateTimeSeconds(b.createdAt)}</TableCell>
                    <TableCell>{reason(b.reason)}</TableCell>
                    <TableCell className={styles.number}>{format.bytes(b.sizeBytes)}</TableCell>
                    <TableCell className={styles.mono}>{b.file}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
        )}
      </>
    );
  }

  return (
    <section className={section.section} aria-labelledby="database-title">
      <h2 className={section.heading} id="database-title">
        {t('database.title')}
      </h2>
      <ServerConnectionPanel info={info.data} />
      {!onServer && <p className={section.intro}>{t('database.intro')}</p>}
      {body}
      {!onServer && (
        <div className={section.actions}>
          <Button
            icon={backingUp ? <Spinner size="tiny" /> : <SaveRegular />}
            disabled={backingUp}
            onClick={() => void backupNow().then(info.refetch)}
          >
            {t('file.backupNow')}
          </Button>
          <Button icon={<HistoryRegular />} onClick={() => openDialog('restore')}>
            {t('file.restore')}
          </Button>
        </div>
      )}
    </section>
  );
}
