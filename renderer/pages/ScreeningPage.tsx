import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { ArrowUploadRegular } from '@fluentui/react-icons';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from '../api/hooks';
import { NoCampaign } from '../components/NoCampaign';
import { FileDropZone } from '../components/FileDropZone';
import { PageLayout } from '../components/PageLayout';
import { useWorkspace } from '../shell/WorkspaceContext';
import { useSectionStyles } from './settings/formStyles';
import { ImportHistory } from './screening/ImportHistory';
import { PossibleDuplicates } from './screening/PossibleDuplicates';
import { ScreeningReview } from './screening/ScreeningReview';

const useStyles = makeStyles({
  wide: { maxWidth: 'none' },
  page: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalL },
});

/**
 * Where the season starts and the office checks eligibility: the review of the screened
 * applications first, then the possible duplicates, the import of the export (drop zone, button)
 * and its history.
 */
export function ScreeningPage() {
  const { t } = useTranslation();
  const section = useSectionStyles();
  const styles = useStyles();
  const { campaign, startImport } = useWorkspace();
  const campaignId = campaign?.id;
  // Loaded here: the review shows how many pairs are open, the section below lists them.
  const duplicates = useQuery(
    'screening.duplicates',
    campaignId === undefined ? null : { campaignId },
  );
  const duplicatesHeading = useRef<HTMLHeadingElement>(null);

  function showDuplicates() {
    const heading = duplicatesHeading.current;
    heading?.scrollIntoView({ block: 'start' });
    heading?.focus();
  }

  if (!campaign) {
    return (
      <PageLayout title={t('nav.screening')}>
        <NoCampaign icon={<ArrowUploadRegular />} />
      </PageLayout>
    );
  }

  return (
    <PageLayout title={t('nav.screening')} subtitle={campaign.name}>
      <div className={styles.page}>
        <ScreeningReview key={campaign.id} campaignId={campaign.id} openDuplicates={duplicates.data?.open.length} onShowDuplicates={showDuplicates} />
        <PossibleDuplicates key={`duplicates-${campaign.id}`} list={duplicates} headingRef={duplicatesHeading} />
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
