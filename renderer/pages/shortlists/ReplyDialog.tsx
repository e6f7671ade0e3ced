import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReplyPreview } from '../../../shared/api/shortlists';
import type { AppErrorData } from '../../../shared/api/errors';
import { useClient } from '../../api/ClientContext';
import { ErrorBar } from '../../components/ErrorBar';
import { useNotify } from '../../components/Notify';
import { useFormat } from '../../i18n/format';
import type { ShortlistReplyFile } from '../../dialogs/import/useImportWizard';
import { applicantName, useTriageWords } from '../triage/triageWords';
import { useShortlistWords } from './shortlistWords';

const useStyles = makeStyles({
  surface: { maxWidth: 'min(64rem, 96vw)' },
  content: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM },
  scroll: { maxHeight: '50vh', overflowY: 'auto' },
  note: { margin: 0, color: tokens.colorNeutralForeground3 },
  comment: { whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' },
});

type Step =
  | { name: 'reading' }
  | { name: 'preview'; preview: ReplyPreview }
  | { name: 'applying'; preview: ReplyPreview }
  | { name: 'failed'; error: AppErrorData };

/**
 * A hiring manager's reply, read back as the applications export is: what it would change, row by
 * row, before anything is applied; then all of it in one transaction, or nothing (any row Cohort
 * cannot apply holds the whole reply back, with the row and column that need correcting).
 */
export function ReplyDialog({ file, onClose }: { file: ShortlistReplyFile | null; onClose: () => void }) {
  const { t } = useTranslation();
  const styles = useStyles();
  return (
    <Dialog open={file !== null} onOpenChange={(_e, data) => (data.open ? undefined : onClose())}>
      <DialogSurface className={styles.surface}>{file ? <ReplyBody file={file} onClose={onClose} title={t('shortlists.reply.title', { file: file.fileName })} /> : null}</DialogSurface>
    </Dialog>
  );
}

function ReplyBody({ file, onClose, title }: { file: ShortlistReplyFile; onClose: () => void; title: string }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const client = useClient();
  const notify = useNotify();
  const [step, setStep] = useState<Step>({ name: 'reading' });
  const [error, setError] = useState<AppErrorData | null>(null);
  // The job the services hold between preview and apply: cancelled whenever the dialog is left.
  const jobRef = useRef<string | null>(null);

  useEffect(() => {
    let current = true;
    void client.tryCall('shortlists.replyPreview', { path: file.path }).then((result) => {
      if (!current) {
        if (result.ok) void client.tryCall('shortlists.replyCancel', { jobId: result.value.jobId });
        return;
      }
      if (!result.ok) setStep({ name: 'failed', error: result.error });
      else {
        jobRef.current = result.value.jobId;
        setStep({ name: 'preview', preview: result.value });
      }
    });
    return () => {
      current = false;
      const jobId = jobRef.current;
      jobRef.current = null;
      if (jobId !== null) void client.tryCall('shortlists.replyCancel', { jobId });
    };
  }, [client, file.path]);

  async function apply(preview: ReplyPreview) {
    setError(null);
    setStep({ name: 'applying', preview });
    const result = await client.tryCall('shortlists.replyCommit', { jobId: preview.jobId });
    if (!result.ok) {
      setError(result.error);
      setStep({ name: 'preview', preview });
      return;
    }
    jobRef.current = null;
    const { applied } = result.value;
    notify.success(applied > 0 ? t('shortlists.reply.applied', { count: applied }) : t('shortlists.reply.appliedNothing'), t('shortlists.reply.appliedBody', { division: preview.shortlist.division }));
    onClose();
  }

  const preview = step.name === 'preview' || step.name === 'applying' ? step.preview : null;
  const blocked = preview !== null && preview.issues.length > 0;
  return (
    <DialogBody>
      <DialogTitle>{title}</DialogTitle>
      <DialogContent className={styles.content}>
        {step.name === 'reading' ? <Spinner labelPosition="after" label={t('shortlists.reply.reading')} /> : null}
        {step.name === 'failed' ? <ErrorBar error={step.error} title={t('shortlists.reply.refusedTitle')} /> : null}
        {preview ? <ReplyPreviewView preview={preview} /> : null}
        {error ? <ErrorBar error={error} /> : null}
      </DialogContent>
      <DialogActions>
        <Button appearance="secondary" onClick={onClose} disabled={step.name === 'applying'}>
          {step.name === 'failed' ? t('common.close') : t('common.cancel')}
        </Button>
        {preview ? (
          <Button
            appearance="primary"
            disabledFocusable={blocked || step.name === 'applying'}
            icon={step.name === 'applying' ? <Spinner size="tiny" /> : undefined}
            onClick={() => void apply(preview)}
          >
            {preview.changes.length > 0 ? t('shortlists.reply.apply', { count: preview.changes.length }) : t('shortlists.reply.applyNothing')}
          </Button>
        ) : null}
      </DialogActions>
    </DialogBody>
  );
}

