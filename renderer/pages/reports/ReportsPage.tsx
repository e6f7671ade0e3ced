import { Button, Field, makeStyles, Select, tokens } from '@fluentui/react-components';
import { ArrowDownloadRegular, DataBarVerticalRegular, PrintRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SeasonReport } from '../../../shared/api/reports';
import { DIVISION_CODES } from '../../../shared/domain/divisions';
import { DIMENSIONS, GROUP_STAGES, type ReportFilter } from '../../../shared/domain/report-figures';
import { DIMENSION_WORDS, EXIT_WORDS, GROUP_STAGE_WORDS, OWED_AGE_WORDS, SECTION_WORDS, SESSION_WORDS, STEP_WORDS, TRACK_WORDS } from '../../../shared/domain/report-words';
import { SESSIONS } from '../../../shared/domain/selection-moves';
import { useClient } from '../../api/ClientContext';
import { useQuery } from '../../api/hooks';
import { useSaveFile } from '../../api/useSaveFile';
import { BarList } from '../../components/charts/BarList';
import { ChartCard } from '../../components/charts/ChartCard';
import { ColumnChart } from '../../components/charts/ColumnChart';
import { useCardStyles } from '../../components/charts/cardStyles';
import { ErrorBar } from '../../components/ErrorBar';
import { NoCampaign } from '../../components/NoCampaign';
import { PageLayout } from '../../components/PageLayout';
import { usePrintPage } from '../../components/usePrintPage';
import { useWorkspace } from '../../shell/WorkspaceContext';
import { useReportWords } from './reportWords';

const useStyles = makeStyles({
  filters: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalS, alignItems: 'end' },
  actions: { display: 'flex', columnGap: tokens.spacingHorizontalS, marginLeft: 'auto' },
  grid: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(380px, 1fr))', gap: tokens.spacingHorizontalL, marginTop: tokens.spacingVerticalL },
  wide: { gridColumn: '1 / -1' },
  table: {
    borderCollapse: 'collapse',
    width: '100%',
    fontSize: tokens.fontSizeBase200,
    '& th, & td': { padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalS}`, borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`, textAlign: 'right', fontVariantNumeric: 'tabular-nums' },
    '& th:first-child, & td:first-child': { textAlign: 'left' },
    '& thead th': { fontWeight: tokens.fontWeightSemibold },
    '& tbody th': { fontWeight: tokens.fontWeightRegular },
  },
  drop: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
  note: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, fontSize: tokens.fontSizeBase200 },
});

/**
 * The season report: the funnel and where applications left, reach across member states,
 * diversity at each stage, the office's pace, and the same figures beside another campaign's.
 * Every chart has its figures beside it as a table. Exported as a workbook, or printed (to PDF);
 * printed, a group of fewer than 5 people shows "fewer than 5", as in the workbook.
 */
