import { useTranslation } from 'react-i18next';
import type { FileOutput, FileTarget } from '../../shared/api/files';
import { useNotify } from '../components/Notify';
import { useFileSaver } from './ClientContext';

/**
 * Keeps a file (or, `into` a folder, a batch of files) the services make, the one way every export goes: asks where (Electron's Save
 * dialog; a download in a browser), lets the services write it, and says where it went ("Show in
 * folder" in Electron). False when the user cancelled the Save dialog. Errors are thrown.
 */
export function useSaveFile(into: 'file' | 'folder' = 'file'): (suggestedName: string, make: (target: FileTarget) => Promise<FileOutput>) => Promise<boolean> {
  const saver = useFileSaver();
  const notify = useNotify();
  const { t } = useTranslation();
  return async (suggestedName, make) => {
    // A batch (one e-mail draft per person) goes into a folder; in a browser, one .zip download.
    const target = into === 'folder' ? await saver.chooseFolderTarget() : await saver.chooseTarget(suggestedName);
    if (target === null) return false;
    const output = await make(target);
    saver.deliver(output);
    if (output.kind === 'saved') {
      const { showInFolder } = saver;
      notify.success(t('files.saved', { file: output.fileName }), output.path, showInFolder ? { label: t('files.showInFolder'), run: () => void showInFolder(output.path) } : undefined);
    } else if (output.kind === 'savedFolder') {
      const { showInFolder } = saver;
      notify.success(t('files.savedInFolder', { count: output.files.length }), output.path, showInFolder ? { label: t('files.showInFolder'), run: () => void showInFolder(output.path) } : undefined);
    } else {
      notify.success(t('files.downloaded', { file: output.fileName }));
    }
    return true;
  };
}
