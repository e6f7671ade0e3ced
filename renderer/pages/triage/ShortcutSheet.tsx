import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, DialogTrigger, makeStyles, tokens } from '@fluentui/react-components';
import type { TFunction } from 'i18next';
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import type en from '../../i18n/en.json';

/** Names of keys that differ by language ("Shift" is "Maj" on a French keyboard). */
type KeyName = keyof (typeof en)['triageDetail']['shortcuts']['key'];
/** One key: a letter or sign as printed on the keyboard, or a named key. */
type Key = string | { name: KeyName };
/** Keys pressed together. */
type Combo = Key[];
type Action = Exclude<keyof (typeof en)['triageDetail']['shortcuts'], 'key' | 'title' | 'intro' | 'caption' | 'colKeys' | 'colAction' | 'or' | `group${string}`>;

interface Shortcut {
  /** Alternatives: any one of these combos does it. */
  keys: Combo[];
  action: Action;
}

/** macOS says ⌘ where Windows says Ctrl. */
const IS_MAC = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.userAgent);
const shift: Key = { name: 'shift' };
const mod: Key = { name: IS_MAC ? 'cmd' : 'ctrl' };

/** Every shortcut of the triage page (useTriageKeys.ts decides what each key does; keep the two in step). */
const GROUPS: { title: 'groupMove' | 'groupDecide' | 'groupSelect' | 'groupOther'; shortcuts: Shortcut[] }[] = [
  {
    title: 'groupMove',
    shortcuts: [
      { keys: [['J'], [{ name: 'down' }]], action: 'next' },
      { keys: [['K'], [{ name: 'up' }]], action: 'previous' },
      { keys: [['[']], action: 'previousCriterion' },
      { keys: [[']']], action: 'nextCriterion' },
    ],
  },
  {
    title: 'groupDecide',
    shortcuts: [
      { keys: [['S']], action: 'propose' },
      { keys: [['X']], action: 'notRetained' },
      { keys: [['I']], action: 'inReview' },
      { keys: [['1–5']], action: 'score' },
      { keys: [['N']], action: 'note' },
      { keys: [['A']], action: 'assign' },
      { keys: [['U']], action: 'undo' },
    ],
  },
  {
    title: 'groupSelect',
    shortcuts: [
      { keys: [[shift, 'J'], [shift, { name: 'down' }]], action: 'extendDown' },
      { keys: [[shift, 'K'], [shift, { name: 'up' }]], action: 'extendUp' },
      { keys: [[{ name: 'space' }]], action: 'toggle' },
      { keys: [[mod, 'A']], action: 'selectAll' },
      { keys: [[{ name: 'esc' }]], action: 'escape' },
    ],
  },
  {
    title: 'groupOther',
    shortcuts: [
      { keys: [['/']], action: 'search' },
      { keys: [['?']], action: 'help' },
    ],
  },
];

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
              {GROUPS.map((group) => (
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
