import { Button, Field, Input, Radio, RadioGroup, Select, Spinner, Text } from '@fluentui/react-components';
import { DateField } from '../../components/DateField';
import { SaveRegular } from '@fluentui/react-icons';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Campaign } from '../../../shared/api/contract';
import type { AppErrorData } from '../../../shared/api/errors';
import { campaignSettingsSchema, type CampaignSettings } from '../../../shared/domain/settings';
import { useApiMutation } from '../../api/hooks';
import { ErrorBar } from '../../components/ErrorBar';
import { fieldIssues } from '../../components/fieldIssues';
import { useNotify } from '../../components/Notify';
import { useFormat } from '../../i18n/format';
import { useSectionStyles } from './formStyles';
import { SettingsImpact } from './SettingsImpact';
import { fieldMessage, isFieldPath, RANGES, type FieldPath } from './settingsValidation';
import { TEXT_LIMITS } from '../../../shared/api/text-limits';

/** What the user typed; numbers stay text until Save so a half-typed value is never lost. */
interface Draft {
  name: string;
  natoFundedDeadline: string;
  eligibilityJudgedOn: CampaignSettings['eligibilityJudgedOn'];
  minimumAge: string;
  applicationLimit: string;
  requiredLanguageLevel: CampaignSettings['requiredLanguageLevel'];
}

const LEVELS = campaignSettingsSchema.shape.requiredLanguageLevel.options;
const JUDGED_ON = campaignSettingsSchema.shape.eligibilityJudgedOn.options;

function toDraft(campaign: Campaign): Draft {
  const s = campaign.settings;
  return {
    name: campaign.name,
    natoFundedDeadline: s.natoFundedDeadline,
    eligibilityJudgedOn: s.eligibilityJudgedOn,
    minimumAge: String(s.minimumAge),
    applicationLimit: String(s.applicationLimit),
    requiredLanguageLevel: s.requiredLanguageLevel,
  };
}

/** Browsers drop ":00" seconds from datetime-local values; the setting always has them. */
function withSeconds(value: string): string {
  return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(value) ? `${value}:00` : value;
}

/** Text to number only when it is plainly a whole number; anything else fails the schema as NaN. */
function toNumber(text: string): number {
  return /^\s*-?\d+\s*$/.test(text) ? Number(text) : Number.NaN;
}

function toSettings(draft: Draft, timeZone: CampaignSettings['deadlineTimeZone']): CampaignSettings {
  return {
    natoFundedDeadline: withSeconds(draft.natoFundedDeadline),
    deadlineTimeZone: timeZone,
    eligibilityJudgedOn: draft.eligibilityJudgedOn,
    minimumAge: toNumber(draft.minimumAge),
    applicationLimit: toNumber(draft.applicationLimit),
    requiredLanguageLevel: draft.requiredLanguageLevel,
  };
}

/** Checks the draft with the API's own schema before sending, so most mistakes never leave the form. */
function localProblems(draft: Draft, settings: CampaignSettings): Set<FieldPath> {
  const problems = new Set<FieldPath>();
  const name = draft.name.trim();
  if (name.length === 0 || name.length > 200) problems.add('name');
  const result = campaignSettingsSchema.safeParse(settings);
  if (!result.success) {
    for (const issue of result.error.issues) {
      const path = ['settings', ...issue.path.map(String)].join('.');
      if (isFieldPath(path)) problems.add(path);
    }
  }
  return problems;
}

