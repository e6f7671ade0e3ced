import { Button, Menu, MenuDivider, MenuItem, MenuList, MenuPopover, MenuTrigger } from '@fluentui/react-components';
import {
  AddRegular,
  ArrowUploadRegular,
  DatabaseRegular,
  DocumentAddRegular,
  FolderOpenRegular,
  HistoryRegular,
  SaveRegular,
} from '@fluentui/react-icons';
import { useTranslation } from 'react-i18next';
import { useBackupNow } from '../api/useBackupNow';
import { isOnServer } from './serverPages';
import { useWorkspace } from './WorkspaceContext';

/** The in-window File menu: the web host has no native menu, and keyboard users like both. */
export function FileMenu() {
  const { t } = useTranslation();
  const { openDialog, startImport, info } = useWorkspace();
  const { backingUp, backupNow } = useBackupNow();
  // On the office server: importing is not built there yet, and IT backs the server up (no backups from here).
  const onServer = isOnServer(info);

  return (
    <Menu>
      <MenuTrigger disableButtonEnhancement>
        <Button appearance="subtle" icon={<DatabaseRegular />}>
          {t('file.menu')}
        </Button>
      </MenuTrigger>
      <MenuPopover>
        <MenuList>
          <MenuItem icon={<AddRegular />} onClick={() => openDialog('newCampaign')}>
            {t('file.newCampaign')}
          </MenuItem>
          <MenuItem icon={<ArrowUploadRegular />} disabled={onServer} onClick={() => startImport()}>
            {t('file.import')}
          </MenuItem>
          <MenuDivider />
          <MenuItem icon={<FolderOpenRegular />} onClick={() => openDialog('openDatabase')}>
            {t('file.openDatabase')}
          </MenuItem>
          <MenuItem icon={<DocumentAddRegular />} onClick={() => openDialog('newDatabase')}>
            {t('file.newDatabase')}
          </MenuItem>
          <MenuDivider />
          <MenuItem icon={<SaveRegular />} disabled={backingUp || onServer} onClick={() => void backupNow()}>
            {t('file.backupNow')}
          </MenuItem>
          <MenuItem icon={<HistoryRegular />} disabled={onServer} onClick={() => openDialog('restore')}>
            {t('file.restore')}
          </MenuItem>
        </MenuList>
      </MenuPopover>
    </Menu>
  );
}
