import { Badge, Tooltip, makeStyles } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { ScreeningRow, ScreeningVerdict } from '../../../shared/api/contract';
import { useScreeningText } from './screeningText';

// Badges have a fixed height: a wrapped label would spill out of it.
const useStyles = makeStyles({ badge: { whiteSpace: 'nowrap', flexShrink: 0 } });

const COLOR: Record<ScreeningVerdict, 'success' | 'danger' | 'warning'> = {
  eligible: 'success',
  ineligible: 'danger',
  review: 'warning',
};

export function VerdictBadge({ verdict }: { verdict: ScreeningVerdict }) {
  const text = useScreeningText();
  const styles = useStyles();
  return (
    <Badge className={styles.badge} appearance="tint" color={COLOR[verdict]} shape="rounded">
      {text.verdict(verdict)}
    </Badge>
  );
}

/** "Overridden" (the automatic verdict in its tooltip), or "Decide again" when the data changed since. */
export function OverrideMarker({ row }: { row: ScreeningRow }) {
  const { t } = useTranslation();
  const text = useScreeningText();
  const styles = useStyles();
  if (!row.override) return null;
  if (row.override.state === 'stale') {
    return (
      <Tooltip content={t('screening.staleTitle')} relationship="description">
        <Badge className={styles.badge} appearance="filled" color="warning" shape="rounded" data-testid="override-stale">
          {t('screening.stale')}
        </Badge>
      </Tooltip>
    );
  }
  return (
    <Tooltip content={t('screening.overriddenTitle', { verdict: text.verdict(row.automaticVerdict) })} relationship="description">
      <Badge className={styles.badge} appearance="outline" color="brand" shape="rounded" data-testid="override-marker">
        {t('screening.overridden')}
      </Badge>
    </Tooltip>
  );
}
