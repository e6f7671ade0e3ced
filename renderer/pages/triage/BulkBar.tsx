import { Button, Menu, MenuItem, MenuList, MenuPopover, MenuTrigger, Tooltip, makeStyles, tokens } from '@fluentui/react-components';
import { DismissRegular, MoreHorizontalRegular } from '@fluentui/react-icons';
import { useTranslation } from 'react-i18next';
import { DIVISIONS, type DivisionCode } from '../../../shared/domain/divisions';
import type { Stage } from '../../../shared/domain/stages';
import { useFormat } from '../../i18n/format';

const useStyles = makeStyles({
  bar: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalXS,
    rowGap: tokens.spacingVerticalXXS,
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalS}`,
    backgroundColor: tokens.colorBrandBackground2,
    borderRadius: tokens.borderRadiusMedium,
  },
  count: { fontWeight: tokens.fontWeightSemibold, marginRight: tokens.spacingHorizontalXS, whiteSpace: 'nowrap' },
  // Fluent's 64px minimum makes short labels as wide as long ones; the bar must fit a narrow column.
  action: { minWidth: 'auto', whiteSpace: 'nowrap' },
  // Clear sits at the end of the bar, apart from the actions that change applications.
  clear: { marginLeft: 'auto' },
});

/**
 * What can be done to a selection at once: one action each, undone as one. The stage changes,
 * used on every selection, are buttons; the rarer ones (score, assignment, division) sit in a
 * "More" menu so the bar stays on one or two lines in the narrow middle column.
 */
export function BulkBar({
  count,
  showDivision,
  onStage,
  onScore,
  onAssignToMe,
  onUnassign,
  onDivision,
  onClear,
}: {
  count: number;
  showDivision: boolean;
  onStage(stage: Stage): void;
  onScore(score: number | null): void;
  onAssignToMe(): void;
  onUnassign(): void;
  onDivision(division: DivisionCode): void;
  onClear(): void;
}) {
  const styles = useStyles();
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <div className={styles.bar} role="toolbar" aria-label={t('triage.bulk.label', { count, formatted: format.number(count) })} data-testid="bulk-bar">
      <span className={styles.count} aria-live="polite">
        {t('triage.bulk.selected', { count, formatted: format.number(count) })}
      </span>
      <Button size="small" className={styles.action} onClick={() => onStage('proposed')}>
        {t('triage.bulk.propose')}
      </Button>
      <Button size="small" className={styles.action} onClick={() => onStage('notRetained')}>
        {t('triage.bulk.notRetained')}
      </Button>
      <Button size="small" className={styles.action} onClick={() => onStage('inReview')}>
        {t('triage.bulk.inReview')}
      </Button>
      <Button size="small" className={styles.action} onClick={() => onStage('new')}>
        {t('triage.bulk.backToNew')}
      </Button>
      <Menu>
        <MenuTrigger disableButtonEnhancement>
          <Button size="small" className={styles.action} icon={<MoreHorizontalRegular />}>
            {t('triage.bulk.more')}
          </Button>
        </MenuTrigger>
        <MenuPopover>
          <MenuList>
            <Menu>
              <MenuTrigger disableButtonEnhancement>
                <MenuItem>{t('triage.bulk.score')}</MenuItem>
              </MenuTrigger>
              <MenuPopover>
                <MenuList>
                  {[1, 2, 3, 4, 5].map((s) => (
                    <MenuItem key={s} onClick={() => onScore(s)}>
                      {t('triage.bulk.scoreValue', { score: s })}
                    </MenuItem>
                  ))}
                  <MenuItem onClick={() => onScore(null)}>{t('triage.bulk.scoreClear')}</MenuItem>
                </MenuList>
              </MenuPopover>
            </Menu>
            <MenuItem onClick={onAssignToMe}>{t('triage.bulk.assignToMe')}</MenuItem>
            <MenuItem onClick={onUnassign}>{t('triage.bulk.unassign')}</MenuItem>
            {showDivision ? (
              <Menu>
                <MenuTrigger disableButtonEnhancement>
                  <MenuItem>{t('triage.bulk.division')}</MenuItem>
                </MenuTrigger>
                <MenuPopover>
                  <MenuList>
                    {DIVISIONS.map((d) => (
                      <MenuItem key={d.code} onClick={() => onDivision(d.code)}>
                        {d.code}
                      </MenuItem>
                    ))}
                  </MenuList>
                </MenuPopover>
              </Menu>
            ) : null}
          </MenuList>
        </MenuPopover>
      </Menu>
      {/* Icon only to save room; the tooltip is its accessible name. */}
      <Tooltip content={t('triage.bulk.clear')} relationship="label">
        <Button size="small" appearance="subtle" className={styles.clear} icon={<DismissRegular />} onClick={onClear} />
      </Tooltip>
    </div>
  );
}
