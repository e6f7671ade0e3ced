import { Dropdown, Field, Input, Option, Radio, RadioGroup, SpinButton, Textarea } from '@fluentui/react-components';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ShortlistCandidate } from '../../../shared/api/shortlists';
import { TEXT_LIMITS } from '../../../shared/api/text-limits';
import { INTERVIEW_MODES, SESSIONS, type InterviewMode, type SelectionMove, type Session } from '../../../shared/domain/selection-moves';
import { useClient } from '../../api/ClientContext';
import { useApiMutation } from '../../api/hooks';
import { DateField } from '../../components/DateField';
import { fieldIssues } from '../../components/fieldIssues';
import { FormDialog, FormDialogForm } from '../../components/FormDialog';
import { useNotify } from '../../components/Notify';
import { applicantName } from '../triage/triageWords';
import { useShortlistWords } from './shortlistWords';

export interface MoveRequest {
  campaignId: number;
  candidate: ShortlistCandidate;
  move: SelectionMove;
}

/** Moves that record a reason (optional): the ways an application leaves the running. */
const WITH_REASON: readonly SelectionMove[] = ['notSelect', 'declineOffer', 'withdraw', 'withdrawOffer'];
const TIME = /^\d{2}:\d{2}$/;

/** One move after triage, with what it records: the interview's when and how, the session, the reserve rank, a reason. */
export function MoveDialog({ request, onClose }: { request: MoveRequest | null; onClose: () => void }) {
  return (
    <FormDialog open={request !== null} onClose={onClose}>
      {request ? <MoveForm request={request} onDone={onClose} /> : null}
    </FormDialog>
  );
}

