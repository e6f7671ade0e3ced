import { Button } from '@fluentui/react-components';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { useWorkspace } from '../shell/WorkspaceContext';
import { EmptyState } from './EmptyState';

/** What a page shows while the database holds no campaign: the way to make one. */
export function NoCampaign({ icon }: { icon: ReactElement }) {
  const { t } = useTranslation();
  const { openDialog } = useWorkspace();
  return (
    <EmptyState
      icon={icon}
      title={t('overview.noCampaignTitle')}
      actions={
        <Button appearance="primary" onClick={() => openDialog('newCampaign')}>
          {t('file.newCampaign')}
        </Button>
      }
    >
      <p>{t('overview.noCampaign')}</p>
    </EmptyState>
  );
}
