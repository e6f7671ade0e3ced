import { MailRegular } from '@fluentui/react-icons';
import { PlannedPage } from './PlannedPage';

export function NoticesPage() {
  return (
    <PlannedPage
      title="nav.notices"
      icon={<MailRegular />}
      comingTitle="notices.comingTitle"
      coming="notices.coming"
      nextImport="notices.nextImport"
      nextWhenReady="notices.next"
      nextAction="notices.nextAction"
      nextPage="settings"
    />
  );
}
