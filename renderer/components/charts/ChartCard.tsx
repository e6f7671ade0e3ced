import { makeStyles, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useCardStyles } from './cardStyles';

const useStyles = makeStyles({
  details: { fontSize: tokens.fontSizeBase200 },
  summary: {
    cursor: 'pointer',
    color: tokens.colorBrandForegroundLink,
    width: 'fit-content',
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`, borderRadius: tokens.borderRadiusSmall },
  },
  table: {
    marginTop: tokens.spacingVerticalS,
    borderCollapse: 'collapse',
    width: '100%',
    '& th, & td': {
      textAlign: 'left',
      padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalS}`,
      borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    },
    '& td:last-child, & th:last-child': { textAlign: 'right', fontVariantNumeric: 'tabular-nums' },
    '& tbody th': { fontWeight: tokens.fontWeightRegular },
  },
});

export interface ChartRow {
  id: string;
  label: string;
  value: number;
  /** Shown instead of the number where a formatted value is wanted. */
  valueText: string;
}

/**
 * A titled chart with its figures as a real table one click (or Enter) away: the chart is one
 * image to assistive technology, the table is the accessible, exact version.
 */
export function ChartCard({
  title,
  rows,
  labelHeader,
  valueHeader,
  children,
}: {
  title: string;
  rows: ChartRow[];
  labelHeader: string;
  valueHeader: string;
  children: ReactNode;
}) {
  const styles = useStyles();
  const card = useCardStyles();
  const { t } = useTranslation();
  return (
    <section className={card.card} aria-label={title}>
      <h2 className={card.title}>{title}</h2>
      {children}
      <details className={styles.details}>
        <summary className={styles.summary}>{t('chart.showTable')}</summary>
        <table className={styles.table}>
          <caption className="visually-hidden">{title}</caption>
          <thead>
            <tr>
              <th scope="col">{labelHeader}</th>
              <th scope="col">{valueHeader}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id}>
                <th scope="row">{r.label}</th>
                <td>{r.valueText}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </section>
  );
}

/** "Applications by division: 8 values; highest DI, 312." for the chart's image role. */
export function useChartSummary(): (title: string, rows: ChartRow[]) => string {
  const { t } = useTranslation();
  return (title, rows) => {
    if (rows.length === 0) return t('chart.summaryEmpty', { title });
    const top = rows.reduce((a, b) => (b.value > a.value ? b : a));
    return t('chart.summary', { title, n: rows.length, label: top.label, value: top.valueText });
  };
}
