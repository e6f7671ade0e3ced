import { Link, makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { DivisionProgress, ScreeningVerdict, VerdictCounts } from '../../../shared/api/contract';
import { STAGE_IDS, UNASSIGNED_QUEUE, type Stage } from '../../../shared/domain/stages';
import { useCardStyles } from '../../components/charts/cardStyles';
import { StackedBar } from '../../components/charts/StackedBar';
import { useFormat } from '../../i18n/format';
import { useScreeningText } from '../screening/screeningText';
import { pageHref } from '../../shell/routes';
import { rememberQueue } from '../triage/queueChoice';
import { STAGE_COLOUR } from '../triage/stageColours';
import { useTriageWords } from '../triage/triageWords';
import { useQueueName } from './queueName';

const VERDICTS: ScreeningVerdict[] = ['eligible', 'review', 'ineligible'];
const VERDICT_COLOUR: Record<ScreeningVerdict, string> = {
  eligible: tokens.colorPaletteGreenBorderActive,
  review: tokens.colorPaletteMarigoldBorderActive,
  ineligible: tokens.colorPaletteRedBorderActive,
};

const useStyles = makeStyles({
  legend: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalXL, rowGap: tokens.spacingVerticalS, margin: 0, padding: 0, listStyle: 'none' },
  legendItem: { display: 'flex', alignItems: 'baseline', columnGap: tokens.spacingHorizontalS },
  figure: { fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold, fontVariantNumeric: 'tabular-nums' },
  share: { color: tokens.colorNeutralForeground3, fontVariantNumeric: 'tabular-nums' },
  swatch: { display: 'inline-block', width: '10px', height: '10px', borderRadius: '2px', flexShrink: 0 },
  hint: { margin: 0, color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  tableWrap: { overflowX: 'auto' },
  table: {
    borderCollapse: 'collapse',
    width: '100%',
    fontSize: tokens.fontSizeBase300,
    '& th, & td': { padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`, borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}` },
    '& thead th': { textAlign: 'end', fontWeight: tokens.fontWeightSemibold, color: tokens.colorNeutralForeground2, verticalAlign: 'bottom' },
    '& thead th:first-child, & thead th:nth-child(2)': { textAlign: 'start' },
    '& tbody th, & tfoot th': { textAlign: 'start', fontWeight: tokens.fontWeightRegular, whiteSpace: 'nowrap' },
    '& td': { textAlign: 'end', fontVariantNumeric: 'tabular-nums' },
    '& tfoot th, & tfoot td': { fontWeight: tokens.fontWeightSemibold, borderBottom: 'none' },
  },
  barCell: { width: '35%', minWidth: '6rem' },
  headSwatch: { display: 'inline-block', width: '8px', height: '8px', borderRadius: '2px', marginInlineEnd: tokens.spacingHorizontalXS },
});

/** The screening verdicts of the season: one bar, the figures and shares beside it. */
export function VerdictProgress({ verdicts }: { verdicts: VerdictCounts }) {
  const styles = useStyles();
  const card = useCardStyles();
  const { t } = useTranslation();
  const format = useFormat();
  const text = useScreeningText();
  const total = verdicts.eligible + verdicts.review + verdicts.ineligible;
  const described = VERDICTS.map((v) => `${text.verdict(v)} ${format.number(verdicts[v])}`).join(', ');
  return (
    <section className={card.card} aria-labelledby="overview-verdicts" data-testid="overview-verdicts">
      <h2 className={card.title} id="overview-verdicts">
        {t('overview.verdictsTitle')}
      </h2>
      <StackedBar label={t('overview.verdictsChart', { stages: described })} segments={VERDICTS.map((v) => ({ id: v, value: verdicts[v], colour: VERDICT_COLOUR[v] }))} height={18} />
      <ul className={styles.legend}>
        {VERDICTS.map((v) => (
          <li key={v} className={styles.legendItem} data-verdict={v}>
            <span className={styles.swatch} style={{ backgroundColor: VERDICT_COLOUR[v] }} aria-hidden />
            <span>{text.verdict(v)}</span>
            <span className={styles.figure}>{format.number(verdicts[v])}</span>
            <span className={styles.share}>{total === 0 ? '' : format.percent(verdicts[v] / total)}</span>
          </li>
        ))}
      </ul>
      <p className={styles.hint}>
        {[
          verdicts.overridden > 0 ? t('overview.overridden', { count: verdicts.overridden, n: format.number(verdicts.overridden) }) : t('overview.noOverrides'),
          verdicts.unscreened > 0 ? t('overview.unscreened', { count: verdicts.unscreened, n: format.number(verdicts.unscreened) }) : null,
        ]
          .filter(Boolean)
          .join(' · ')}
      </p>
    </section>
  );
}

/** Triage per division: a bar of its stages and the figures in the same row, each division a link to its queue. */
export function DivisionProgressTable({ divisions }: { divisions: DivisionProgress[] }) {
  const styles = useStyles();
  const card = useCardStyles();
  const { t } = useTranslation();
  const format = useFormat();
  const words = useTriageWords();
  const queueName = useQueueName();
  // The queue without a division only when something is in it: most seasons it is empty.
  const rows = divisions.filter((d) => d.total > 0 || d.queue !== UNASSIGNED_QUEUE);
  const totals = Object.fromEntries(STAGE_IDS.map((s) => [s, divisions.reduce((n, d) => n + d.byStage[s], 0)])) as Record<Stage, number>;
  const describe = (d: DivisionProgress) => STAGE_IDS.map((s) => `${words.stage(s)} ${format.number(d.byStage[s])}`).join(', ');
  return (
    <section className={card.card} aria-labelledby="overview-triage" data-testid="overview-triage">
      <h2 className={card.title} id="overview-triage">
        {t('overview.triageTitle')}
      </h2>
      <p className={styles.hint}>{t('overview.triageHint')}</p>
      <div className={styles.tableWrap}>
        <table className={styles.table}>
          <thead>
            <tr>
              <th scope="col">{t('overview.columnDivision')}</th>
              <th scope="col" className={styles.barCell}>
                {t('overview.columnProgress')}
              </th>
              {STAGE_IDS.map((s) => (
                <th scope="col" key={s}>
                  <span className={styles.headSwatch} style={{ backgroundColor: STAGE_COLOUR[s] }} aria-hidden />
                  {words.stage(s)}
                </th>
              ))}
              <th scope="col">{t('overview.columnEligible')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((d) => (
              <tr key={d.queue} data-queue={d.queue}>
                <th scope="row">
                  <Link href={pageHref('divisions')} onClick={() => rememberQueue(d.queue)} title={queueName(d.queue)}>
                    {d.queue === UNASSIGNED_QUEUE ? t('triage.unassigned') : d.queue}
                  </Link>
                </th>
                <td className={styles.barCell}>
                  <StackedBar label={t('overview.triageChart', { queue: queueName(d.queue), stages: describe(d) })} segments={STAGE_IDS.map((s) => ({ id: s, value: d.byStage[s], colour: STAGE_COLOUR[s] }))} />
                </td>
                {STAGE_IDS.map((s) => (
                  <td key={s} data-stage={s}>
                    {format.number(d.byStage[s])}
                  </td>
                ))}
                <td>{format.number(d.total)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t('overview.total')}</th>
              <td className={styles.barCell} />
              {STAGE_IDS.map((s) => (
                <td key={s}>{format.number(totals[s])}</td>
              ))}
              <td>{format.number(divisions.reduce((n, d) => n + d.total, 0))}</td>
            </tr>
          </tfoot>
        </table>
      </div>
    </section>
  );
}
