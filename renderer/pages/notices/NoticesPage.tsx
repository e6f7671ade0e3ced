import { Tab, TabList } from '@fluentui/react-components';
import { MailRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NoCampaign } from '../../components/NoCampaign';
import { PageLayout } from '../../components/PageLayout';
import { useWorkspace } from '../../shell/WorkspaceContext';
import { NoticeStatusView } from './NoticeStatusView';
import { TemplateEditor } from './TemplateEditor';

type NoticesTab = 'status' | 'templates';

/**
 * The outcome notices: who is owed what (one notice per person and outcome), batches prepared as
 * e-mail drafts or a mail-merge file and marked sent, bounced or re-sent; and the notices' texts in
 * English and French, edited with a live preview on a real applicant.
 */
export function NoticesPage() {
  const { t } = useTranslation();
  const { campaign } = useWorkspace();
  const [tab, setTab] = useState<NoticesTab>('status');
  if (!campaign) {
    return (
      <PageLayout title={t('nav.notices')}>
        <NoCampaign icon={<MailRegular />} />
      </PageLayout>
    );
  }
  return (
    <PageLayout title={t('nav.notices')} subtitle={t('notices.subtitle')}>
      <TabList selectedValue={tab} onTabSelect={(_e, data) => setTab(data.value === 'templates' ? 'templates' : 'status')}>
        <Tab value="status">{t('notices.tab.status')}</Tab>
        <Tab value="templates">{t('notices.tab.templates')}</Tab>
      </TabList>
      {tab === 'status' ? <NoticeStatusView key={campaign.id} campaignId={campaign.id} /> : <TemplateEditor key={campaign.id} campaignId={campaign.id} />}
    </PageLayout>
  );
}
