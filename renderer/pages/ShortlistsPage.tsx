import { TaskListSquareLtrRegular } from '@fluentui/react-icons';
import { PlannedPage } from './PlannedPage';

export function ShortlistsPage() {
  return (
    <PlannedPage
      title="nav.shortlists"
      icon={<TaskListSquareLtrRegular />}
      comingTitle="shortlists.comingTitle"
      coming="shortlists.coming"
      nextImport="shortlists.nextImport"
      nextWhenReady="shortlists.next"
      nextAction="shortlists.nextAction"
      nextPage="screening"
    />
  );
}
