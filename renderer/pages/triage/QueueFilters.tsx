import { DateField } from '../../components/DateField';
import { countryName } from '../../../shared/domain/country-names';
import { toLanguage } from '../../i18n/languages';
import {
  Button,
  Checkbox,
  Combobox,
  Field,
  Input,
  Label,
  Option,
  Popover,
  PopoverSurface,
  PopoverTrigger,
  Select,
  Tag,
  TagGroup,
  makeStyles,
  mergeClasses,
  tokens,
} from '@fluentui/react-components';
import { FilterRegular } from '@fluentui/react-icons';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { CountRow, TriageFilter } from '../../../shared/api/contract';
import { useFormat } from '../../i18n/format';
import { useListedValueText } from '../../i18n/listed-values';

const LEVELS = ['A1', 'A2', 'B1', 'B2', 'C1', 'C2'] as const;
const FUNDING = ['nato', 'grant', 'unknown'] as const;

const useStyles = makeStyles({
  surface: { display: 'grid', gridTemplateColumns: 'repeat(2, minmax(12rem, 1fr))', columnGap: tokens.spacingHorizontalL, rowGap: tokens.spacingVerticalM, maxWidth: '36rem' },
  wide: { gridColumn: '1 / -1' },
  group: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXXS },
  checks: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalS },
  // The nationality list runs to dozens of countries: a scrolling list, not one the height of the screen.
  listbox: { maxHeight: '20rem', overflowY: 'auto' },
  actions: { gridColumn: '1 / -1', display: 'flex', justifyContent: 'flex-end', columnGap: tokens.spacingHorizontalS },
});

/** The filter with the fields of this popover cleared: the stage, the assignee and the search stay. */
function withoutFields(filter: TriageFilter): TriageFilter {
  const kept: TriageFilter = {};
  if (filter.stages) kept.stages = filter.stages;
  if (filter.assignee !== undefined) kept.assignee = filter.assignee;
  if (filter.search) kept.search = filter.search;
  return kept;
}

export type FacetLists = Record<'nationality' | 'preferredSession' | 'fieldOfStudy' | 'university', CountRow[]>;

