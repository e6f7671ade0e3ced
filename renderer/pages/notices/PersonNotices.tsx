import { makeStyles, tokens } from '@fluentui/react-components';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { PersonNoticeView } from '../../../shared/api/triage';
import { useFormat } from '../../i18n/format';
import { useNoticeWords } from './noticeWords';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  list: { margin: 0, paddingInlineStart: 0, listStyle: 'none', display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  when: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  superseded: { color: tokens.colorPaletteDarkOrangeForeground1, fontWeight: tokens.fontWeightSemibold },
});

/**
 * The outcome notices the person was given (for all of their applications), newest first: what
 * each told, in which language, and what became of it. A superseded one says so: a decision
 * changed after it went out, and a new notice is owed.
 */
export function PersonNotices({ notices }: { notices: PersonNoticeView[] }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const format = useFormat();
  const words = useNoticeWords();
  const headingId = useId();
  if (notices.length === 0) return null;
  return (
    <section className={styles.section} aria-labelledby={headingId} data-testid="person-notices">
      <h3 className={styles.heading} id={headingId}>
        {t('triageDetail.notices.heading')}
      </h3>
      <ol className={styles.list}>
        {notices.map((n) => {
          const steps = [
            t('triageDetail.notices.prepared', { date: format.dateTime(n.preparedAt) }),
            n.sentAt ? t('triageDetail.notices.sent', { date: format.dateTime(n.sentAt) }) : null,
            n.bouncedAt ? t('triageDetail.notices.bounced', { date: format.dateTime(n.bouncedAt) }) : null,
            n.resentAt ? t('triageDetail.notices.resent', { date: format.dateTime(n.resentAt) }) : null,
          ].filter((s): s is string => s !== null);
          return (
            <li key={n.id}>
              <div>
                {t('triageDetail.notices.what', { outcome: words.outcome(n.outcome), language: t(`notices.language.${n.language}`), state: words.state(n.state) })}
                {n.state === 'superseded' ? <span className={styles.superseded}> · {t('triageDetail.notices.supersededNote')}</span> : null}
              </div>
              <div className={styles.when}>{steps.join(' · ')}</div>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
