import { Button, Field, Input, makeStyles, tokens } from '@fluentui/react-components';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { RetentionState } from '../../../shared/api/privacy';
import { useApiMutation } from '../../api/hooks';
import { DateField } from '../../components/DateField';
import { ErrorBar } from '../../components/ErrorBar';
import { fieldIssues } from '../../components/fieldIssues';
import { useNotify } from '../../components/Notify';

/** The contract's bounds on the months kept. */
const MIN_MONTHS = 1;
const MAX_MONTHS = 120;

const useStyles = makeStyles({
  form: { display: 'flex', flexWrap: 'wrap', alignItems: 'start', columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalS },
  date: { width: '10rem' },
  months: { width: '7rem' },
  // Level with the inputs, not with their labels.
  button: { marginTop: '1.625rem' },
  error: { flexBasis: '100%' },
});

/** Closes the campaign on a day (or reopens it) and sets how many months its personal data is kept after. */
export function RetentionForm({ retention }: { retention: RetentionState }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const notify = useNotify();
  const save = useApiMutation('privacy.setRetention');
  const [closedOn, setClosedOn] = useState(retention.closedOn ?? '');
  const [months, setMonths] = useState(String(retention.retentionMonths));
  const [tried, setTried] = useState(false);

  // Saved elsewhere (another window): the form shows what is stored, unless the officer is editing it.
  const [shownFor, setShownFor] = useState(retention);
  if (retention !== shownFor) {
    setShownFor(retention);
    if (closedOn === (shownFor.closedOn ?? '')) setClosedOn(retention.closedOn ?? '');
    if (months === String(shownFor.retentionMonths)) setMonths(String(retention.retentionMonths));
  }

  const monthsNumber = Number(months);
  const monthsWrong = !Number.isInteger(monthsNumber) || monthsNumber < MIN_MONTHS || monthsNumber > MAX_MONTHS;
  const changed = closedOn !== (retention.closedOn ?? '') || months.trim() !== String(retention.retentionMonths);
  const issues = fieldIssues(save.error);
  const monthsMessage = tried && monthsWrong ? t('privacy.retention.monthsRange', { min: MIN_MONTHS, max: MAX_MONTHS }) : issues.get('retentionMonths');
  // Closed, an empty day would reopen it: that has its own button, so the day is asked for.
  const dateMissing = retention.closedOn !== null && closedOn === '';
  const dateMessage = tried && dateMissing ? t('privacy.retention.dateMissing') : issues.get('closedOn');
  const general = save.error && !issues.has('retentionMonths') && !issues.has('closedOn') ? save.error : null;

  async function send(next: { closedOn: string | null; retentionMonths?: number }, done: string) {
    const result = await save.run({ campaignId: retention.campaignId, ...next });
    if (result.ok) notify.success(done);
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    setTried(true);
    if (monthsWrong || dateMissing) return;
    void send({ closedOn: closedOn === '' ? null : closedOn, retentionMonths: monthsNumber }, t('privacy.retention.saved'));
  }

  function reopen() {
    setClosedOn('');
    void send({ closedOn: null }, t('privacy.retention.reopened'));
  }

  return (
    <form className={styles.form} onSubmit={submit} aria-label={t('privacy.retention.formLabel')} noValidate>
      <Field label={t(retention.closedOn === null ? 'privacy.retention.closeOn' : 'privacy.retention.closedOnField')} hint={retention.closedOn === null ? t('privacy.retention.closeOnHint') : undefined} validationMessage={dateMessage} validationState={dateMessage ? 'error' : 'none'}>
        <DateField className={styles.date} value={closedOn} onValueChange={setClosedOn} />
      </Field>
      <Field label={t('privacy.retention.months')} validationMessage={monthsMessage} validationState={monthsMessage ? 'error' : 'none'}>
        <Input className={styles.months} type="number" min={MIN_MONTHS} max={MAX_MONTHS} value={months} onChange={(_e, d) => setMonths(d.value)} />
      </Field>
      <Button className={styles.button} type="submit" appearance="primary" disabled={!changed || save.pending}>
        {t('privacy.retention.save')}
      </Button>
      {retention.closedOn !== null ? (
        <Button className={styles.button} onClick={reopen} disabled={save.pending}>
          {t('privacy.retention.reopen')}
        </Button>
      ) : null}
      {general ? <ErrorBar className={styles.error} error={general} /> : null}
    </form>
  );
}
