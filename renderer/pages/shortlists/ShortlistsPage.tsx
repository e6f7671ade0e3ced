import { Badge, Button, Spinner, Tab, TabList, makeStyles, tokens } from '@fluentui/react-components';
import { AddRegular, ArrowDownloadRegular, TaskListSquareLtrRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from '../../api/hooks';
import { EmptyState } from '../../components/EmptyState';
import { ErrorBar } from '../../components/ErrorBar';
import { NoCampaign } from '../../components/NoCampaign';
import { PageLayout } from '../../components/PageLayout';
import { useWorkspace } from '../../shell/WorkspaceContext';
import { NewShortlistDialog } from './NewShortlistDialog';
import { PlacesPanel } from './PlacesPanel';
import { ShortlistDetailView } from './ShortlistDetailView';
import { ShortlistList } from './ShortlistList';

const useStyles = makeStyles({
  badge: { marginLeft: tokens.spacingHorizontalXS },
  columns: { display: 'grid', gridTemplateColumns: 'minmax(12rem, 15rem) minmax(0, 1fr)', columnGap: tokens.spacingHorizontalL, alignItems: 'start' },
});

type Tab = 'lists' | 'places';

/**
 * The divisions' shortlists and what follows them: each list built from triage's proposals, sent to
 * a hiring manager as a workbook, the reply read back; then interviews, selection, offers, and the
 * places each division has (with the people two divisions selected at once).
 */
export function ShortlistsPage() {
  const { t } = useTranslation();
  const styles = useStyles();
  const { campaign, startImport } = useWorkspace();
  const [tab, setTab] = useState<Tab>('lists');
  const [chosen, setChosen] = useState<number | null>(null);
  const [creating, setCreating] = useState(false);
  const campaignId = campaign?.id ?? null;
  const lists = useQuery('shortlists.list', campaignId === null ? null : { campaignId });
  const conflicts = useQuery('selection.conflicts', campaignId === null ? null : { campaignId });

  if (campaignId === null) {
    return (
      <PageLayout title={t('nav.shortlists')}>
        <NoCampaign icon={<TaskListSquareLtrRegular />} />
      </PageLayout>
    );
  }

  const shown = lists.data?.find((l) => l.id === chosen) ?? lists.data?.[0] ?? null;
  const conflictCount = conflicts.data?.length ?? 0;
  let body;
  if (tab === 'places') body = <PlacesPanel campaignId={campaignId} />;
  else if (lists.error) body = <ErrorBar error={lists.error} onRetry={lists.refetch} />;
  else if (!lists.data) body = <Spinner label={t('shortlists.loading')} />;
  else if (lists.data.length === 0)
    body = (
      <EmptyState
        icon={<TaskListSquareLtrRegular />}
        title={t('shortlists.emptyTitle')}
        actions={
          <Button appearance="primary" icon={<AddRegular />} onClick={() => setCreating(true)}>
            {t('shortlists.new')}
          </Button>
        }
      >
        <p>{t('shortlists.empty')}</p>
      </EmptyState>
    );
  else
    body = (
      <div className={styles.columns}>
        <ShortlistList lists={lists.data} chosen={shown?.id ?? null} onChoose={setChosen} />
        {shown ? <ShortlistDetailView key={shown.id} id={shown.id} /> : null}
      </div>
    );

  return (
    <PageLayout
      title={t('nav.shortlists')}
      actions={
        <>
          <Button icon={<ArrowDownloadRegular />} onClick={() => startImport()}>
            {t('shortlists.importReply')}
          </Button>
          <Button appearance="primary" icon={<AddRegular />} onClick={() => setCreating(true)}>
            {t('shortlists.new')}
          </Button>
        </>
      }
    >
      <TabList selectedValue={tab} onTabSelect={(_e, data) => setTab(data.value as Tab)}>
        <Tab value="lists">{t('shortlists.tab.lists')}</Tab>
        <Tab value="places">
          {t('shortlists.tab.places')}
          {conflictCount > 0 ? (
            <Badge color="danger" size="small" aria-label={t('shortlists.conflicts.badge', { count: conflictCount })} className={styles.badge}>
              {conflictCount}
            </Badge>
          ) : null}
        </Tab>
      </TabList>
      {body}
      <NewShortlistDialog
        open={creating}
        campaignId={campaignId}
        onClose={() => setCreating(false)}
        onCreated={(id) => {
          setCreating(false);
          setTab('lists');
          setChosen(id);
        }}
      />
    </PageLayout>
  );
}
