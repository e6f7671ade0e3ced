import { makeStyles, MessageBar, MessageBarBody, MessageBarTitle, Spinner, tokens } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SettingsImpact as Impact } from '../../../shared/api/contract';
import type { CampaignSettings } from '../../../shared/domain/settings';
import { useClient } from '../../api/ClientContext';
import { useFormat } from '../../i18n/format';

const useStyles = makeStyles({
  stack: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  list: { margin: `${tokens.spacingVerticalXS} 0`, paddingInlineStart: tokens.spacingHorizontalXL },
});

/**
 * Before rules are saved: how many verdicts they would change ("changing the limit to 3 moves 12
 * applications to review"), screened in the worker without writing anything.
 */
export function SettingsImpact({ campaignId, saved, draft }: { campaignId: number; saved: CampaignSettings; draft: CampaignSettings | null }) {
  const { t } = useTranslation();
  const format = useFormat();
  const client = useClient();
  const styles = useStyles();
  // The answer remembers which draft it is for: a stale one is never shown for a newer draft.
  const [answer, setAnswer] = useState<{ key: string; impact: Impact | null } | null>(null);
  const changed = draft !== null && JSON.stringify(draft) !== JSON.stringify(saved);
  const key = changed ? JSON.stringify(draft) : '';
  const impact = answer && answer.key === key ? answer.impact : null;
  const checking = key !== '' && answer?.key !== key;

  useEffect(() => {
    if (!key) return;
    let current = true;
    // Typing a number should not screen the campaign at every keystroke.
    const timer = setTimeout(() => {
      void client.tryCall('screening.previewSettings', { campaignId, settings: JSON.parse(key) as CampaignSettings }).then((result) => {
        if (current) setAnswer({ key, impact: result.ok ? result.value : null });
      });
    }, 400);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [client, campaignId, key]);

  if (!changed) return null;
  const total = impact?.moves.reduce((n, m) => n + m.count, 0) ?? 0;
  const leaving = impact?.leavingQueues ?? [];
  const leavingTotal = leaving.reduce((n, l) => n + l.count, 0);
  return (
    <div aria-live="polite" className={styles.stack}>
      {checking ? (
        <Spinner size="tiny" label={t('settings.impact.checking')} />
      ) : (
        impact && (
          <>
            <MessageBar intent={total > 0 ? 'warning' : 'info'}>
              <MessageBarBody>
                <MessageBarTitle>{total > 0 ? t('settings.impact.title', { count: total, n: format.number(total) }) : t('settings.impact.none')}</MessageBarTitle>
                {impact.moves
                  .map((m) => t('settings.impact.move', { from: t(`screening.verdict.${m.from}`), to: t(`screening.verdict.${m.to}`), count: format.number(m.count) }))
                  .join(' · ')}
              </MessageBarBody>
            </MessageBar>
            {leavingTotal > 0 && (
              // Officers' work would leave the queues without a word otherwise (issue 9).
              <MessageBar intent="warning" layout="multiline" data-testid="impact-triage">
                <MessageBarBody>
                  <MessageBarTitle>{t('settings.impact.leavingTitle', { count: leavingTotal, n: format.number(leavingTotal) })}</MessageBarTitle>
                  <ul className={styles.list}>
                    {leaving.map((l) => (
                      <li key={`${l.stage}-${l.division ?? ''}`}>
                        {t('settings.impact.leavingLine', {
                          count: l.count,
                          n: format.number(l.count),
                          stage: t(`triageDetail.stage.${l.stage}`),
                          division: l.division ?? t('triage.unassigned'),
                        })}
                      </li>
                    ))}
                  </ul>
                  {t('settings.impact.leavingKept')}
                </MessageBarBody>
              </MessageBar>
            )}
          </>
        )
      )}
    </div>
  );
}