function ReplyPreviewView({ preview }: { preview: ReplyPreview }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const format = useFormat();
  const words = useTriageWords();
  const shortlistWords = useShortlistWords();
  return (
    <>
      <p className={styles.note}>
        {t('shortlists.reply.answers', { shortlist: shortlistWords.title(preview.shortlist) })}
        {preview.unchanged > 0 ? ` ${t('shortlists.reply.unchanged', { count: preview.unchanged })}` : ''}
      </p>
      {preview.issues.length > 0 ? (
        <>
          <MessageBar intent="error" layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>{t('shortlists.reply.issuesTitle', { count: preview.issues.length })}</MessageBarTitle>
              {t('shortlists.reply.issuesBody')}
            </MessageBarBody>
          </MessageBar>
          <div className={styles.scroll}>
            <Table size="small" aria-label={t('shortlists.reply.issuesTable')} data-testid="reply-issues">
              <TableHeader>
                <TableRow>
                  <TableHeaderCell>{t('shortlists.reply.row')}</TableHeaderCell>
                  <TableHeaderCell>{t('shortlists.reply.column')}</TableHeaderCell>
                  <TableHeaderCell>{t('shortlists.reply.value')}</TableHeaderCell>
                  <TableHeaderCell>{t('shortlists.reply.problem')}</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {preview.issues.map((issue, i) => (
                  <TableRow key={i}>
                    <TableCell>{format.number(issue.row)}</TableCell>
                    <TableCell>{issue.column ?? '—'}</TableCell>
                    <TableCell>{issue.value ?? '—'}</TableCell>
                    <TableCell className={styles.comment}>{issue.message}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
        </>
      ) : null}
      {preview.changes.length > 0 ? (
        <div className={styles.scroll}>
          <Table size="small" aria-label={t('shortlists.reply.changesTable')} data-testid="reply-changes">
            <TableHeader>
              <TableRow>
                <TableHeaderCell>{t('shortlists.reply.row')}</TableHeaderCell>
                <TableHeaderCell>{t('shortlists.table.candidate')}</TableHeaderCell>
                <TableHeaderCell>{t('shortlists.table.name')}</TableHeaderCell>
                <TableHeaderCell>{t('shortlists.reply.change')}</TableHeaderCell>
                <TableHeaderCell>{t('shortlists.table.interview')}</TableHeaderCell>
                <TableHeaderCell>{t('shortlists.table.comment')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {preview.changes.map((change) => (
                <TableRow key={change.row}>
                  <TableCell>{format.number(change.row)}</TableCell>
                  <TableCell>{change.candidateCode}</TableCell>
                  <TableCell>{applicantName(change)}</TableCell>
                  <TableCell>{t('shortlists.reply.fromTo', { from: words.stage(change.from), to: words.stage(change.to) })}</TableCell>
                  <TableCell>{change.interviewDate ? format.date(change.interviewDate) + (change.interviewTime ? ` ${change.interviewTime}` : '') : '—'}</TableCell>
                  <TableCell className={styles.comment}>{change.comment ?? '—'}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      ) : preview.issues.length === 0 ? (
        <p className={styles.note}>{t('shortlists.reply.nothingNew')}</p>
      ) : null}
    </>
  );
}
