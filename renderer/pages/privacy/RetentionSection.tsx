import { Button, Spinner, makeStyles, mergeClasses, tokens, useRestoreFocusTarget } from '@fluentui/react-components';
import { BinRecycleRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CampaignSummary } from '../../../shared/api/contract';
import type { PurgeResult } from '../../../shared/api/privacy';
import { useQuery } from '../../api/hooks';
import { ErrorBar } from '../../components/ErrorBar';
import { useFormat } from '../../i18n/format';
import { useSectionStyles } from '../settings/formStyles';
import { CleanupResultBar, type Cleanup } from './CleanupResultBar';
import { PurgeDialog } from './PurgeDialog';
import { RetentionForm } from './RetentionForm';

const useStyles = makeStyles({
  section: { maxWidth: 'none' },
  facts: {
    display: 'grid',
    gridTemplateColumns: 'max-content 1fr',
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalS,
    margin: 0,
    '& dt': { color: tokens.colorNeutralForeground2 },
    '& dd': { margin: 0, fontVariantNumeric: 'tabular-nums' },
  },
  due: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
});

/**
 * How long the campaign's personal data is kept: closed on a day, kept so many months after, then
 * purged. The season report's figures outlive the purge.
 */
export function RetentionSection({ campaign }: { campaign: CampaignSummary }) {
  const { t } = useTranslation();
  const section = useSectionStyles();
  const styles = useStyles();
  const format = useFormat();
  const retention = useQuery('privacy.retention', { campaignId: campaign.id });
  const [purging, setPurging] = useState(false);
  const [purged, setPurged] = useState<Cleanup | null>(null);
  const restoreFocusTarget = useRestoreFocusTarget();

  function onPurged(result: PurgeResult) {
    setPurging(false);
    setPurged({ title: t('privacy.result.purged', { count: result.applications, n: format.number(result.applications) }), backups: result.backups, wal: result.wal });
    // The facts above are asked again by the change event the purge sends; asked here too in case it comes late.
    retention.refetch();
  }

  let body;
  if (retention.error) body = <ErrorBar error={retention.error} onRetry={retention.refetch} />;
  else if (!retention.data) body = <Spinner size="small" label={t('privacy.retention.loading')} />;
  else {
    const r = retention.data;
    body = (
      <>
        <dl className={styles.facts} data-testid="retention-facts">
          <dt>{t('privacy.retention.closedOn')}</dt>
          <dd>{r.closedOn === null ? t('privacy.retention.open') : format.date(r.closedOn)}</dd>
          <dt>{t('privacy.retention.kept')}</dt>
          <dd>{t('privacy.retention.monthsValue', { count: r.retentionMonths, n: format.number(r.retentionMonths) })}</dd>
          <dt>{t('privacy.retention.dueOn')}</dt>
          <dd className={r.due && r.applications > 0 ? styles.due : undefined}>
            {r.purgeDueOn === null ? t('privacy.retention.dueWhenClosed') : r.due && r.applications > 0 ? t('privacy.retention.dueSince', { date: format.date(r.purgeDueOn) }) : format.date(r.purgeDueOn)}
          </dd>
          <dt>{t('privacy.retention.holding')}</dt>
          <dd>{format.number(r.applications)}</dd>
          <dt>{t('privacy.retention.purgedAt')}</dt>
          <dd>{r.purgedAt === null ? t('privacy.retention.notPurged') : format.dateTime(r.purgedAt)}</dd>
        </dl>
        <RetentionForm retention={r} />
        {purged ? <CleanupResultBar result={purged} onDismiss={() => setPurged(null)} /> : null}
        <div>
          <Button icon={<BinRecycleRegular />} onClick={() => setPurging(true)} disabled={r.applications === 0} appearance={r.due && r.applications > 0 ? 'primary' : 'secondary'} {...restoreFocusTarget}>
            {t('privacy.retention.purge')}
          </Button>
        </div>
        <PurgeDialog open={purging} campaignName={campaign.name} retention={r} onClose={() => setPurging(false)} onPurged={onPurged} />
      </>
    );
  }

  return (
    <section className={mergeClasses(section.section, styles.section)} aria-labelledby="privacy-retention-title">
      <h2 className={section.heading} id="privacy-retention-title">
        {t('privacy.retention.title')}
      </h2>
      <p className={section.intro}>{t('privacy.retention.intro', { campaign: campaign.name })}</p>
      {body}
    </section>
  );
}
