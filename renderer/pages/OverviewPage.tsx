import { Button, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import { ArrowUploadRegular } from '@fluentui/react-icons';
import { useTranslation } from 'react-i18next';
import type { CountRow, Overview } from '../../shared/api/contract';
import { countryName } from '../../shared/domain/country-names';
import { useQuery } from '../api/hooks';
import { useDemoLoad } from '../api/useDemoLoad';
import { BarList } from '../components/charts/BarList';
import { ChartCard, type ChartRow } from '../components/charts/ChartCard';
import { ColumnChart } from '../components/charts/ColumnChart';
import { DemoProgressView } from '../components/DemoProgressView';
import { EmptyState } from '../components/EmptyState';
import { NoCampaign } from '../components/NoCampaign';
import { ErrorBar } from '../components/ErrorBar';
import { PageLayout } from '../components/PageLayout';
import { StatCard } from '../components/StatCard';
import { useFormat, type Format } from '../i18n/format';
import { useListedValueText } from '../i18n/listed-values';
import { toLanguage } from '../i18n/languages';
import type { PageProps } from '../shell/AppShell';
import { useWorkspace } from '../shell/WorkspaceContext';
import { NextStepBar } from './overview/NextStepBar';
import { RetentionNotice } from './overview/RetentionNotice';
import { useQueueName } from './overview/queueName';
import { DivisionProgressTable, VerdictProgress } from './overview/SeasonProgress';

const useStyles = makeStyles({
  stats: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(12rem, 1fr))',
    gap: tokens.spacingHorizontalM,
  },
  charts: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(24rem, 1fr))',
    gap: tokens.spacingHorizontalM,
    alignItems: 'start',
  },
  wide: { gridColumn: '1 / -1' },
  emptyProgress: { width: '100%', maxWidth: '32rem' },
  progress: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM },
});

/** Largest first; "not given" last, whatever its size, so it never reads as a category. */
function byCountDesc(rows: CountRow[]): CountRow[] {
  return [...rows].sort((a, b) => (a.key === null ? 1 : b.key === null ? -1 : b.count - a.count));
}

export function OverviewPage({ onDemoLoaded }: PageProps) {
  const { t } = useTranslation();
  const { campaign } = useWorkspace();
  const campaignId = campaign?.id ?? null;
  const overview = useQuery(
    'overview.get',
    campaignId === null ? null : { campaignId },
  );

  let body;
  if (campaignId === null) body = <NoCampaign icon={<ArrowUploadRegular />} />;
  else if (overview.error) body = <ErrorBar error={overview.error} onRetry={overview.refetch} />;
  else if (!overview.data) body = <Spinner label={t('overview.loading')} />;
  else if (overview.data.applications === 0) body = <NoApplications campaignId={campaignId} onDemoLoaded={onDemoLoaded} />;
  else body = <OverviewFigures overview={overview.data} />;

  return (
    <PageLayout title={t('nav.overview')} subtitle={campaign?.name}>
      {campaignId === null ? null : <RetentionNotice campaignId={campaignId} />}
      {body}
    </PageLayout>
  );
}

function NoApplications({ campaignId, onDemoLoaded }: { campaignId: number } & PageProps) {
  const { t } = useTranslation();
  const styles = useStyles();
  const { startImport } = useWorkspace();
  const demo = useDemoLoad(onDemoLoaded);
  return (
    <EmptyState
      icon={<ArrowUploadRegular />}
      title={t('overview.emptyTitle')}
      actions={
        <>
          <Button appearance="primary" disabled={demo.progress.running} onClick={() => startImport()}>
            {t('overview.importAction')}
          </Button>
          <Button disabled={demo.progress.running} onClick={() => void demo.start({ campaignId })}>
            {t('firstRun.demo.action')}
          </Button>
          <div className={styles.emptyProgress}>
            <DemoProgressView progress={demo.progress} />
          </div>
        </>
      }
    >
      <p>{t('overview.empty')}</p>
      <p>{t('overview.emptyImport')}</p>
    </EmptyState>
  );
}

