import { useTranslation } from 'react-i18next';
import type { BackupReason } from '../../shared/api/contract';

/** Why a backup was taken, in words. */
export function useBackupReason(): (reason: BackupReason) => string {
  const { t } = useTranslation();
  return (reason) => t(`backup.reason.${reason}`);
}
