import { Field, Input, Select, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DateField } from '../../components/DateField';
import { useActionWords } from './auditWords';

/** What the log is narrowed to; null: no limit. */
export interface AuditFilter {
  officer: string | null;
  action: string | null;
  application: string | null;
  from: string | null;
  to: string | null;
}

export const NO_FILTER: AuditFilter = { officer: null, action: null, application: null, from: null, to: null };

export function isFiltered(filter: AuditFilter): boolean {
  return filter.officer !== null || filter.action !== null || filter.application !== null || filter.from !== null || filter.to !== null;
}

/** A typed Application ID is looked up once the officer pauses, not at every key. */
const TYPING_PAUSE_MS = 300;

const useStyles = makeStyles({
  filters: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalS, alignItems: 'end' },
  // Five fields on one line at 1280 pixels, French labels and the navigation open included.
  officer: { width: '10rem' },
  action: { width: '15rem' },
  application: { width: '10rem' },
  date: { width: '8.5rem' },
});

interface Props {
  filter: AuditFilter;
  onChange: (filter: AuditFilter) => void;
  officers: string[];
  actions: string[];
}

/** The log's filters: officer and action from what the log holds, an Application ID, a span of days. */
export function AuditFilters({ filter, onChange, officers, actions }: Props) {
  const { t } = useTranslation();
  const styles = useStyles();
  const actionWords = useActionWords();
  const [application, setApplication] = useState(filter.application ?? '');

  // A filter cleared from outside ("Clear filters") empties the field too.
  const [shownFor, setShownFor] = useState(filter.application);
  if (filter.application !== shownFor) {
    setShownFor(filter.application);
    if ((filter.application ?? '') !== application.trim()) setApplication(filter.application ?? '');
  }

  useEffect(() => {
    const typed = application.trim() === '' ? null : application.trim();
    if (typed === filter.application) return;
    const timer = window.setTimeout(() => onChange({ ...filter, application: typed }), TYPING_PAUSE_MS);
    return () => window.clearTimeout(timer);
  }, [application, filter, onChange]);

  // Listed in words, alphabetically in the reader's language; the chosen one stays listed even if no entry has it any more.
  const actionChoices = [...new Set([...actions, ...(filter.action ? [filter.action] : [])])]
    .map((action) => ({ action, words: actionWords(action) }))
    .sort((a, b) => a.words.localeCompare(b.words));
  const officerChoices = [...new Set([...officers, ...(filter.officer ? [filter.officer] : [])])].sort((a, b) => a.localeCompare(b));

  return (
    <div className={styles.filters} role="group" aria-label={t('audit.filters')}>
      <Field label={t('audit.officer')}>
        <Select className={styles.officer} value={filter.officer ?? ''} onChange={(_e, d) => onChange({ ...filter, officer: d.value === '' ? null : d.value })}>
          <option value="">{t('audit.allOfficers')}</option>
          {officerChoices.map((officer) => (
            <option key={officer} value={officer}>
              {officer}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t('audit.action')}>
        <Select className={styles.action} value={filter.action ?? ''} onChange={(_e, d) => onChange({ ...filter, action: d.value === '' ? null : d.value })}>
          <option value="">{t('audit.allActions')}</option>
          {actionChoices.map(({ action, words }) => (
            <option key={action} value={action}>
              {words}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t('audit.applicationId')}>
        <Input className={styles.application} value={application} onChange={(_e, d) => setApplication(d.value)} />
      </Field>
      <Field label={t('audit.from')}>
        <DateField className={styles.date} value={filter.from ?? ''} onValueChange={(iso) => onChange({ ...filter, from: iso === '' ? null : iso })} />
      </Field>
      <Field label={t('audit.to')}>
        <DateField className={styles.date} value={filter.to ?? ''} onValueChange={(iso) => onChange({ ...filter, to: iso === '' ? null : iso })} />
      </Field>
    </div>
  );
}