export function CampaignSettingsForm({ campaign }: { campaign: Campaign }) {
  const { t } = useTranslation();
  const styles = useSectionStyles();
  const notify = useNotify();
  const format = useFormat();
  const [draft, setDraft] = useState<Draft>(() => toDraft(campaign));
  const [problems, setProblems] = useState<Set<FieldPath>>(new Set());
  const [error, setError] = useState<AppErrorData | null>(null);
  const update = useApiMutation('campaign.update');
  const saving = update.pending;

  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));

  async function save(event: FormEvent) {
    event.preventDefault();
    setError(null);
    const settings = toSettings(draft, campaign.settings.deadlineTimeZone);
    const local = localProblems(draft, settings);
    setProblems(local);
    if (local.size > 0) return;

    const result = await update.run({ campaignId: campaign.id, name: draft.name.trim(), settings });
    if (result.ok) {
      setDraft(toDraft(result.value));
      notify.success(t('settings.saved'));
      return;
    }
    // The API's field-level problems go next to their fields; anything else above Save.
    const apiPaths = [...fieldIssues(result.error).keys()].filter(isFieldPath);
    setProblems(new Set(apiPaths));
    setError(apiPaths.length > 0 ? null : result.error);
  }

  function reset() {
    setDraft(toDraft(campaign));
    setProblems(new Set());
    setError(null);
  }

  const fieldProps = (path: FieldPath) =>
    problems.has(path)
      ? { validationMessage: fieldMessage(t, path), validationState: 'error' as const }
      : { validationState: 'none' as const };
  const deadlineWhen = format.longDateTime(withSeconds(draft.natoFundedDeadline));

  return (
    <form className={styles.section} onSubmit={(e) => void save(e)} noValidate aria-labelledby="campaign-settings-title">
      <h2 className={styles.heading} id="campaign-settings-title">
        {t('settings.campaignTitle')}
      </h2>
      <p className={styles.intro}>{t('settings.campaignIntro')}</p>

      <Field label={t('settings.name')} required {...fieldProps('name')}>
        <Input value={draft.name} maxLength={TEXT_LIMITS.campaignName.max} onChange={(_e, d) => set('name', d.value)} />
      </Field>

      <div className={styles.row}>
        <Field
          label={t('settings.natoFundedDeadline')}
          // Typed day first as the interface's language writes it; the hint says the moment in words.
          hint={deadlineWhen ? t('settings.natoFundedDeadlineHint', { when: deadlineWhen }) : t('settings.deadlineTimeZoneHint')}
          required
          {...fieldProps('settings.natoFundedDeadline')}
        >
          <DateField withTime value={draft.natoFundedDeadline} onValueChange={(iso) => set('natoFundedDeadline', iso)} />
        </Field>
        <Field label={t('settings.deadlineTimeZone')} hint={t('settings.deadlineTimeZoneHint')} {...fieldProps('settings.deadlineTimeZone')}>
          {/* One possible value today (the schema's literal): shown as text, not as a field to type in. */}
          <Text data-testid="deadline-time-zone">
            {t('settings.deadlineTimeZoneValue', { zone: campaign.settings.deadlineTimeZone })}
          </Text>
        </Field>
      </div>

      <Field label={t('settings.eligibilityJudgedOn')} {...fieldProps('settings.eligibilityJudgedOn')}>
        <RadioGroup
          value={draft.eligibilityJudgedOn}
          onChange={(_e, d) => {
            const value = JUDGED_ON.find((v) => v === d.value);
            if (value) set('eligibilityJudgedOn', value);
          }}
        >
          <Radio value="applicationDate" label={t('settings.judgedOnApplicationDate')} />
          <Radio value="deadline" label={t('settings.judgedOnDeadline')} />
        </RadioGroup>
      </Field>

      <div className={styles.row}>
        <Field label={t('settings.minimumAge')} hint={t('settings.minimumAgeHint')} required {...fieldProps('settings.minimumAge')}>
          <Input
            type="number"
            min={RANGES.minimumAge.min}
            max={RANGES.minimumAge.max}
            inputMode="numeric"
            value={draft.minimumAge}
            onChange={(_e, d) => set('minimumAge', d.value)}
          />
        </Field>
        <Field
          label={t('settings.applicationLimit')}
          hint={t('settings.applicationLimitHint')}
          required
          {...fieldProps('settings.applicationLimit')}
        >
          <Input
            type="number"
            min={RANGES.applicationLimit.min}
            max={RANGES.applicationLimit.max}
            inputMode="numeric"
            value={draft.applicationLimit}
            onChange={(_e, d) => set('applicationLimit', d.value)}
          />
        </Field>
      </div>

      <Field
        label={t('settings.requiredLanguageLevel')}
        hint={t('settings.requiredLanguageLevelHint')}
        {...fieldProps('settings.requiredLanguageLevel')}
      >
        <Select
          value={draft.requiredLanguageLevel}
          onChange={(_e, d) => {
            const value = LEVELS.find((v) => v === d.value);
            if (value) set('requiredLanguageLevel', value);
          }}
        >
          <option value="B2">{t('settings.levelB2')}</option>
          <option value="C1">{t('settings.levelC1')}</option>
          <option value="C2">{t('settings.levelC2')}</option>
          <option value="native">{t('settings.levelNative')}</option>
        </Select>
      </Field>

      <SettingsImpact
        campaignId={campaign.id}
        saved={campaign.settings}
        draft={(() => {
          const settings = toSettings(draft, campaign.settings.deadlineTimeZone);
          return campaignSettingsSchema.safeParse(settings).success ? settings : null;
        })()}
      />
      {error ? <ErrorBar error={error} /> : null}
      <div className={styles.actions}>
        <Button appearance="primary" type="submit" icon={saving ? <Spinner size="tiny" /> : <SaveRegular />} disabled={saving}>
          {t('settings.save')}
        </Button>
        <Button type="button" disabled={saving} onClick={reset}>
          {t('settings.reset')}
        </Button>
      </div>
    </form>
  );
}
