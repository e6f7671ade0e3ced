import { Badge, Button, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import { AddRegular, MailRegular, SendRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiCallError } from '../../../shared/api/errors';
import type { ShortlistCandidate } from '../../../shared/api/shortlists';
import { TEXT_LIMITS } from '../../../shared/api/text-limits';
import { useClient } from '../../api/ClientContext';
import { useApiMutation, useQuery } from '../../api/hooks';
import { useSaveFile } from '../../api/useSaveFile';
import { ErrorBar } from '../../components/ErrorBar';
import { useNotify } from '../../components/Notify';
import { NoteDialog } from '../../dialogs/NoteDialog';
import { useFormat } from '../../i18n/format';
import { applicantName } from '../triage/triageWords';
import { CandidateTable } from './CandidateTable';
import { ExportDialog } from './ExportDialog';
import { MoveDialog, type MoveRequest } from './MoveDialog';
import { useShortlistWords } from './shortlistWords';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM, minWidth: 0 },
  head: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalS },
  title: { margin: 0, fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold },
  badge: { whiteSpace: 'nowrap', flexShrink: 0 },
  status: { color: tokens.colorNeutralForeground2 },
  attention: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
  actions: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalS },
  meta: { margin: 0, color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
});

/** One shortlist: its candidates in the office's order, what was sent and answered, and what to do next. */
export function ShortlistDetailView({ id }: { id: number }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const format = useFormat();
  const words = useShortlistWords();
  const notify = useNotify();
  const client = useClient();
  const saveDrafts = useSaveFile('folder');
  const detail = useQuery('shortlists.get', { id });
  const add = useApiMutation('shortlists.add');
  const remove = useApiMutation('shortlists.remove');
  const setNote = useApiMutation('shortlists.setNote');
  const [exporting, setExporting] = useState(false);
  const [noteFor, setNoteFor] = useState<ShortlistCandidate | null>(null);
  const [moving, setMoving] = useState<MoveRequest | null>(null);

  if (detail.error) return <ErrorBar error={detail.error} onRetry={detail.refetch} />;
  const list = detail.data;
  if (!list) return <Spinner label={t('shortlists.loading')} />;

  const status = words.status(list, new Date().toISOString());
  const invitable = list.entries.filter((e) => e.stage === 'interview' && e.interviewDate !== null);
  const lastExport = list.lastExport;

  async function invite() {
    try {
      await saveDrafts(t('shortlists.invitationsFile', { division: list?.division ?? '' }), async (target) => {
        const result = await client.call('selection.invitations', { refs: invitable.map((e) => e.ref), contact: null, target });
        if (result.withoutAddress.length > 0) notify.info(t('shortlists.invitationsNoAddress', { count: result.withoutAddress.length }), result.withoutAddress.join(', '));
        return result.file;
      });
    } catch (caught) {
      notify.error(caught);
    }
  }

  return (
    <section className={styles.root} aria-labelledby={`shortlist-${id}-title`}>
      <div className={styles.head}>
        <h2 className={styles.title} id={`shortlist-${id}-title`}>
          {words.title(list)}
        </h2>
        <Badge appearance="tint" className={styles.badge}>
          {t(`shortlists.state.${list.state}`)}
        </Badge>
        <span className={status.attention ? styles.attention : styles.status}>{status.text}</span>
      </div>
      <p className={styles.meta}>
        {t('shortlists.madeBy', { who: list.createdBy, when: format.dateTime(list.createdAt) })}
        {lastExport
          ? ` · ${t(lastExport.blind ? 'shortlists.lastExportBlind' : 'shortlists.lastExport', {
              who: lastExport.managerName ?? t('shortlists.noManager'),
              when: format.dateTime(lastExport.at),
              replyBy: format.date(lastExport.replyBy),
            })}`
          : ''}
      </p>
      <div className={styles.actions}>
        <Button appearance="primary" icon={<SendRegular />} disabled={list.entries.length === 0 || list.state === 'closed'} onClick={() => setExporting(true)}>
          {list.state === 'draft' ? t('shortlists.send') : t('shortlists.sendAgain')}
        </Button>
        {list.state === 'draft' && list.proposedRefs.length > 0 ? (
          <Button icon={<AddRegular />} disabled={add.pending} onClick={() => void add.run({ id, refs: list.proposedRefs }).then((r) => (r.ok ? undefined : notify.error(r.error)))}>
            {t('shortlists.addProposed', { count: list.proposedRefs.length })}
          </Button>
        ) : null}
        {invitable.length > 0 ? (
          <Button icon={<MailRegular />} onClick={() => void invite()}>
            {t('shortlists.invite', { count: invitable.length })}
          </Button>
        ) : null}
      </div>
      <CandidateTable
        list={list}
        onNote={setNoteFor}
        onMove={(candidate, move) => setMoving({ campaignId: list.campaignId, candidate, move })}
        onRemove={(candidate) => void remove.run({ id, refs: [candidate.ref] }).then((r) => (r.ok ? undefined : notify.error(r.error)))}
      />
      <ExportDialog open={exporting} list={list} onClose={() => setExporting(false)} />
      <NoteDialog
        open={noteFor !== null}
        applicationLabel={noteFor ? `${noteFor.candidateCode} ${applicantName(noteFor)}` : ''}
        maxLength={TEXT_LIMITS.shortlistNote.max}
        onClose={() => setNoteFor(null)}
        onSubmit={async (text) => {
          if (!noteFor) return;
          const result = await setNote.run({ id, ref: noteFor.ref, note: text });
          if (!result.ok) throw new ApiCallError(result.error);
        }}
      />
      <MoveDialog request={moving} onClose={() => setMoving(null)} />
    </section>
  );
}
