import { makeStyles, tokens } from '@fluentui/react-components';
import { useChartSummary, type ChartRow } from './ChartCard';

const useStyles = makeStyles({
  root: {
    display: 'grid',
    gridTemplateColumns: 'minmax(6rem, max-content) minmax(4rem, 1fr) max-content',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalS,
  },
  label: { fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200, maxWidth: '16rem' },
  track: { height: '14px', backgroundColor: tokens.colorNeutralBackground3, borderRadius: tokens.borderRadiusSmall },
  bar: {
    display: 'block',
    height: '100%',
    minWidth: '2px',
    backgroundColor: tokens.colorBrandBackground,
    borderRadius: tokens.borderRadiusSmall,
  },
  value: { fontSize: tokens.fontSizeBase200, fontVariantNumeric: 'tabular-nums', textAlign: 'right' },
});

/** A horizontal bar chart of a few categories; one image with a summary to assistive technology. */
export function BarList({ title, rows }: { title: string; rows: ChartRow[] }) {
  const styles = useStyles();
  const summary = useChartSummary();
  const max = Math.max(1, ...rows.map((r) => r.value));
  return (
    <div role="img" aria-label={summary(title, rows)} className={styles.root}>
      {rows.map((r) => (
        <div key={r.id} style={{ display: 'contents' }}>
          <span className={styles.label}>{r.label}</span>
          <span className={styles.track}>
            <span className={styles.bar} style={{ width: `${(r.value / max) * 100}%` }} />
          </span>
          <span className={styles.value}>{r.valueText}</span>
        </div>
      ))}
    </div>
  );
}
