import { makeStyles, tokens } from '@fluentui/react-components';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExportChangeView } from '../../shared/api/contract';
import { APPLICATION_FIELDS } from '../../shared/domain/application-fields';
import { useFormat } from '../i18n/format';
import { toLanguage } from '../i18n/languages';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  list: { margin: 0, paddingInlineStart: 0, listStyle: 'none', display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  when: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  changes: { margin: `${tokens.spacingVerticalXXS} 0 0`, paddingInlineStart: tokens.spacingHorizontalL, overflowWrap: 'anywhere' },
  before: { textDecorationLine: 'line-through', color: tokens.colorNeutralForeground3 },
});

/** A field's name in the interface's language ("extraAttributes": the columns kept as extra attributes). */
export function useFieldName(): (field: string) => string {
  const { t, i18n } = useTranslation();
  const language = toLanguage(i18n.resolvedLanguage ?? i18n.language);
  return (field) => APPLICATION_FIELDS.find((f) => f.key === field)?.[language] ?? (field === 'extraAttributes' ? t('exportChanges.extraAttributes') : field);
}

/** One change as "Last Name: Dupont → Dupond", an empty value said as such. */
export function ChangeLine({ field, before, after }: { field: string; before: string | null; after: string | null }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const fieldName = useFieldName();
  const shown = (value: string | null) => (value === null || value === '' ? t('exportChanges.empty') : value);
  return (
    <>
      {t('exportChanges.field', { field: fieldName(field) })} <span className={styles.before}>{shown(before)}</span> → <strong>{shown(after)}</strong>
    </>
  );
}

/** The application's history of what newer exports changed (issue 9: stored, but shown nowhere). */
export function ExportChanges({ changes }: { changes: ExportChangeView[] }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const format = useFormat();
  const headingId = useId();
  return (
    <section className={styles.section} aria-labelledby={headingId} data-testid="export-changes">
      <h3 className={styles.heading} id={headingId}>
        {t('exportChanges.heading')}
      </h3>
      {changes.length === 0 ? (
        <p className={styles.when}>{t('exportChanges.none')}</p>
      ) : (
        <ol className={styles.list}>
          {changes.map((imported, i) => (
            <li key={`${imported.importId ?? 'gone'}-${imported.at}-${i}`}>
              <span className={styles.when}>
                {t('exportChanges.by', { file: imported.fileName ?? t('exportChanges.unknownFile'), date: format.dateTime(imported.at) })}
              </span>
              <ul className={styles.changes}>
                {imported.changes.map((c) => (
                  <li key={c.field}>
                    <ChangeLine {...c} />
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
