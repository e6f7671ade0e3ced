import { Select, makeStyles, tokens, useId, Label } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { changeLanguage } from '../i18n';
import { isLanguage, toLanguage } from '../i18n/languages';

const useStyles = makeStyles({
  root: { display: 'flex', alignItems: 'center', columnGap: tokens.spacingHorizontalS },
});

/** English / Français; the choice is remembered and sets the page's lang attribute. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const styles = useStyles();
  const id = useId('language');
  const current = toLanguage(i18n.resolvedLanguage ?? i18n.language);
  return (
    <div className={styles.root}>
      <Label htmlFor={id}>{t('language.label')}</Label>
      <Select
        id={id}
        value={current}
        onChange={(_e, data) => {
          if (isLanguage(data.value)) void changeLanguage(data.value);
        }}
      >
        {/* Each language named in itself, as people look for their own. */}
        <option value="en" lang="en">
          {t('language.en')}
        </option>
        <option value="fr" lang="fr">
          {t('language.fr')}
        </option>
      </Select>
    </div>
  );
}
