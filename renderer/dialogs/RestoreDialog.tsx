import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  DialogTrigger,
  Radio,
  RadioGroup,
  Spinner,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { DeleteRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupInfo, RestoreResult } from '../../shared/api/contract';
import type { AppErrorData } from '../../shared/api/errors';
import { useClient } from '../api/ClientContext';
import { useQuery } from '../api/hooks';
import { ErrorBar } from '../components/ErrorBar';
import { useBackupReason } from '../components/useBackupReason';
import { useFormat } from '../i18n/format';
import { distinctDates } from './backupDates';

const useStyles = makeStyles({
  list: { maxHeight: '50vh', overflowY: 'auto', paddingRight: tokens.spacingHorizontalS },
});

interface Props {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  onRestored: (result: RestoreResult) => void;
}

/** File > Restore from backup: pick a backup, confirm (restore or delete it). */
export function RestoreDialog({ open, onOpenChange, onRestored }: Props) {
  return (
    <Dialog open={open} onOpenChange={(_e, data) => onOpenChange(data.open)} modalType="alert">
      <DialogSurface>
        <RestoreForm onRestored={onRestored} />
      </DialogSurface>
    </Dialog>
  );
}

function RestoreForm({ onRestored }: { onRestored: Props['onRestored'] }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const format = useFormat();
  const reason = useBackupReason();
  const client = useClient();
  const backups = useQuery('database.listBackups', {});
  const [selected, setSelected] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<'restore' | 'delete' | null>(null);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<AppErrorData | null>(null);

  const chosen: BackupInfo | undefined = backups.data?.find((b) => b.file === selected);

  async function restore(file: string) {
    setPending(true);
    setError(null);
    const result = await client.tryCall('database.restore', { file });
    setPending(false);
    if (result.ok) onRestored(result.value);
    else {
      setConfirming(null);
      setError(result.error);
    }
  }

  async function remove(file: string) {
    setPending(true);
    setError(null);
    const result = await client.tryCall('database.deleteBackup', { file });
    setPending(false);
    setConfirming(null);
    if (result.ok) {
      setSelected(null);
      backups.refetch();
    } else setError(result.error);
  }

  let content;
  if (backups.loading) content = <Spinner size="small" label={t('restore.loading')} />;
  else if (backups.error) content = <ErrorBar error={backups.error} />;
  else if (!backups.data || backups.data.length === 0) content = <p>{t('restore.none')}</p>;
  else if (confirming === 'restore' && chosen)
    content = (
      <>
        <p>{t('restore.confirm', { date: format.dateTimeSeconds(chosen.createdAt) })}</p>
        <p>{t('restore.confirmSafety')}</p>
      </>
    );
  else if (confirming === 'delete' && chosen)
    content = <p>{t('restore.deleteConfirm', { date: format.dateTimeSeconds(chosen.createdAt), reason: reason(chosen.reason) })}</p>;
  else
    content = (
      <>
        <p id="restore-intro">{t('restore.intro')}</p>
        <div className={styles.list}>
          <RadioGroup
            aria-labelledby="restore-intro"
            value={selected ?? ''}
            onChange={(_e, data) => setSelected(data.value)}
          >
            {distinctDates(backups.data, format.dateTimeSeconds).map(({ backup: b, date }) => (
              <Radio
                key={b.file}
                value={b.file}
                label={t('restore.option', { date, reason: reason(b.reason), size: format.bytes(b.sizeBytes) })}
              />
            ))}
          </RadioGroup>
        </div>
      </>
    );

  return (
    <DialogBody>
      <DialogTitle>{t(confirming === 'restore' ? 'restore.confirmTitle' : confirming === 'delete' ? 'restore.deleteTitle' : 'restore.title')}</DialogTitle>
      <DialogContent>
        {content}
        {error ? <ErrorBar error={error} /> : null}
      </DialogContent>
      <DialogActions>
        {confirming ? (
          <>
            <Button appearance="secondary" disabled={pending} onClick={() => setConfirming(null)}>
              {t('common.back')}
            </Button>
            <Button
              appearance="primary"
              disabled={pending || !chosen}
              icon={pending ? <Spinner size="tiny" /> : undefined}
              onClick={() => chosen && void (confirming === 'restore' ? restore(chosen.file) : remove(chosen.file))}
            >
              {t(confirming === 'restore' ? 'restore.restore' : 'restore.deleteAction')}
            </Button>
          </>
        ) : (
          <>
            <Button appearance="secondary" icon={<DeleteRegular />} disabled={!chosen} onClick={() => setConfirming('delete')}>
              {t('restore.delete')}
            </Button>
            <DialogTrigger disableButtonEnhancement>
              <Button appearance="secondary">{t('common.cancel')}</Button>
            </DialogTrigger>
            <Button appearance="primary" disabled={!chosen} onClick={() => setConfirming('restore')}>
              {t('restore.next')}
            </Button>
          </>
        )}
      </DialogActions>
    </DialogBody>
  );
}
