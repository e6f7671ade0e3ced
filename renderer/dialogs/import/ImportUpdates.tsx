import { Badge, MessageBar, MessageBarBody, MessageBarTitle, makeStyles, tokens } from '@fluentui/react-components';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportPreview } from '../../../shared/api/contract';
import { ChangeLine } from '../../components/ExportChanges';
import { useFormat } from '../../i18n/format';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS, flexShrink: 0 },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  list: {
    margin: 0,
    padding: tokens.spacingHorizontalS,
    listStyle: 'none',
    maxHeight: '16rem',
    overflowY: 'auto',
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalS,
  },
  changes: { margin: `${tokens.spacingVerticalXXS} 0 0`, paddingInlineStart: tokens.spacingHorizontalL, overflowWrap: 'anywhere' },
  muted: { margin: 0, color: tokens.colorNeutralForeground3 },
});

/**
 * Before the import is confirmed: what it would change in applications already stored, field by
 * field, and a warning where a name or date of birth changes (perhaps another person now under the
 * same Application ID, whose screening and triage would then be about someone else).
 */
export function ImportUpdates({ preview }: { preview: ImportPreview }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const format = useFormat();
  const headingId = useId();
  const { updates, identityChanges, counts } = preview;
  if (counts.updated === 0) return null;
  return (
    <section className={styles.section} aria-labelledby={headingId} data-testid="import-updates">
      <h3 className={styles.heading} id={headingId}>
        {t('import.updates.heading', { count: counts.updated, n: format.number(counts.updated) })}
      </h3>
      {identityChanges > 0 && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{t('import.updates.identityTitle', { count: identityChanges, n: format.number(identityChanges) })}</MessageBarTitle>
            {t('import.updates.identityBody')}
          </MessageBarBody>
        </MessageBar>
      )}
      <ol className={styles.list} aria-labelledby={headingId}>
        {updates.map((update) => (
          <li key={`${update.row}-${update.applicationId}`}>
            <strong>{t('import.updates.application', { id: update.applicationId, row: format.number(update.row) })}</strong>{' '}
            {update.identityChanged && (
              <Badge appearance="tint" color="warning">
                {t('import.updates.identityBadge')}
              </Badge>
            )}
            <ul className={styles.changes}>
              {update.changes.map((c) => (
                <li key={c.field}>
                  <ChangeLine {...c} />
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ol>
      {counts.updated > updates.length && <p className={styles.muted}>{t('import.updates.more', { n: format.number(counts.updated - updates.length) })}</p>}
    </section>
  );
}
