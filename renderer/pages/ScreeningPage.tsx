import { ClipboardTaskListLtrRegular } from '@fluentui/react-icons';
import { PlannedPage } from './PlannedPage';

export function ScreeningPage() {
  return (
    <PlannedPage
      title="nav.screening"
      icon={<ClipboardTaskListLtrRegular />}
      comingTitle="screening.comingTitle"
      coming="screening.coming"
      nextImport="screening.nextImport"
      nextWhenReady="screening.next"
      nextAction="screening.nextAction"
      nextPage="settings"
    />
  );
}
