import { Button } from '@fluentui/react-components';
import type { ParseKeys } from 'i18next';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../components/EmptyState';
import { PageLayout } from '../components/PageLayout';
import type { Page } from '../shell/routes';
import { useWorkspace } from '../shell/WorkspaceContext';

export interface PlannedPageProps {
  title: ParseKeys;
  icon: ReactNode;
  /** What the page will do, in a sentence or two. */
  comingTitle: ParseKeys;
  coming: ParseKeys;
  /** The next step while the campaign has no applications. */
  nextImport: ParseKeys;
  /** The next step once applications are in, and where it is done. */
  nextWhenReady: ParseKeys;
  nextAction: ParseKeys;
  nextPage: Page;
}

/**
 * A page whose capability comes in a later issue: says what it will do and what to do meanwhile,
 * which depends on whether the campaign has applications yet.
 */
export function PlannedPage(props: PlannedPageProps) {
  const { t } = useTranslation();
  const { campaign, navigate } = useWorkspace();
  const hasApplications = (campaign?.applicationCount ?? 0) > 0;
  return (
    <PageLayout title={t(props.title)}>
      <EmptyState
        icon={props.icon}
        title={t(props.comingTitle)}
        actions={
          hasApplications ? (
            <Button appearance="primary" onClick={() => navigate(props.nextPage)}>
              {t(props.nextAction)}
            </Button>
          ) : (
            <Button appearance="primary" onClick={() => navigate('overview')}>
              {t('planned.goToOverview')}
            </Button>
          )
        }
      >
        <p>{t(props.coming)}</p>
        <p>{hasApplications ? t(props.nextWhenReady) : t(props.nextImport)}</p>
      </EmptyState>
    </PageLayout>
  );
}