export function ReportsPage() {
  const { t } = useTranslation();
  const { campaign, campaigns } = useWorkspace();
  const styles = useStyles();
  const [filter, setFilter] = useState<ReportFilter>({ division: null, track: null, session: null });
  const [compareWith, setCompareWith] = useState<number | null>(null);
  const { printing, print } = usePrintPage();
  const report = useQuery('reports.get', campaign ? { campaignId: campaign.id, ...filter } : null);
  const other = useQuery('reports.get', campaign && compareWith !== null ? { campaignId: compareWith, ...filter } : null);
  const client = useClient();
  const saveFile = useSaveFile();
  const words = useReportWords(printing);
  const { w } = words;


  if (!campaign) {
    return (
      <PageLayout title={t('nav.reports')}>
        <NoCampaign icon={<DataBarVerticalRegular />} />
      </PageLayout>
    );
  }
  const exportWorkbook = () =>
    void saveFile(`${campaign.name} - ${words.language === 'fr' ? 'bilan' : 'report'}.xlsx`, async (target) => (await client.call('reports.export', { campaignId: campaign.id, ...filter, compareWith, language: words.language, target })).file);

  return (
    <PageLayout title={t('nav.reports')} subtitle={t('reports.subtitle')}>
      <div className={styles.filters} role="group" aria-label={t('reports.filters')}>
        <Field label={t('reports.division')}>
          <Select value={filter.division ?? ''} onChange={(_e, d) => setFilter({ ...filter, division: d.value === '' ? null : d.value })}>
            <option value="">{t('reports.allDivisions')}</option>
            {DIVISION_CODES.map((code) => (
              <option key={code} value={code}>
                {code}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={t('reports.track')}>
          <Select value={filter.track ?? ''} onChange={(_e, d) => setFilter({ ...filter, track: d.value === 'nato' || d.value === 'grant' ? d.value : null })}>
            <option value="">{t('reports.allTracks')}</option>
            <option value="nato">{w(TRACK_WORDS, 'nato')}</option>
            <option value="grant">{w(TRACK_WORDS, 'grant')}</option>
          </Select>
        </Field>
        <Field label={t('reports.session')}>
          <Select value={filter.session ?? ''} onChange={(_e, d) => setFilter({ ...filter, session: SESSIONS.find((s) => s === d.value) ?? null })}>
            <option value="">{t('reports.allSessions')}</option>
            {SESSIONS.map((s) => (
              <option key={s} value={s}>
                {w(SESSION_WORDS, s)}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={t('reports.compareWith')}>
          <Select value={compareWith === null ? '' : String(compareWith)} onChange={(_e, d) => setCompareWith(d.value === '' ? null : Number(d.value))}>
            <option value="">{t('reports.noComparison')}</option>
            {campaigns
              .filter((c) => c.id !== campaign.id)
              .map((c) => (
                <option key={c.id} value={String(c.id)}>
                  {c.name}
                </option>
              ))}
          </Select>
        </Field>
        <div className={styles.actions}>
          <Button icon={<ArrowDownloadRegular />} onClick={exportWorkbook} disabled={!report.data}>
            {t('reports.export')}
          </Button>
          {/* Printed, the page shows the export's figures (groups under 5 hidden), then the screen's again. */}
          <Button icon={<PrintRegular />} onClick={() => print(`${report.data?.campaignName ?? 'Cohort'} - ${t('reports.fileWord')}`)} disabled={!report.data}>
            {t('reports.print')}
          </Button>
        </div>
      </div>
      {report.error ? <ErrorBar error={report.error} /> : null}
      {printing ? <p className={styles.note}>{words.report('smallGroups')}</p> : null}
      {report.data ? <ReportView report={report.data} other={other.data ?? null} printing={printing} /> : <p aria-busy="true">{t('reports.loading')}</p>}
    </PageLayout>
  );
}

function ReportView({ report, other, printing }: { report: SeasonReport; other: SeasonReport | null; printing: boolean }) {
  const styles = useStyles();
  const card = useCardStyles();
  const { t } = useTranslation();
  const words = useReportWords(printing);
  const { w } = words;
  const steps = report.funnel.steps.map((s) => ({ id: s.step, label: w(STEP_WORDS, s.step), value: s.count, valueText: s.ofPrevious === null ? words.count(s.count) : `${words.count(s.count)} · ${words.share(s.ofPrevious, s.count)}` }));
  const members = report.reach.members.filter((m) => m.counts[0] > 0).map((m) => ({ id: m.country, label: words.country(m.country), value: m.counts[0], valueText: words.count(m.counts[0]) }));
  const weeks = report.pace.decidedPerWeek.map((d) => ({ id: d.week, label: d.week, value: d.count, valueText: words.count(d.count) }));
  const peak = weeks.reduce<(typeof weeks)[number] | null>((a, b) => (a === null || b.value > a.value ? b : a), null);
  const owed = report.pace.owedByAge.map((o) => ({ id: o.band, label: w(OWED_AGE_WORDS, o.band), value: o.count, valueText: words.count(o.count) }));
  const days = (value: number | null) => (value === null ? '—' : words.count(Math.round(value)));

  return (
    <div className={styles.grid}>
      <ChartCard title={w(SECTION_WORDS, 'funnel')} rows={steps} labelHeader={words.report('group')} valueHeader={words.report('count')}>
        <BarList title={w(SECTION_WORDS, 'funnel')} rows={steps} />
      </ChartCard>

      <section className={card.card} aria-label={words.report('leftAt')}>
        <h2 className={card.title}>{words.report('leftAt')}</h2>
        <table className={styles.table}>
          <thead>
            <tr>
              <th scope="col">{words.report('reason')}</th>
              <th scope="col">{words.report('count')}</th>
            </tr>
          </thead>
          <tbody>
            {report.funnel.exits.map((e) => [
              <tr key={e.exit}>
                <th scope="row">
                  <strong>{w(EXIT_WORDS, e.exit)}</strong>
                </th>
                <td>{words.count(e.count)}</td>
              </tr>,
              ...e.reasons.map((r) => (
                <tr key={`${e.exit}-${r.reason}`}>
                  <th scope="row">&emsp;{words.reason(r.reason)}</th>
                  <td>{words.count(r.count)}</td>
                </tr>
              )),
            ])}
          </tbody>
        </table>
      </section>

      <ChartCard title={w(SECTION_WORDS, 'reach')} rows={members} labelHeader={words.report('country')} valueHeader={w(GROUP_STAGE_WORDS, 'applications')}>
        <BarList title={w(SECTION_WORDS, 'reach')} rows={members} />
      </ChartCard>

      <section className={card.card} aria-label={t('reports.membersTable')}>
        <h2 className={card.title}>{t('reports.membersTable')}</h2>
        <table className={styles.table}>
          <StageHead first={words.report('wave')} />
          <tbody>
            {report.reach.waves.map((v) => (
              <tr key={v.year}>
                <th scope="row" title={v.countries.map(words.country).join(', ')}>
                  {v.year} ({v.countries.length})
                </th>
                {v.counts.map((c, i) => (
                  <td key={i}>{words.count(c)}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
        <h3 className={card.title}>{words.report('noApplicant')}</h3>
        <p className={styles.note}>{report.reach.noApplicant.map(words.country).join(', ') || '—'}</p>
        <h3 className={card.title}>{words.report('noneSelected')}</h3>
        <p className={styles.note}>{report.reach.noneSelected.map(words.country).join(', ') || '—'}</p>
      </section>

      {DIMENSIONS.map((dimension) => (
        <section key={dimension} className={`${card.card} ${dimension === 'nationality' ? styles.wide : ''}`} aria-label={`${w(SECTION_WORDS, 'diversity')}: ${w(DIMENSION_WORDS, dimension)}`}>
          <h2 className={card.title}>
            {w(SECTION_WORDS, 'diversity')}: {w(DIMENSION_WORDS, dimension)}
          </h2>
          <table className={styles.table}>
            <StageHead first={words.report('group')} />
            <tbody>
              {report.diversity[dimension].slice(0, dimension === 'nationality' ? 40 : undefined).map((g) => (
                <tr key={g.group}>
                  <th scope="row">{words.group(dimension, g.group)}</th>
                  {g.counts.map((c, i) => (
                    <td key={i} className={g.drops[i] ? styles.drop : undefined} title={g.drops[i] ? t('reports.dropTitle') : undefined}>
                      {words.count(c)}
                      {g.shares[i] !== null ? ` (${words.share(g.shares[i] ?? null, c)})` : ''}
                      {g.drops[i] ? ' ↓' : ''}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ))}

      <ChartCard title={words.report('decided')} rows={weeks} labelHeader={words.report('week')} valueHeader={words.report('decided')}>
        <ColumnChart title={words.report('decided')} rows={weeks} peakLabel={peak ? `${peak.label}: ${peak.valueText}` : ''} />
      </ChartCard>

      <section className={card.card} aria-label={w(SECTION_WORDS, 'pace')}>
        <h2 className={card.title}>{w(SECTION_WORDS, 'pace')}</h2>
        <table className={styles.table}>
          <tbody>
            <tr>
              <th scope="row">{words.report('medianToVerdict')}</th>
              <td>{days(report.pace.medianDays.toVerdict)}</td>
            </tr>
            <tr>
              <th scope="row">{words.report('medianToShortlist')}</th>
              <td>{days(report.pace.medianDays.toShortlist)}</td>
            </tr>
            <tr>
              <th scope="row">{words.report('medianToNotice')}</th>
              <td>{days(report.pace.medianDays.toNotice)}</td>
            </tr>
          </tbody>
        </table>
        <h3 className={card.title}>{words.report('owedByAge')}</h3>
        <BarList title={words.report('owedByAge')} rows={owed} />
      </section>

      {other ? (
        <section className={`${card.card} ${styles.wide}`} aria-label={w(SECTION_WORDS, 'compare')}>
          <h2 className={card.title}>
            {w(SECTION_WORDS, 'compare')}: {report.campaignName} · {other.campaignName}
          </h2>
          <table className={styles.table}>
            <thead>
              <tr>
                <th scope="col">{words.report('group')}</th>
                <th scope="col">{report.campaignName}</th>
                <th scope="col">{other.campaignName}</th>
              </tr>
            </thead>
            <tbody>
              {report.funnel.steps.map((s, i) => (
                <tr key={s.step}>
                  <th scope="row">{w(STEP_WORDS, s.step)}</th>
                  <td>{words.count(s.count)}</td>
                  <td>{words.count(other.funnel.steps[i]?.count ?? 0)}</td>
                </tr>
              ))}
              <tr>
                <th scope="row">{words.report('noApplicant')}</th>
                <td>{words.count(report.reach.noApplicant.length)}</td>
                <td>{words.count(other.reach.noApplicant.length)}</td>
              </tr>
              <tr>
                <th scope="row">{words.report('noneSelected')}</th>
                <td>{words.count(report.reach.noneSelected.length)}</td>
                <td>{words.count(other.reach.noneSelected.length)}</td>
              </tr>
            </tbody>
          </table>
        </section>
      ) : null}
    </div>
  );
}

/** A table's head: its first column's name, then the stages a group is followed through. */
function StageHead({ first }: { first: string }) {
  const { w } = useReportWords(false);
  return (
    <thead>
      <tr>
        <th scope="col">{first}</th>
        {GROUP_STAGES.map((stage) => (
          <th key={stage} scope="col">
            {w(GROUP_STAGE_WORDS, stage)}
          </th>
        ))}
      </tr>
    </thead>
  );
}
