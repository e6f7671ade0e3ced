import { MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { BackupProblem } from '../../shared/api/errors';
import { useQuery } from '../api/hooks';

/** The warning a failed backup leaves until a backup succeeds: it names the BACKUP folder and why. */
export function BackupProblemBar({ problem, className }: { problem: BackupProblem; className?: string }) {
  const { t } = useTranslation();
  return (
    <MessageBar intent="warning" layout="multiline" className={className}>
      <MessageBarBody>
        <MessageBarTitle>{t('backup.problemTitle')}</MessageBarTitle>
        {t('backup.problem', { folder: problem.folder, reason: t(`backup.problemReason.${problem.reason}`) })}
      </MessageBarBody>
    </MessageBar>
  );
}

/** Shown above every page while backups fail (a full or read-only backup folder): work goes on, the user knows. */
export function BackupWarning({ className }: { className?: string }) {
  const info = useQuery('database.info', {});
  const problem = info.data?.backupProblem;
  return problem ? <BackupProblemBar problem={problem} className={className} /> : null;
}
