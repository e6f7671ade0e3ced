import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalXS,
    padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalL}`,
    backgroundColor: tokens.colorNeutralBackground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusLarge,
    minWidth: 0,
    margin: 0,
  },
  label: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase300 },
  // dd is indented by default; the figure and its hint align with the label.
  value: {
    margin: 0,
    fontSize: tokens.fontSizeHero700,
    lineHeight: tokens.lineHeightHero700,
    fontWeight: tokens.fontWeightSemibold,
    fontVariantNumeric: 'tabular-nums',
    overflowWrap: 'anywhere',
  },
  small: { fontSize: tokens.fontSizeBase500, lineHeight: tokens.lineHeightBase500 },
  hint: { margin: 0, color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
});

/** One figure with its name: a term/definition pair, so screen readers read them together. */
export function StatCard({
  label,
  value,
  hint,
  testId,
  small = false,
}: {
  label: string;
  value: string;
  hint?: string;
  testId?: string;
  /** For longer values (dates) that would not fit the large type. */
  small?: boolean;
}) {
  const styles = useStyles();
  return (
    <dl className={styles.root}>
      <dt className={styles.label}>{label}</dt>
      <dd className={mergeClasses(styles.value, small && styles.small)} data-testid={testId}>
        {value}
      </dd>
      {hint ? <dd className={styles.hint}>{hint}</dd> : null}
    </dl>
  );
}
