import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { useQuery } from '../../api/hooks';
import { useFormat } from '../../i18n/format';
import { pageHref } from '../../shell/routes';

/**
 * The campaign's personal data and its retention, where the office looks first: once the retention
 * has passed, Cohort offers the purge (the Personal data page does it); once purged, the Overview
 * says so instead of looking like an empty campaign.
 */
export function RetentionNotice({ campaignId }: { campaignId: number }) {
  const { t } = useTranslation();
  const format = useFormat();
  const retention = useQuery('privacy.retention', { campaignId });
  const state = retention.data;
  if (!state) return null;
  if (state.purgedAt !== null && state.applications === 0) {
    return (
      <MessageBar intent="info">
        <MessageBarBody>
          <MessageBarTitle>{t('overview.retention.purgedTitle')}</MessageBarTitle>
          {t('overview.retention.purged', { date: format.date(state.purgedAt) })}
        </MessageBarBody>
        <MessageBarActions>
          <Button onClick={() => (window.location.hash = pageHref('reports'))}>{t('overview.retention.openReports')}</Button>
        </MessageBarActions>
      </MessageBar>
    );
  }
  if (!state.due || state.applications === 0 || state.purgeDueOn === null) return null;
  return (
    <MessageBar intent="warning">
      <MessageBarBody>
        <MessageBarTitle>{t('overview.retention.dueTitle')}</MessageBarTitle>
        {t('overview.retention.due', { date: format.date(state.purgeDueOn), count: state.applications, n: format.number(state.applications) })}
      </MessageBarBody>
      <MessageBarActions>
        <Button appearance="primary" onClick={() => (window.location.hash = pageHref('privacy'))}>
          {t('overview.retention.openPrivacy')}
        </Button>
      </MessageBarActions>
    </MessageBar>
  );
}