/** The filter fields of a queue view (all run in the database), in a popover; active ones as removable tags. */
export function QueueFilters({ filter, facets, onChange }: { filter: TriageFilter; facets: FacetLists | undefined; onChange(filter: TriageFilter): void }) {
  const styles = useStyles();
  const { t, i18n } = useTranslation();
  const language = toLanguage(i18n.resolvedLanguage ?? i18n.language);
  const format = useFormat();
  const values = useListedValueText();
  const fundingLabelId = useId();
  const set = (patch: Partial<TriageFilter>) => {
    const next: TriageFilter = { ...filter, ...patch };
    // An empty value is no filter: leave it out, so saved views and counts stay clean.
    for (const key of Object.keys(next) as (keyof TriageFilter)[]) {
      const v = next[key];
      if (v === undefined || v === '' || v === false || (Array.isArray(v) && v.length === 0)) delete next[key];
    }
    onChange(next);
  };
  // Nationalities are countries (their codes), listed by name in the interface's language, in
  // alphabetical order; what names no country is one entry ('').
  const optionsOf = (key: 'nationality' | 'preferredSession') => {
    const rows = facets?.[key] ?? [];
    if (key !== 'nationality') return rows.flatMap((r) => (r.key === null ? [] : [{ value: r.key, text: r.key, count: r.count }]));
    return rows
      .map((r) => ({ value: r.key ?? '', text: r.key === null ? t('countries.noCountry') : countryName(r.key, language), count: r.count }))
      .sort((a, b) => (a.value === '' ? 1 : b.value === '' ? -1 : a.text.localeCompare(b.text, language)));
  };
  const nationalityNames = (codes: string[]) => codes.map((c) => (c === '' ? t('countries.noCountry') : countryName(c, language))).join(', ');
  const multi = (key: 'nationality' | 'preferredSession', label: string) => (
    <Field label={label}>
      <Combobox
        multiselect
        placeholder={t('triage.filter.any')}
        selectedOptions={filter[key] ?? []}
        // Fluent sizes the list to all the room left on screen (autoSize); the class caps it instead.
        positioning={{ autoSize: false }}
        listbox={{ className: styles.listbox }}
        onOptionSelect={(_e, data) => set({ [key]: data.selectedOptions })}
      >
        {optionsOf(key).map((o) => (
          <Option key={o.value} value={o.value} text={o.text}>
            {`${o.text} (${format.number(o.count)})`}
          </Option>
        ))}
      </Combobox>
    </Field>
  );

  // "Field: values" comes from the catalogue: French sets a non-breaking space before the colon.
  const fieldTag = (column: 'nationality' | 'funding' | 'preferredSession' | 'fieldOfStudy' | 'university', values: string) =>
    t('triage.filter.fieldTag', { field: t(`triage.column.${column}`), values });
  const tags: { key: keyof TriageFilter; text: string }[] = [];
  if (filter.nationality?.length) tags.push({ key: 'nationality', text: fieldTag('nationality', nationalityNames(filter.nationality)) });
  if (filter.funding?.length) tags.push({ key: 'funding', text: fieldTag('funding', filter.funding.map((f) => values.funding(f)).join(', ')) });
  if (filter.preferredSession?.length) tags.push({ key: 'preferredSession', text: fieldTag('preferredSession', filter.preferredSession.join(', ')) });
  if (filter.fieldOfStudy) tags.push({ key: 'fieldOfStudy', text: fieldTag('fieldOfStudy', filter.fieldOfStudy) });
  if (filter.university) tags.push({ key: 'university', text: fieldTag('university', filter.university) });
  if (filter.englishAtLeast) tags.push({ key: 'englishAtLeast', text: t('triage.filter.englishAtLeastTag', { level: values.level(filter.englishAtLeast) }) });
  if (filter.frenchAtLeast) tags.push({ key: 'frenchAtLeast', text: t('triage.filter.frenchAtLeastTag', { level: values.level(filter.frenchAtLeast) }) });
  if (filter.scoreAtLeast !== undefined) tags.push({ key: 'scoreAtLeast', text: t('triage.filter.scoreAtLeastTag', { score: filter.scoreAtLeast }) });
  if (filter.unscored) tags.push({ key: 'unscored', text: t('triage.filter.unscored') });
  if (filter.submittedFrom) tags.push({ key: 'submittedFrom', text: t('triage.filter.fromTag', { date: format.date(filter.submittedFrom) }) });
  if (filter.submittedTo) tags.push({ key: 'submittedTo', text: t('triage.filter.toTag', { date: format.date(filter.submittedTo) }) });

  return (
    <>
      <Popover trapFocus>
        <PopoverTrigger disableButtonEnhancement>
          <Button icon={<FilterRegular />}>{tags.length > 0 ? t('triage.filter.buttonCount', { count: tags.length }) : t('triage.filter.button')}</Button>
        </PopoverTrigger>
        <PopoverSurface aria-label={t('triage.filter.title')}>
          <div className={styles.surface}>
            {multi('nationality', t('triage.column.nationality'))}
            {multi('preferredSession', t('triage.column.preferredSession'))}
            {/* A group, not a Field: a Field gives its one id to every control inside, so the three
                boxes shared an id and a click on one label ticked another. */}
            <div role="group" aria-labelledby={fundingLabelId} className={mergeClasses(styles.wide, styles.group)}>
              <Label id={fundingLabelId}>{t('triage.column.funding')}</Label>
              <div className={styles.checks}>
                {FUNDING.map((f) => (
                  <Checkbox
                    key={f}
                    label={values.funding(f)}
                    checked={filter.funding?.includes(f) ?? false}
                    onChange={(_e, data) => {
                      const others = (filter.funding ?? []).filter((x) => x !== f);
                      set({ funding: data.checked === true ? [...others, f] : others });
                    }}
                  />
                ))}
              </div>
            </div>
            <Field label={t('triage.column.fieldOfStudy')}>
              <Input value={filter.fieldOfStudy ?? ''} onChange={(_e, data) => set({ fieldOfStudy: data.value })} />
            </Field>
            <Field label={t('triage.column.university')}>
              <Input value={filter.university ?? ''} onChange={(_e, data) => set({ university: data.value })} />
            </Field>
            {(['englishAtLeast', 'frenchAtLeast'] as const).map((key) => (
              <Field key={key} label={t(`triage.filter.${key}`)}>
                <Select value={filter[key] ?? ''} onChange={(_e, data) => set({ [key]: data.value === '' ? undefined : (data.value as (typeof LEVELS)[number]) })}>
                  <option value="">{t('triage.filter.any')}</option>
                  {LEVELS.map((l) => (
                    <option key={l} value={l}>
                      {values.level(l)}
                    </option>
                  ))}
                </Select>
              </Field>
            ))}
            <Field label={t('triage.filter.scoreAtLeast')}>
              <Select value={filter.scoreAtLeast === undefined ? '' : String(filter.scoreAtLeast)} onChange={(_e, data) => set({ scoreAtLeast: data.value === '' ? undefined : Number(data.value) })}>
                <option value="">{t('triage.filter.any')}</option>
                {[1, 2, 3, 4, 5].map((s) => (
                  <option key={s} value={s}>
                    {s}
                  </option>
                ))}
              </Select>
            </Field>
            <Field label={t('triage.filter.scoring')}>
              <Checkbox label={t('triage.filter.unscored')} checked={filter.unscored ?? false} onChange={(_e, data) => set({ unscored: data.checked === true })} />
            </Field>
            <Field label={t('triage.filter.submittedFrom')}>
              <DateField value={filter.submittedFrom ?? ''} onValueChange={(iso) => set({ submittedFrom: iso })} />
            </Field>
            <Field label={t('triage.filter.submittedTo')}>
              <DateField value={filter.submittedTo ?? ''} onValueChange={(iso) => set({ submittedTo: iso })} />
            </Field>
            <div className={styles.actions}>
              <Button onClick={() => onChange(withoutFields(filter))}>{t('triage.filter.clear')}</Button>
            </div>
          </div>
        </PopoverSurface>
      </Popover>
      {tags.length > 0 ? (
        <TagGroup
          aria-label={t('triage.filter.active')}
          onDismiss={(_e, data) => {
            const next = { ...filter };
            delete next[data.value as keyof TriageFilter];
            onChange(next);
          }}
        >
          {tags.map((tag) => (
            <Tag key={tag.key} value={tag.key} dismissible dismissIcon={{ 'aria-label': t('triage.filter.remove', { filter: tag.text }) }}>
              {tag.text}
            </Tag>
          ))}
        </TagGroup>
      ) : null}
    </>
  );
}
