import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNotify } from '../components/Notify';
import { useClient } from './ClientContext';

/** File > Backup now: takes an online backup and says where it went (or why it failed). */
export function useBackupNow(): { backingUp: boolean; backupNow: () => Promise<void> } {
  const { t } = useTranslation();
  const client = useClient();
  const notify = useNotify();
  const [backingUp, setBackingUp] = useState(false);

  async function backupNow() {
    setBackingUp(true);
    try {
      const backup = await client.call('database.backupNow', {});
      notify.success(t('backup.done'), backup.file);
    } catch (error) {
      notify.error(error);
    } finally {
      setBackingUp(false);
    }
  }
  return { backingUp, backupNow };
}
