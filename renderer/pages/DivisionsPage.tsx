import { OrganizationRegular } from '@fluentui/react-icons';
import { PlannedPage } from './PlannedPage';

export function DivisionsPage() {
  return (
    <PlannedPage
      title="nav.divisions"
      icon={<OrganizationRegular />}
      comingTitle="divisions.comingTitle"
      coming="divisions.coming"
      nextImport="divisions.nextImport"
      nextWhenReady="divisions.next"
      nextAction="divisions.nextAction"
      nextPage="overview"
    />
  );
}
