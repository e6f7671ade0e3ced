import { makeStyles, tokens } from '@fluentui/react-components';
import type { ParseKeys } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { ImportCounts } from '../../../shared/api/contract';
import { StatCard } from '../../components/StatCard';
import { useFormat } from '../../i18n/format';

const useStyles = makeStyles({
  grid: { display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(10rem, 1fr))', gap: tokens.spacingHorizontalM },
});

type CountKey = Exclude<keyof ImportCounts, 'totalRows'>;
const ORDER: CountKey[] = ['added', 'updated', 'unchanged', 'skippedDrafts', 'rejected'];

/** Before writing, the figures say what will happen; after, what did. */
const LABELS: Record<'preview' | 'result', Record<CountKey, ParseKeys>> = {
  preview: {
    added: 'import.counts.willAdd',
    updated: 'import.counts.willUpdate',
    unchanged: 'import.counts.unchanged',
    skippedDrafts: 'import.counts.skippedDrafts',
    rejected: 'import.counts.rejected',
  },
  result: {
    added: 'import.counts.added',
    updated: 'import.counts.updated',
    unchanged: 'import.counts.unchanged',
    skippedDrafts: 'import.counts.skippedDrafts',
    rejected: 'import.counts.rejected',
  },
};

const HINTS: Record<CountKey, ParseKeys> = {
  added: 'import.counts.addedHint',
  updated: 'import.counts.updatedHint',
  unchanged: 'import.counts.unchangedHint',
  skippedDrafts: 'import.counts.skippedDraftsHint',
  rejected: 'import.counts.rejectedHint',
};

export function ImportCountsView({ counts, mode }: { counts: ImportCounts; mode: 'preview' | 'result' }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const format = useFormat();
  return (
    <div className={styles.grid}>
      {ORDER.map((key) => (
        <StatCard
          key={key}
          label={t(LABELS[mode][key])}
          value={format.number(counts[key])}
          hint={t(HINTS[key])}
          testId={`import-count-${key}`}
        />
      ))}
    </div>
  );
}
