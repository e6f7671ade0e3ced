import { Button, Menu, MenuItem, MenuList, MenuPopover, MenuTrigger, makeStyles, tokens } from '@fluentui/react-components';
import { DismissRegular } from '@fluentui/react-icons';
import { useTranslation } from 'react-i18next';
import { DIVISIONS, type DivisionCode } from '../../../shared/domain/divisions';
import type { Stage } from '../../../shared/domain/stages';
import { useFormat } from '../../i18n/format';
import { useTriageWords } from './triageWords';

const useStyles = makeStyles({
  bar: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXS,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    backgroundColor: tokens.colorBrandBackground2,
    borderRadius: tokens.borderRadiusMedium,
  },
  count: { fontWeight: tokens.fontWeightSemibold, marginRight: tokens.spacingHorizontalS },
});

/** What can be done to a selection at once: one action each, undone as one. */
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
  const words = useTriageWords();
  return (
    <div className={styles.bar} role="toolbar" aria-label={t('triage.bulk.label', { count, formatted: format.number(count) })} data-testid="bulk-bar">
      <span className={styles.count} aria-live="polite">
        {t('triage.bulk.selected', { count, formatted: format.number(count) })}
      </span>
      <Button size="small" onClick={() => onStage('proposed')}>
        {words.stage('proposed')}
      </Button>
      <Button size="small" onClick={() => onStage('notRetained')}>
        {words.stage('notRetained')}…
      </Button>
      <Button size="small" onClick={() => onStage('inReview')}>
        {words.stage('inReview')}
      </Button>
      <Button size="small" onClick={() => onStage('new')}>
        {t('triage.bulk.backToNew')}
      </Button>
      <Menu>
        <MenuTrigger disableButtonEnhancement>
          <Button size="small">{t('triage.bulk.score')}</Button>
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
      <Button size="small" onClick={onAssignToMe}>
        {t('triage.bulk.assignToMe')}
      </Button>
      <Button size="small" onClick={onUnassign}>
        {t('triage.bulk.unassign')}
      </Button>
      {showDivision ? (
        <Menu>
          <MenuTrigger disableButtonEnhancement>
            <Button size="small">{t('triage.bulk.division')}</Button>
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
      <Button size="small" appearance="subtle" icon={<DismissRegular />} onClick={onClear}>
        {t('triage.bulk.clear')}
      </Button>
    </div>
  );
}
