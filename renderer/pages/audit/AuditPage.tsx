import { Button, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import { ChevronLeftRegular, ChevronRightRegular, DismissRegular } from '@fluentui/react-icons';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditPage as AuditPageData } from '../../../shared/api/audit';
import { useQuery } from '../../api/hooks';
import { ErrorBar } from '../../components/ErrorBar';
import { PageLayout } from '../../components/PageLayout';
import { useFormat } from '../../i18n/format';
import { useWorkspace } from '../../shell/WorkspaceContext';
import { AuditFilters, isFiltered, NO_FILTER, type AuditFilter } from './AuditFilters';
import { AuditTable } from './AuditTable';

/** Entries a page shows: enough to scan a day's work, few enough to draw at once. */
const PAGE_SIZE = 100;

const useStyles = makeStyles({
  paging: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalS },
  showing: { marginRight: 'auto', color: tokens.colorNeutralForeground2, fontVariantNumeric: 'tabular-nums' },
  empty: { margin: 0, color: tokens.colorNeutralForeground2 },
});

/**
 * The audit log: who did what and when, on which application, newest first, a page at a time;
 * narrowed by officer, action, Application ID and days. The current campaign's entries and those
 * of no campaign (backups, restores); every campaign's while the database has none.
 */
export function AuditPage() {
  const { t } = useTranslation();
  const styles = useStyles();
  const format = useFormat();
  const { campaign } = useWorkspace();
  const [filter, setFilter] = useState<AuditFilter>(NO_FILTER);
  const [offset, setOffset] = useState(0);
  // Another campaign chosen: its log from the newest entry, unfiltered.
  const campaignId = campaign?.id ?? null;
  const [filteredFor, setFilteredFor] = useState(campaignId);
  if (campaignId !== filteredFor) {
    setFilteredFor(campaignId);
    setFilter(NO_FILTER);
    setOffset(0);
  }
  const log = useQuery('audit.list', { campaignId, ...filter, offset, limit: PAGE_SIZE });
  // While another page or filter loads, the last answer stays on screen rather than a spinner.
  const [shown, setShown] = useState<AuditPageData | null>(null);
  if (log.data && log.data !== shown) setShown(log.data);

  // A new filter starts at the newest entry again.
  const changeFilter = useCallback((next: AuditFilter) => {
    setFilter(next);
    setOffset(0);
  }, []);

  const data = log.data ?? shown;
  // Entries gone since (an erasure scrubs some): a page past the end goes back to the first.
  if (log.data && log.data.total > 0 && offset >= log.data.total) setOffset(0);
  // Beside the count, not among the fields: the five fields keep one line at 1280 pixels.
  const clear = isFiltered(filter) ? (
    <Button appearance="subtle" icon={<DismissRegular />} onClick={() => changeFilter(NO_FILTER)}>
      {t('audit.clearFilters')}
    </Button>
  ) : null;
  let body;
  if (log.error) body = <ErrorBar error={log.error} onRetry={log.refetch} />;
  else if (!data) body = <Spinner size="small" label={t('audit.loading')} />;
  else if (data.total === 0)
    body = (
      <div className={styles.paging}>
        <p className={styles.empty}>{t('audit.empty')}</p>
        {clear}
      </div>
    );
  else body = <AuditTable rows={data.rows} />;

  const first = offset + 1;
  const last = data ? Math.min(offset + PAGE_SIZE, data.total) : 0;
  return (
    <PageLayout title={t('nav.audit')} subtitle={t('audit.subtitle')}>
      <AuditFilters filter={filter} onChange={changeFilter} officers={data?.officers ?? []} actions={data?.actions ?? []} />
      {data && data.total > 0 ? (
        <div className={styles.paging} role="group" aria-label={t('audit.paging')}>
          <span className={styles.showing} aria-live="polite" data-testid="audit-showing">
            {t('audit.showing', { from: format.number(first), to: format.number(last), total: format.number(data.total) })}
          </span>
          {clear}
          <Button icon={<ChevronLeftRegular />} disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE_SIZE))}>
            {t('audit.newer')}
          </Button>
          <Button icon={<ChevronRightRegular />} iconPosition="after" disabled={last >= data.total} onClick={() => setOffset(offset + PAGE_SIZE)}>
            {t('audit.older')}
          </Button>
        </div>
      ) : null}
      {body}
    </PageLayout>
  );
}