function MoveForm({ request, onDone }: { request: MoveRequest; onDone: () => void }) {
  const { t } = useTranslation();
  const words = useShortlistWords();
  const notify = useNotify();
  const client = useClient();
  const run = useApiMutation('selection.move');
  const { candidate, move, campaignId } = request;
  const [date, setDate] = useState(candidate.interviewDate ?? '');
  const [time, setTime] = useState(candidate.interviewTime ?? '');
  const [mode, setMode] = useState<InterviewMode | null>(null);
  const [interviewer, setInterviewer] = useState('');
  const [place, setPlace] = useState('');
  const [session, setSession] = useState<Session>('september');
  const [startDate, setStartDate] = useState('');
  const [rank, setRank] = useState<number | null>(null);
  const [reason, setReason] = useState('');
  const [tried, setTried] = useState(false);

  const dateMissing = move === 'interview' && date === '';
  const timeWrong = move === 'interview' && time.trim() !== '' && !TIME.test(time.trim());

  async function submit() {
    setTried(true);
    if (dateMissing || timeWrong) return;
    const result = await run.run({
      refs: [candidate.ref],
      move,
      // What the officer sees: refused, with who and when, if someone moved the candidate meanwhile.
      seen: [{ ref: candidate.ref, version: candidate.version }],
      ...(move === 'interview'
        ? { interview: { date, time: time.trim() === '' ? null : time.trim(), mode, interviewer: interviewer.trim() || null, place: place.trim() || null } }
        : {}),
      ...(move === 'select' ? { session, ...(startDate ? { startDate } : {}) } : {}),
      ...(move === 'reserve' && rank !== null ? { reserveRank: rank } : {}),
      ...(WITH_REASON.includes(move) && reason.trim() !== '' ? { reason: reason.trim() } : {}),
    });
    if (!result.ok) return;
    const { withdrawnElsewhere } = result.value;
    notify.success(
      t('shortlists.moveDone', { move: words.move(move), label: `${candidate.candidateCode} ${applicantName(candidate)}` }),
      withdrawnElsewhere.length > 0 ? t('shortlists.withdrawnElsewhere', { count: withdrawnElsewhere.length }) : undefined,
      { label: t('shortlists.undo'), run: () => void client.tryCall('triage.undo', { campaignId }) },
    );
    onDone();
  }

  const issues = fieldIssues(run.error);
  const general = run.error && issues.size === 0 ? run.error : null;
  const dateMessage = tried && dateMissing ? t('shortlists.moveDialog.dateMissing') : issues.get('interview.date');
  const timeMessage = tried && timeWrong ? t('shortlists.moveDialog.timeWrong') : issues.get('interview.time');
  return (
    <FormDialogForm
      title={t('shortlists.moveDialog.title', { move: words.move(move), label: `${candidate.candidateCode} ${applicantName(candidate)}` })}
      submitLabel={words.move(move)}
      onSubmit={submit}
      error={general}
      busy={run.pending}
    >
      <p>{t(`shortlists.moveExplain.${move}`)}</p>
      {move === 'interview' ? (
        <>
          <Field label={t('shortlists.moveDialog.date')} required validationMessage={dateMessage} validationState={dateMessage ? 'error' : 'none'}>
            <DateField autoFocus value={date} onValueChange={setDate} />
          </Field>
          <Field label={t('shortlists.moveDialog.time')} hint={t('shortlists.moveDialog.timeHint')} validationMessage={timeMessage} validationState={timeMessage ? 'error' : 'none'}>
            <Input value={time} maxLength={5} placeholder="14:30" onChange={(_e, d) => setTime(d.value)} />
          </Field>
          <Field label={t('shortlists.moveDialog.mode')}>
            <Dropdown
              value={mode ? t(`shortlists.mode.${mode}`) : ''}
              selectedOptions={mode ? [mode] : []}
              placeholder={t('shortlists.moveDialog.modePlaceholder')}
              onOptionSelect={(_e, d) => setMode((d.optionValue as InterviewMode | undefined) ?? null)}
            >
              {INTERVIEW_MODES.map((m) => (
                <Option key={m} value={m}>
                  {t(`shortlists.mode.${m}`)}
                </Option>
              ))}
            </Dropdown>
          </Field>
          <Field label={t('shortlists.moveDialog.interviewer')}>
            <Input value={interviewer} maxLength={TEXT_LIMITS.interviewer.max} onChange={(_e, d) => setInterviewer(d.value)} />
          </Field>
          <Field label={t('shortlists.moveDialog.place')} hint={t('shortlists.moveDialog.placeHint')}>
            <Input value={place} maxLength={TEXT_LIMITS.interviewPlace.max} onChange={(_e, d) => setPlace(d.value)} />
          </Field>
        </>
      ) : null}
      {move === 'select' ? (
        <>
          <Field label={t('shortlists.moveDialog.session')}>
            <RadioGroup value={session} onChange={(_e, d) => setSession(d.value === 'march' ? 'march' : 'september')}>
              {SESSIONS.map((s) => (
                <Radio key={s} value={s} label={t(`shortlists.session.${s}`)} />
              ))}
            </RadioGroup>
          </Field>
          <Field label={t('shortlists.moveDialog.startDate')} validationMessage={issues.get('startDate')}>
            <DateField value={startDate} onValueChange={setStartDate} />
          </Field>
        </>
      ) : null}
      {move === 'reserve' ? (
        <Field label={t('shortlists.moveDialog.rank')} hint={t('shortlists.moveDialog.rankHint')}>
          <SpinButton autoFocus min={1} max={1000} value={rank} onChange={(_e, d) => setRank(d.value ?? (d.displayValue ? Number(d.displayValue) || null : null))} />
        </Field>
      ) : null}
      {WITH_REASON.includes(move) ? (
        <Field label={t('shortlists.moveDialog.reason')} validationMessage={issues.get('reason')}>
          <Textarea autoFocus value={reason} maxLength={TEXT_LIMITS.moveReason.max} resize="vertical" onChange={(_e, d) => setReason(d.value)} />
        </Field>
      ) : null}
    </FormDialogForm>
  );
}
