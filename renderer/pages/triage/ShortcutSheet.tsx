import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, DialogTrigger, makeStyles, tokens } from '@fluentui/react-components';
import type { TFunction } from 'i18next';
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import { SHORTCUT_GROUPS, type Combo, type Key } from './shortcuts';

const useStyles = makeStyles({
  surface: { maxWidth: '40rem' },
  content: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM },
  intro: { margin: 0 },
  table: { borderCollapse: 'collapse', width: '100%' },
  caption: { textAlign: 'start', fontWeight: tokens.fontWeightSemibold, paddingBottom: tokens.spacingVerticalS },
  headCell: { textAlign: 'start', fontWeight: tokens.fontWeightSemibold, padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`, borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}` },
  groupCell: { textAlign: 'start', fontWeight: tokens.fontWeightSemibold, color: tokens.colorNeutralForeground3, padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalS} ${tokens.spacingVerticalXXS}` },
  keysCell: { textAlign: 'start', fontWeight: tokens.fontWeightRegular, whiteSpace: 'nowrap', padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalS}`, verticalAlign: 'top' },
  actionCell: { padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalS}`, verticalAlign: 'top' },
  kbd: {
    display: 'inline-block',
    minWidth: '1.5em',
    textAlign: 'center',
    padding: `0 ${tokens.spacingHorizontalXS}`,
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase300,
    color: tokens.colorNeutralForeground1,
    backgroundColor: tokens.colorNeutralBackground3,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderBottomWidth: tokens.strokeWidthThick,
    borderRadius: tokens.borderRadiusSmall,
  },
  or: { color: tokens.colorNeutralForeground3, padding: `0 ${tokens.spacingHorizontalXS}` },
});

/** Every keyboard shortcut of the triage page, in a dialog (opened with "?"). */
export function ShortcutSheet({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const styles = useStyles();
  return (
    <Dialog open={open} onOpenChange={(_e, data) => (data.open ? undefined : onClose())}>
      <DialogSurface className={styles.surface}>
        <DialogBody>
          <DialogTitle>{t('triageDetail.shortcuts.title')}</DialogTitle>
          <DialogContent className={styles.content}>
            <p className={styles.intro}>{t('triageDetail.shortcuts.intro')}</p>
            <table className={styles.table} data-testid="shortcut-table">
              <caption className={styles.caption}>{t('triageDetail.shortcuts.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col" className={styles.headCell}>
                    {t('triageDetail.shortcuts.colKeys')}
                  </th>
                  <th scope="col" className={styles.headCell}>
                    {t('triageDetail.shortcuts.colAction')}
                  </th>
                </tr>
              </thead>
              {SHORTCUT_GROUPS.map((group) => (
                <tbody key={group.title}>
                  <tr>
                    <th scope="colgroup" colSpan={2} className={styles.groupCell}>
                      {t(`triageDetail.shortcuts.${group.title}`)}
                    </th>
                  </tr>
                  {group.shortcuts.map((shortcut) => (
                    <tr key={shortcut.action}>
                      <th scope="row" className={styles.keysCell}>
                        <Alternatives combos={shortcut.keys} />
                      </th>
                      <td className={styles.actionCell}>{t(`triageDetail.shortcuts.${shortcut.action}`)}</td>
                    </tr>
                  ))}
                </tbody>
              ))}
            </table>
          </DialogContent>
          <DialogActions>
            <DialogTrigger disableButtonEnhancement>
              <Button appearance="primary">{t('common.close')}</Button>
            </DialogTrigger>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}

function Alternatives({ combos }: { combos: Combo[] }) {
  const { t } = useTranslation();
  const styles = useStyles();
  return (
    <>
      {combos.map((combo, i) => (
        <Fragment key={i}>
          {i > 0 ? <span className={styles.or}>{t('triageDetail.shortcuts.or')}</span> : null}
          {/* Nested <kbd>: the HTML way to write keys pressed together. */}
          <kbd>
            {combo.map((key, j) => (
              <Fragment key={j}>
                {j > 0 ? '+' : null}
                <kbd className={styles.kbd}>{keyText(key, t)}</kbd>
              </Fragment>
            ))}
          </kbd>
        </Fragment>
      ))}
    </>
  );
}

function keyText(key: Key, t: TFunction): string {
  if (typeof key === 'string') return key;
  return t(`triageDetail.shortcuts.key.${key.name}`);
}
