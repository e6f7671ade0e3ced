import { Button, MessageBar, MessageBarBody, MessageBarTitle, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { ArrowUploadRegular } from '@fluentui/react-icons';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../components/EmptyState';
import { FileDropZone } from '../components/FileDropZone';
import { PageLayout } from '../components/PageLayout';
import { useWorkspace } from '../shell/WorkspaceContext';
import { useSectionStyles } from './settings/formStyles';
import { ImportHistory } from './screening/ImportHistory';

const useStyles = makeStyles({
  wide: { maxWidth: 'none' },
  // The import and the note on screening side by side when there is room; the history below.
  top: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(22rem, 1fr))',
    gap: tokens.spacingHorizontalL,
    alignItems: 'start',
  },
  page: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalL },
});

/**
 * Where the season starts: the export comes in here (drop zone, button, history of imports).
 * Screening itself is the next capability; the page says so plainly.
 */
export function ScreeningPage() {
  const { t } = useTranslation();
  const section = useSectionStyles();
  const styles = useStyles();
  const { campaign, startImport, openDialog } = useWorkspace();

  if (!campaign) {
    return (
      <PageLayout title={t('nav.screening')}>
        <EmptyState
          icon={<ArrowUploadRegular />}
          title={t('overview.noCampaignTitle')}
          actions={
            <Button appearance="primary" onClick={() => openDialog('newCampaign')}>
              {t('file.newCampaign')}
            </Button>
          }
        >
          <p>{t('overview.noCampaign')}</p>
        </EmptyState>
      </PageLayout>
    );
  }

  return (
    <PageLayout title={t('nav.screening')} subtitle={campaign.name}>
      <div className={styles.page}>
        <div className={styles.top}>
          <section className={mergeClasses(section.section, styles.wide)} aria-labelledby="import-title">
            <h2 className={section.heading} id="import-title">
              {t('screening.importTitle')}
            </h2>
            <p className={section.intro}>{t('screening.importIntro')}</p>
            <FileDropZone onFile={(file) => startImport(file)} />
          </section>
          <MessageBar intent="info" layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>{t('screening.comingTitle')}</MessageBarTitle>
              {t('screening.coming')}
            </MessageBarBody>
          </MessageBar>
        </div>
        <ImportHistory campaignId={campaign.id} />
      </div>
    </PageLayout>
  );
}
