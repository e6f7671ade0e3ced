import { Button, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { ArrowUploadRegular } from '@fluentui/react-icons';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../components/EmptyState';
import { FileDropZone } from '../components/FileDropZone';
import { PageLayout } from '../components/PageLayout';
import { useWorkspace } from '../shell/WorkspaceContext';
import { useSectionStyles } from './settings/formStyles';
import { ImportHistory } from './screening/ImportHistory';
import { ScreeningReview } from './screening/ScreeningReview';

const useStyles = makeStyles({
  wide: { maxWidth: 'none' },
  page: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalL },
});

/**
 * Where the season starts and the office checks eligibility: the review of the screened
 * applications first, then the import of the export (drop zone, button) and its history.
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
        <ScreeningReview key={campaign.id} campaignId={campaign.id} />
        <section className={mergeClasses(section.section, styles.wide)} aria-labelledby="import-title">
          <h2 className={section.heading} id="import-title">
            {t('screening.importTitle')}
          </h2>
          <p className={section.intro}>{t('screening.importIntro')}</p>
          <FileDropZone onFile={(file) => startImport(file)} />
        </section>
        <ImportHistory campaignId={campaign.id} />
      </div>
    </PageLayout>
  );
}
