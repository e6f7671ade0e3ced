import { makeStyles, tokens } from '@fluentui/react-components';

const useStyles = makeStyles({
  bar: {
    display: 'flex',
    width: '100%',
    minWidth: '4rem',
    borderRadius: tokens.borderRadiusSmall,
    overflow: 'hidden',
    backgroundColor: tokens.colorNeutralBackground3,
  },
});

export interface Segment {
  id: string;
  value: number;
  colour: string;
}

/**
 * Parts of one whole as a single bar. The figures are always written beside it by the caller
 * (a legend or table cells); to assistive technology the bar is one image named by `label`.
 */
export function StackedBar({ segments, label, height = 14 }: { segments: Segment[]; label: string; height?: number }) {
  const styles = useStyles();
  const total = segments.reduce((n, s) => n + s.value, 0);
  return (
    <div role="img" aria-label={label} className={styles.bar} style={{ height }}>
      {segments.map((s) =>
        s.value > 0 ? <span key={s.id} data-segment={s.id} style={{ width: `${(s.value / total) * 100}%`, backgroundColor: s.colour }} /> : null,
      )}
    </div>
  );
}
