import { Badge, makeStyles, mergeClasses, shorthands, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { ShortlistState, ShortlistSummary } from '../../../shared/api/shortlists';
import { useShortlistWords } from './shortlistWords';

const useStyles = makeStyles({
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXS },
  item: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalXXS,
    width: '100%',
    textAlign: 'start',
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
    font: 'inherit',
    cursor: 'pointer',
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover },
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
  },
  chosen: { ...shorthands.borderColor(tokens.colorBrandStroke1), backgroundColor: tokens.colorBrandBackground2, ':hover': { backgroundColor: tokens.colorBrandBackground2Hover } },
  top: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalXXS },
  badge: { whiteSpace: 'nowrap', flexShrink: 0 },
  title: { fontWeight: tokens.fontWeightSemibold },
  meta: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  attention: { color: tokens.colorPaletteRedForeground1, fontSize: tokens.fontSizeBase200, fontWeight: tokens.fontWeightSemibold },
});

const STATE_COLOUR: Record<ShortlistState, 'informative' | 'brand' | 'success' | 'subtle'> = {
  draft: 'informative',
  sent: 'brand',
  replied: 'success',
  closed: 'subtle',
};

/** The campaign's shortlists, each with where it stands ("reply overdue" stands out). */
export function ShortlistList({ lists, chosen, onChoose }: { lists: ShortlistSummary[]; chosen: number | null; onChoose: (id: number) => void }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const words = useShortlistWords();
  const now = new Date().toISOString();
  return (
    <nav aria-label={t('shortlists.listLabel')}>
      <ul className={styles.list}>
        {lists.map((list) => {
          const status = words.status(list, now);
          return (
            <li key={list.id}>
              <button type="button" className={mergeClasses(styles.item, list.id === chosen && styles.chosen)} aria-current={list.id === chosen ? 'true' : undefined} onClick={() => onChoose(list.id)}>
                <span className={styles.top}>
                  <span className={styles.title}>{words.title(list)}</span>
                  <Badge appearance="tint" color={STATE_COLOUR[list.state]} size="small" className={styles.badge}>
                    {t(`shortlists.state.${list.state}`)}
                  </Badge>
                </span>
                <span className={styles.meta}>{t('shortlists.candidates', { count: list.candidates })}</span>
                <span className={status.attention ? styles.attention : styles.meta}>{status.text}</span>
              </button>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
