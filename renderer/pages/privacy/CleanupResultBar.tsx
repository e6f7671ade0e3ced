import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, makeStyles, tokens } from '@fluentui/react-components';
import { DismissRegular } from '@fluentui/react-icons';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupsTouched, WalState } from '../../../shared/api/privacy';
import { useFormat } from '../../i18n/format';

const useStyles = makeStyles({
  lines: { margin: `${tokens.spacingVerticalXS} 0 0`, paddingLeft: tokens.spacingHorizontalL },
  file: { overflowWrap: 'anywhere' },
});

export interface Cleanup {
  /** Says what was removed: "The data of 2 applications was erased". */
  title: string;
  /** What was removed, one line ("NIP-2026-00005-1 (Internship Programme 2026)"), when it can be named. */
  items?: string[];
  backups: BackupsTouched;
  wal: WalState;
}

/**
 * What an erasure or a purge did beyond the database: the backups rewritten without the data or
 * removed, and whether the database's -wal file still holds some of it (until the program that
 * has the database open closes it). The office has to be able to say so to the person.
 */
export function CleanupResultBar({ result, onDismiss }: { result: Cleanup; onDismiss: () => void }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const format = useFormat();
  const { rewritten, removed } = result.backups;
  const busy = result.wal === 'busy';
  const ref = useRef<HTMLDivElement>(null);
  // The dialog that did it has closed (and, after an erasure, the button that opened it is gone):
  // focus comes here, so the officer reads what was done and goes on from this place.
  useEffect(() => {
    ref.current?.focus();
  }, [result]);
  return (
    <MessageBar ref={ref} tabIndex={-1} intent={busy ? 'warning' : 'success'} layout="multiline" data-testid="cleanup-result">
      <MessageBarBody>
        <MessageBarTitle>{result.title}</MessageBarTitle>
        <ul className={styles.lines}>
          {result.items && result.items.length > 0 ? <li className={styles.file}>{t('privacy.result.erasedList', { list: format.list(result.items) })}</li> : null}
          <li className={styles.file}>
            {rewritten.length === 0
              ? t('privacy.result.noneRewritten')
              : t('privacy.result.rewritten', { count: rewritten.length, n: format.number(rewritten.length), files: format.list(rewritten) })}
          </li>
          {removed.length > 0 ? (
            <li className={styles.file}>
              {t('privacy.result.removed', {
                count: removed.length,
                n: format.number(removed.length),
                files: format.list(removed.map((r) => t('privacy.result.removedFile', { file: r.file, why: t(`privacy.result.why.${r.why}`) }))),
              })}
            </li>
          ) : null}
          <li>{busy ? t('privacy.result.walBusy') : t('privacy.result.walCleared')}</li>
        </ul>
      </MessageBarBody>
      <MessageBarActions containerAction={<Button appearance="transparent" icon={<DismissRegular />} aria-label={t('common.dismiss')} onClick={onDismiss} />} />
    </MessageBar>
  );
}
