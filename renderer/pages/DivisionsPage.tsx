import { OrganizationRegular } from '@fluentui/react-icons';
import { useTranslation } from 'react-i18next';
import { NoCampaign } from '../components/NoCampaign';
import { PageLayout } from '../components/PageLayout';
import { useWorkspace } from '../shell/WorkspaceContext';
import { TriagePage } from './triage/TriagePage';

/** The divisions' triage queues (issue 5): the office's daily work once eligibility is settled. */
export function DivisionsPage() {
  const { t } = useTranslation();
  const { campaign } = useWorkspace();
  if (!campaign) {
    return (
      <PageLayout title={t('nav.divisions')}>
        <NoCampaign icon={<OrganizationRegular />} />
      </PageLayout>
    );
  }
  return <TriagePage key={campaign.id} campaignId={campaign.id} />;
}