function toRows(rows: CountRow[], label: (key: string) => string, notGiven: string, format: Format): ChartRow[] {
  return rows.map((r) => ({
    id: r.key ?? '\u0000none',
    label: r.key === null ? notGiven : label(r.key),
    value: r.count,
    valueText: format.number(r.count),
  }));
}

function OverviewFigures({ overview }: { overview: Overview }) {
  const { t, i18n } = useTranslation();
  const styles = useStyles();
  const format = useFormat();
  const values = useListedValueText();
  const language = toLanguage(i18n.resolvedLanguage ?? i18n.language);
  const notGiven = t('overview.notGiven');
  const same = (key: string) => key;
  // The service merges the export's spellings of the two funding tracks under these keys.
  const fundingName = (key: string) => (key === 'nato' || key === 'grant' ? values.funding(key) : key);
  const divisionName = useQueueName();

  const divisions = toRows(byCountDesc(overview.byDivision), divisionName, notGiven, format);
  const funding = toRows(byCountDesc(overview.byFunding), fundingName, notGiven, format);
  const sessions = toRows(byCountDesc(overview.bySession), same, notGiven, format);
  const nationalities = toRows(overview.topNationalities, (code) => countryName(code, language), t('countries.noCountry'), format);
  const weeks = toRows(overview.byWeek, (key) => format.shortDate(key), notGiven, format);
  const peak = weeks.reduce<ChartRow | undefined>((a, b) => (a && a.value >= b.value ? a : b), undefined);

  const count = t('overview.columnApplications');
  return (
    <>
      <NextStepBar step={overview.nextStep} />
      <div className={styles.progress}>
        <VerdictProgress verdicts={overview.verdicts} />
        <DivisionProgressTable divisions={overview.divisions} />
      </div>
      <div className={styles.stats}>
        <StatCard label={t('overview.applications')} value={format.number(overview.applications)} testId="overview-applications" />
        <StatCard label={t('overview.applicants')} value={format.number(overview.applicants)} hint={t('overview.applicantsHint')} />
        <StatCard
          label={t('overview.repeatApplications')}
          value={format.number(overview.repeatApplications)}
          hint={t('overview.repeatApplicationsHint')}
        />
        <StatCard
          label={t('overview.lateNatoFunded')}
          value={format.number(overview.lateNatoFunded)}
          hint={t('overview.lateNatoFundedHint')}
        />
        <StatCard
          label={t('overview.firstSubmission')}
          value={overview.firstSubmission ? format.dateTime(overview.firstSubmission) : notGiven}
          small
        />
        <StatCard
          label={t('overview.lastSubmission')}
          value={overview.lastSubmission ? format.dateTime(overview.lastSubmission) : notGiven}
          small
        />
      </div>
      <div className={styles.charts}>
        <ChartCard title={t('overview.byDivision')} rows={divisions} labelHeader={t('overview.columnDivision')} valueHeader={count}>
          <BarList title={t('overview.byDivision')} rows={divisions} />
        </ChartCard>
        <ChartCard title={t('overview.topNationalities')} rows={nationalities} labelHeader={t('overview.columnNationality')} valueHeader={count}>
          <BarList title={t('overview.topNationalities')} rows={nationalities} />
        </ChartCard>
        <ChartCard title={t('overview.byFunding')} rows={funding} labelHeader={t('overview.columnFunding')} valueHeader={count}>
          <BarList title={t('overview.byFunding')} rows={funding} />
        </ChartCard>
        <ChartCard title={t('overview.bySession')} rows={sessions} labelHeader={t('overview.columnSession')} valueHeader={count}>
          <BarList title={t('overview.bySession')} rows={sessions} />
        </ChartCard>
        <div className={styles.wide}>
          <ChartCard title={t('overview.byWeek')} rows={weeks} labelHeader={t('overview.columnWeek')} valueHeader={count}>
            <ColumnChart
              title={t('overview.byWeek')}
              rows={weeks}
              peakLabel={peak ? t('overview.peakWeek', { week: peak.label, value: peak.valueText }) : ''}
            />
          </ChartCard>
        </div>
      </div>
    </>
  );
}
