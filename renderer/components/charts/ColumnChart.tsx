import { makeStyles, tokens } from '@fluentui/react-components';
import { useChartSummary, type ChartRow } from './ChartCard';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXS },
  plot: {
    display: 'grid',
    gridAutoFlow: 'column',
    gridAutoColumns: 'minmax(0, 1fr)',
    alignItems: 'end',
    columnGap: '2px',
    height: '10rem',
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
  },
  column: { backgroundColor: tokens.colorBrandBackground, minHeight: '1px', borderRadius: `${tokens.borderRadiusSmall} ${tokens.borderRadiusSmall} 0 0` },
  axis: {
    display: 'flex',
    justifyContent: 'space-between',
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground3,
  },
  peak: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground3 },
});

/** Columns over time (e.g. submissions per week): first and last labels on the axis, the peak above. */
export function ColumnChart({ title, rows, peakLabel }: { title: string; rows: ChartRow[]; peakLabel: string }) {
  const styles = useStyles();
  const summary = useChartSummary();
  const max = Math.max(1, ...rows.map((r) => r.value));
  const first = rows[0];
  const last = rows[rows.length - 1];
  return (
    <div role="img" aria-label={summary(title, rows)} className={styles.root}>
      <span className={styles.peak}>{peakLabel}</span>
      <div className={styles.plot}>
        {rows.map((r) => (
          // title: the exact figure on hover; the table below has them all.
          <span key={r.id} className={styles.column} style={{ height: `${(r.value / max) * 100}%` }} title={`${r.label}: ${r.valueText}`} />
        ))}
      </div>
      <div className={styles.axis}>
        <span>{first?.label}</span>
        <span>{rows.length > 1 ? last?.label : null}</span>
      </div>
    </div>
  );
}
