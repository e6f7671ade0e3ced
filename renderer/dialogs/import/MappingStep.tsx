import {
  Button,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  SearchBox,
  Switch,
  makeStyles,
  tokens,
  useId,
} from '@fluentui/react-components';
import { ArrowResetRegular } from '@fluentui/react-icons';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ColumnTarget, ImportInspection } from '../../../shared/api/contract';
import { useFormat } from '../../i18n/format';
import { toLanguage } from '../../i18n/languages';
import { columnMatches, fieldLabel, sameTarget, searchTextOf, type MappingProblems } from './mapping';
import { MappingTable, type MappingRowData } from './MappingTable';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM },
  tools: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', columnGap: tokens.spacingHorizontalL, rowGap: tokens.spacingVerticalS },
  search: { minWidth: '16rem' },
  count: { color: tokens.colorNeutralForeground3, marginLeft: 'auto' },
  problems: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  empty: { margin: 0, padding: tokens.spacingVerticalL, color: tokens.colorNeutralForeground3 },
});

export interface MappingStepProps {
  inspection: ImportInspection;
  mapping: ColumnTarget[];
  problems: MappingProblems;
  problemsId: string;
  onChange: (index: number, target: ColumnTarget) => void;
  onReset: () => void;
}

/** Says what stops the import, naming the columns, in the user's language. */
export function MappingProblemList({ inspection, problems, id }: { inspection: ImportInspection; problems: MappingProblems; id: string }) {
  const { t, i18n } = useTranslation();
  const styles = useStyles();
  const format = useFormat();
  const language = toLanguage(i18n.resolvedLanguage ?? i18n.language);
  const name = (index: number) => {
    const column = inspection.columns[index];
    return column ? t('import.mapping.columnName', { letter: column.letter, header: column.header.trim() || t('import.mapping.headerEmpty') }) : String(index + 1);
  };
  const items: string[] = [];
  if (problems.missingApplicationId) items.push(t('import.mapping.noApplicationId', { field: fieldLabel('applicationId', language) }));
  for (const d of problems.duplicates) {
    items.push(t('import.mapping.duplicate', { columns: format.list(d.columns.map(name)), field: fieldLabel(d.field, language) }));
  }
  if (items.length === 0) return null;
  return (
    <MessageBar intent="error" layout="multiline" id={id}>
      <MessageBarBody>
        <MessageBarTitle>{t('import.mapping.problemsTitle')}</MessageBarTitle>
        <ul className={styles.problems}>
          {items.map((item) => (
            <li key={item}>{item}</li>
          ))}
        </ul>
      </MessageBarBody>
    </MessageBar>
  );
}

/** The columns of the file, what Cohort recognised in each, and what each becomes. */
export function MappingStep({ inspection, mapping, problems, problemsId, onChange, onReset }: MappingStepProps) {
  const { t } = useTranslation();
  const styles = useStyles();
  const format = useFormat();
  const searchId = useId('mapping-search');
  const [query, setQuery] = useState('');
  /** The columns mapped to a field when "only mapped" was turned on: a column changed since stays in view. */
  const [mappedOnly, setMappedOnly] = useState<Set<number> | null>(null);

  const searchTexts = useMemo(() => inspection.columns.map(searchTextOf), [inspection.columns]);
  const changedCount = useMemo(
    () => mapping.reduce((n, target, i) => (sameTarget(target, inspection.mapping[i]) ? n : n + 1), 0),
    [mapping, inspection.mapping],
  );
  const rows = useMemo<MappingRowData[]>(() => {
    const letterOf = (index: number) => inspection.columns[index]?.letter ?? String(index + 1);
    const out: MappingRowData[] = [];
    inspection.columns.forEach((column, i) => {
      if (mappedOnly && !mappedOnly.has(column.index)) return;
      if (!columnMatches(column, searchTexts[i] ?? '', query)) return;
      const target = mapping[column.index] ?? { kind: 'ignore' };
      out.push({
        column,
        target,
        changed: !sameTarget(target, inspection.mapping[column.index]),
        sameFieldAs: (problems.othersByColumn.get(column.index) ?? []).map(letterOf),
      });
    });
    return out;
  }, [inspection, mapping, problems, query, mappedOnly, searchTexts]);

  const total = inspection.columns.length;
  return (
    <div className={styles.root}>
      {inspection.mappingSource === 'saved' ? (
        <MessageBar intent="success" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{t('import.mapping.savedTitle')}</MessageBarTitle>
            {t('import.mapping.saved')}
          </MessageBarBody>
        </MessageBar>
      ) : (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{t('import.mapping.automaticTitle')}</MessageBarTitle>
            {t('import.mapping.automatic')}
          </MessageBarBody>
        </MessageBar>
      )}
      <MappingProblemList inspection={inspection} problems={problems} id={problemsId} />
      <div className={styles.tools}>
        <SearchBox
          id={searchId}
          className={styles.search}
          aria-label={t('import.mapping.search')}
          placeholder={t('import.mapping.searchPlaceholder')}
          value={query}
          onChange={(_e, data) => setQuery(data.value)}
        />
        <Switch
          label={t('import.mapping.onlyMapped')}
          checked={mappedOnly !== null}
          onChange={(_e, data) =>
            setMappedOnly(data.checked ? new Set(mapping.flatMap((target, i) => (target.kind === 'field' ? [i] : []))) : null)
          }
        />
        <Button appearance="subtle" icon={<ArrowResetRegular />} disabled={changedCount === 0} onClick={onReset}>
          {t('import.mapping.reset')}
        </Button>
        <span className={styles.count} aria-live="polite">
          {rows.length === total
            ? t('import.mapping.countAll', { count: total, total: format.number(total) })
            : t('import.mapping.countShown', { shown: format.number(rows.length), total: format.number(total) })}
        </span>
      </div>
      {rows.length === 0 ? (
        <p className={styles.empty}>{t('import.mapping.noMatch')}</p>
      ) : (
        <MappingTable
          rows={rows}
          totalColumns={total}
          label={t('import.mapping.tableLabel', { name: inspection.fileName })}
          problemsId={problems.missingApplicationId || problems.duplicates.length > 0 ? problemsId : undefined}
          onChange={onChange}
        />
      )}
    </div>
  );
}
