import { MessageBar, MessageBarBody, MessageBarTitle, makeStyles, tokens } from '@fluentui/react-components';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ColumnTarget } from '../../../shared/api/contract';
import type { ApplicationFieldKey } from '../../../shared/domain/application-fields';
import { criteriaWithoutColumns } from '../../../shared/domain/eligibility/criterion-fields';
import { useFormat } from '../../i18n/format';
import { toLanguage } from '../../i18n/languages';
import { fieldLabel } from './mapping';

const useStyles = makeStyles({
  // The dialog's content is a column that shrinks its children to fit: a warning must keep its height.
  bar: { flexShrink: 0 },
  list: { margin: `${tokens.spacingVerticalXS} 0 0`, paddingInlineStart: tokens.spacingHorizontalL },
});

/**
 * Before anything is stored: which eligibility rules this file cannot be judged on, because no
 * column is mapped to what they read (CRITERION_FIELDS says what each reads). Shown while mapping,
 * updated as the mapping changes, and again in the preview.
 */
export function UnjudgedCriteria({ mapping }: { mapping: readonly ColumnTarget[] }) {
  const { t, i18n } = useTranslation();
  const styles = useStyles();
  const format = useFormat();
  const language = toLanguage(i18n.resolvedLanguage ?? i18n.language);
  const unjudged = useMemo(() => {
    const mapped = new Set<ApplicationFieldKey>(mapping.flatMap((target) => (target.kind === 'field' ? [target.field] : [])));
    return criteriaWithoutColumns(mapped);
  }, [mapping]);
  if (unjudged.length === 0) return null;
  const quoted = (field: ApplicationFieldKey) => t('import.unjudged.quoted', { name: fieldLabel(field, language) });
  // A set of columns needed together: "all of “First Name”, “Last Name” and “Date of Birth”".
  const whole = (set: readonly ApplicationFieldKey[]) => (set.length === 1 && set[0] ? quoted(set[0]) : t('import.unjudged.allOf', { columns: format.list(set.map(quoted)) }));
  return (
    <MessageBar intent="warning" layout="multiline" className={styles.bar} data-testid="unjudged-criteria">
      <MessageBarBody>
        <MessageBarTitle>{t('import.unjudged.title', { count: unjudged.length })}</MessageBarTitle>
        <ul className={styles.list}>
          {unjudged.map(({ criterion, missing }) => (
            <li key={criterion}>
              {t('import.unjudged.line', {
                count: missing.length,
                criterion: t(`screening.detail.criterion.${criterion}`),
                columns: format.list(missing.map((need) => (typeof need === 'string' ? quoted(need) : format.orList(need.anyOf.map(whole))))),
              })}
            </li>
          ))}
        </ul>
        {t('import.unjudged.consequence')}
      </MessageBarBody>
    </MessageBar>
  );
}
