import { Spinner } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { useQuery } from '../api/hooks';
import { ErrorBar } from '../components/ErrorBar';
import { PageLayout } from '../components/PageLayout';
import { useWorkspace } from '../shell/WorkspaceContext';
import { CampaignSettingsForm } from './settings/CampaignSettingsForm';
import { DatabasePanel } from './settings/DatabasePanel';

export function SettingsPage() {
  const { t } = useTranslation();
  const { campaign: summary } = useWorkspace();
  const campaignId = summary?.id ?? null;
  const campaign = useQuery(
    'campaign.get',
    campaignId === null ? null : { campaignId },
  );

  let form;
  if (campaignId === null) form = null;
  else if (campaign.error) form = <ErrorBar error={campaign.error} onRetry={campaign.refetch} />;
  else if (!campaign.data) form = <Spinner label={t('settings.loading')} />;
  // Keyed by campaign: switching campaigns starts a fresh form rather than mixing two. (Not by
  // updatedAt: saving would remount the form and drop the keyboard focus.)
  else form = <CampaignSettingsForm key={campaign.data.id} campaign={campaign.data} />;

  return (
    <PageLayout title={t('nav.settings')} subtitle={summary?.name}>
      {form}
      <DatabasePanel />
    </PageLayout>
  );
}
