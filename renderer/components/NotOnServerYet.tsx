import { Button } from '@fluentui/react-components';
import { DesktopRegular } from '@fluentui/react-icons';
import { useTranslation } from 'react-i18next';
import { PageLayout } from './PageLayout';
import { EmptyState } from './EmptyState';

/**
 * A page whose part of Cohort does not work on the office server yet (team mode): said calmly, as
 * a state of the app rather than an error, with the way to what does work there (triage).
 */
export function NotOnServerYet({ title, homeHref }: { title: string; homeHref: string }) {
  const { t } = useTranslation();
  return (
    <PageLayout title={title}>
      <EmptyState
        icon={<DesktopRegular />}
        title={t('notOnServer.title', { page: title })}
        actions={
          <Button as="a" appearance="primary" href={homeHref}>
            {t('notOnServer.toDivisions')}
          </Button>
        }
      >
        <p>{t('notOnServer.body')}</p>
        <p>{t('notOnServer.meanwhile')}</p>
      </EmptyState>
    </PageLayout>
  );
}
