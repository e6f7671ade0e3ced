import { Field, ProgressBar, makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { useImportProgress } from '../../api/useImportProgress';
import { useFormat } from '../../i18n/format';

const useStyles = makeStyles({
  facts: {
    display: 'flex',
    flexWrap: 'wrap',
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalXS,
    margin: 0,
    padding: 0,
    listStyle: 'none',
    color: tokens.colorNeutralForeground2,
    fontVariantNumeric: 'tabular-nums',
  },
});

/**
 * How far reading (bytes of the file) or writing has gone, with rows per second and the time
 * left once they can be measured. Indeterminate until the first progress event.
 */
export function ImportProgressView({ jobId, phase }: { jobId: string; phase: 'reading' | 'writing' }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const format = useFormat();
  const progress = useImportProgress(jobId);
  const current = progress && progress.phase === phase ? progress : null;
  // A total of 1 is "started / finished", not a measure (writing is one transaction): no bar that
  // would sit at 0 % for seconds, an indeterminate one instead.
  const fraction = current && current.total > 1 ? Math.min(1, current.done / current.total) : undefined;

  const facts: string[] = [];
  if (current && fraction !== undefined) {
    facts.push(
      phase === 'reading'
        ? t('import.progress.bytes', { done: format.bytes(current.done), total: format.bytes(current.total), percent: format.percent(fraction) })
        : format.percent(fraction),
    );
    if (current.rows !== null) {
      facts.push(t(phase === 'reading' ? 'import.progress.rowsRead' : 'import.progress.rowsWritten', { count: current.rows, rows: format.number(current.rows) }));
    }
    if (current.rowsPerSecond !== null) facts.push(t('import.progress.rate', { rate: format.number(Math.round(current.rowsPerSecond)) }));
    if (current.secondsLeft !== null && fraction < 1) facts.push(t('import.progress.left', { time: format.duration(current.secondsLeft) }));
  }

  return (
    <Field
      label={t(phase === 'reading' ? 'import.progress.reading' : 'import.progress.writing')}
      hint={
        facts.length > 0 ? (
          <ul className={styles.facts}>
            {facts.map((fact) => (
              <li key={fact}>{fact}</li>
            ))}
          </ul>
        ) : phase === 'writing' ? (
          t('import.progress.writingNote')
        ) : (
          t('import.progress.starting')
        )
      }
    >
      <ProgressBar value={fraction} max={1} thickness="large" aria-valuetext={fraction === undefined ? undefined : format.percent(fraction)} />
    </Field>
  );
}
