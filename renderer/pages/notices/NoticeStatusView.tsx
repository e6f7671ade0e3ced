import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
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
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NOTICE_STATES, type OpenBatch, type PreparedBatch } from '../../../shared/api/notices';
import { NOTICE_OUTCOMES, type NoticeOutcome } from '../../../shared/domain/notice-outcome';
import { useApiMutation, useQuery } from '../../api/hooks';
import { BarList } from '../../components/charts/BarList';
import { ChartCard } from '../../components/charts/ChartCard';
import { ErrorBar } from '../../components/ErrorBar';
import { useNotify } from '../../components/Notify';
import { useFormat } from '../../i18n/format';
import { useQueueName } from '../overview/queueName';
import { BouncedDialog } from './BouncedDialog';
import { ExceptDialog } from './ExceptDialog';
import { PrepareDialog } from './PrepareDialog';
import { useNoticeWords } from './noticeWords';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalL },
  grid: { display: 'grid', gridTemplateColumns: 'minmax(0, 2fr) minmax(16rem, 1fr)', columnGap: tokens.spacingHorizontalL, alignItems: 'start' },
  table: { tableLayout: 'auto' },
  outcome: { whiteSpace: 'nowrap' },
  number: { textAlign: 'right', fontVariantNumeric: 'tabular-nums' },
  numberHeader: { '& .fui-TableHeaderCell__button': { justifyContent: 'flex-end' } },
  nowrap: { whiteSpace: 'nowrap' },
  owed: { textAlign: 'right', fontVariantNumeric: 'tabular-nums', fontWeight: tokens.fontWeightSemibold },
  actions: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalS },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

/** Who is owed which notice, how far each batch has gone, and what is late. */
export function NoticeStatusView({ campaignId }: { campaignId: number }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const format = useFormat();
  const words = useNoticeWords();
  const divisionName = useQueueName();
  const notify = useNotify();
  const status = useQuery('notices.status', { campaignId });
  const markSent = useApiMutation('notices.markSent');
  const [preparing, setPreparing] = useState<NoticeOutcome | null>(null);
  const [batch, setBatch] = useState<PreparedBatch | null>(null);
  const [except, setExcept] = useState<OpenBatch | null>(null);
  const [bouncing, setBouncing] = useState(false);

  if (status.error) return <ErrorBar error={status.error} onRetry={status.refetch} />;
  const summary = status.data;
  if (!summary) return <Spinner label={t('notices.loading')} />;

  async function sendAll(batchId: number, exceptIds: string[] = []) {
    const result = await markSent.run({ batchId, except: exceptIds });
    if (!result.ok) {
      notify.error(result.error);
      return;
    }
    notify.success(t('notices.markedSent', { count: result.value.sent }));
    setExcept(null);
  }

  const divisions = Object.entries(summary.owedByDivision)
    .sort(([, a], [, b]) => b - a)
    .map(([division, owed]) => ({ id: division, label: divisionName(division), value: owed, valueText: format.number(owed) }));
  return (
    <div className={styles.root}>
      {summary.overdue > 0 ? (
        <MessageBar intent="warning" layout="multiline" data-testid="notices-overdue">
          <MessageBarBody>
            <MessageBarTitle>{t('notices.overdueTitle', { count: summary.overdue })}</MessageBarTitle>
            {t('notices.overdueBody', { since: summary.oldestOwedSince ? format.date(summary.oldestOwedSince) : '', count: summary.oldestOwedWorkingDays ?? 0 })}
          </MessageBarBody>
        </MessageBar>
      ) : null}
      {batch && batch.withoutAddress.length > 0 ? (
        <MessageBar intent="info" layout="multiline" data-testid="notices-without-address">
          <MessageBarBody>
            <MessageBarTitle>{t('notices.withoutAddress', { count: batch.withoutAddress.length })}</MessageBarTitle>
            <ul className={styles.list}>
              {batch.withoutAddress.map((p) => (
                <li key={p.applications.join()}>{p.applications.join(', ')}</li>
              ))}
            </ul>
          </MessageBarBody>
          <MessageBarActions>
            <Button onClick={() => setBatch(null)}>{t('common.dismiss')}</Button>
          </MessageBarActions>
        </MessageBar>
      ) : null}
      {summary.openBatches.map((open) => (
        <MessageBar key={open.batchId} intent="info" layout="multiline" data-testid="notices-batch">
          <MessageBarBody>
            <MessageBarTitle>{t('notices.batchTitle', { count: open.prepared, outcome: words.outcome(open.outcome) })}</MessageBarTitle>
            {t('notices.batchBody', { when: format.dateTime(open.at), who: open.actor })}
          </MessageBarBody>
          <MessageBarActions>
            <Button appearance="primary" disabled={markSent.pending} onClick={() => void sendAll(open.batchId)}>
              {t('notices.markAllSent', { count: open.prepared })}
            </Button>
            <Button onClick={() => setExcept(open)}>{t('notices.markSentExcept')}</Button>
          </MessageBarActions>
        </MessageBar>
      ))}
      <div className={styles.grid}>
        <section aria-labelledby="notices-counts-title">
          <h2 id="notices-counts-title" className="visually-hidden">
            {t('notices.countsTitle')}
          </h2>
          <Table size="small" className={styles.table} aria-labelledby="notices-counts-title" data-testid="notice-counts">
            <TableHeader>
              <TableRow>
                <TableHeaderCell>{t('notices.outcomeHeader')}</TableHeaderCell>
                {NOTICE_STATES.map((s) => (
                  <TableHeaderCell key={s} className={styles.numberHeader}>
                    {words.state(s)}
                  </TableHeaderCell>
                ))}
                <TableHeaderCell>
                  <span className="visually-hidden">{t('notices.actions')}</span>
                </TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {NOTICE_OUTCOMES.map((outcome) => {
                const counts = summary.byOutcome[outcome];
                return (
                  <TableRow key={outcome} data-outcome={outcome}>
                    <TableCell className={styles.outcome}>{words.outcome(outcome)}</TableCell>
                    {NOTICE_STATES.map((s) => (
                      <TableCell key={s} className={s === 'owed' && counts.owed > 0 ? styles.owed : styles.number} data-state={s}>
                        {format.number(counts[s])}
                      </TableCell>
                    ))}
                    <TableCell>
                      {counts.owed > 0 ? (
                        <Button size="small" className={styles.nowrap} onClick={() => setPreparing(outcome)}>
                          {t('notices.prepare', { count: counts.owed })}
                        </Button>
                      ) : null}
                    </TableCell>
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
          <div className={styles.actions}>
            <Button onClick={() => setBouncing(true)}>{t('notices.markBounced')}</Button>
          </div>
        </section>
        <ChartCard title={t('notices.owedByDivision')} rows={divisions} labelHeader={t('notices.division')} valueHeader={t('notices.state.owed')}>
          {divisions.length > 0 ? <BarList title={t('notices.owedByDivision')} rows={divisions} /> : <p>{t('notices.noneOwed')}</p>}
        </ChartCard>
      </div>
      <PrepareDialog
        campaignId={campaignId}
        outcome={preparing}
        onClose={() => setPreparing(null)}
        onPrepared={(prepared) => {
          setPreparing(null);
          setBatch(prepared);
        }}
      />
      <ExceptDialog open={except !== null} count={except?.prepared ?? 0} onClose={() => setExcept(null)} onSubmit={(ids) => (except ? sendAll(except.batchId, ids) : Promise.resolve())} />
      <BouncedDialog campaignId={campaignId} open={bouncing} onClose={() => setBouncing(false)} />
    </div>
  );
}
