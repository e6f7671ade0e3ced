import { ShieldPersonRegular } from '@fluentui/react-icons';
import { useTranslation } from 'react-i18next';
import { NoCampaign } from '../../components/NoCampaign';
import { PageLayout } from '../../components/PageLayout';
import { useWorkspace } from '../../shell/WorkspaceContext';
import { PersonSection } from './PersonSection';
import { RetentionSection } from './RetentionSection';

/**
 * Personal data (issue 13): one person's data handed over or erased on their request, and the
 * current campaign's retention and purge.
 */
export function PrivacyPage() {
  const { t } = useTranslation();
  const { campaign } = useWorkspace();
  if (!campaign) {
    return (
      <PageLayout title={t('nav.privacy')}>
        <NoCampaign icon={<ShieldPersonRegular />} />
      </PageLayout>
    );
  }
  return (
    <PageLayout title={t('nav.privacy')} subtitle={t('privacy.subtitle')}>
      {/* Keyed by campaign: a person looked up in one campaign is not shown under another. */}
      <PersonSection key={campaign.id} campaignId={campaign.id} />
      <RetentionSection key={`retention-${campaign.id}`} campaign={campaign} />
    </PageLayout>
  );
}
