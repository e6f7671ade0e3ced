import { useEffect, useEffectEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportResult } from '../../../shared/api/contract';
import { useNotify } from '../../components/Notify';
import { FileDropOverlay } from '../../shell/FileDropOverlay';
import { useWorkspace } from '../../shell/WorkspaceContext';
import { ImportDialog } from './ImportDialog';
import { ReplyDialog } from '../../pages/shortlists/ReplyDialog';
import { useImportWizard, type ShortlistReplyFile } from './useImportWizard';

/**
 * How the rest of the app starts an import (File > Import…, a drop zone, the native menu): a
 * stable function the workspace hands out, relayed to the controller while it is mounted.
 */
export interface ImportStarter {
  start(file?: File): void;
  /** The controller registers here; returns the function that unregisters it. */
  listen(handler: (file?: File) => void): () => void;
}

export function createImportStarter(): ImportStarter {
  let handler: ((file?: File) => void) | null = null;
  return {
    start: (file) => handler?.(file),
    listen(next) {
      handler = next;
      return () => {
        if (handler === next) handler = null;
      };
    },
  };
}

/**
 * Owns the import wizard (and the reply dialog it hands a hiring manager's workbook to) and the
 * window-wide drop target. Kept apart from the workspace so the
 * wizard's many state changes (upload progress, each column's mapping) redraw only the wizard.
 */
export function ImportController({
  starter,
  onImported,
  onShowImport,
}: {
  starter: ImportStarter;
  onImported: (result: ImportResult) => void;
  onShowImport: (importId: number) => void;
}) {
  const { t } = useTranslation();
  const notify = useNotify();
  const { campaign } = useWorkspace();
  const [reply, setReply] = useState<ShortlistReplyFile | null>(null);
  const wizard = useImportWizard(onImported, setReply);

  const start = (file?: File) => {
    if (!campaign) {
      notify.info(t('import.noCampaignTitle'), t('import.noCampaign'));
      return;
    }
    wizard.start(campaign.id, file);
  };
  const onStart = useEffectEvent((file?: File) => start(file));
  useEffect(() => starter.listen((file) => onStart(file)), [starter]);

  return (
    <>
      <FileDropOverlay enabled={!wizard.open && reply === null} onFile={start} />
      <ImportDialog wizard={wizard} onShowImport={onShowImport} />
      <ReplyDialog file={reply} onClose={() => setReply(null)} />
    </>
  );
}
