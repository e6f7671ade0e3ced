import { Button, Field, Input, Spinner, Tooltip, makeStyles, tokens } from '@fluentui/react-components';
import { AddRegular, ArrowDownRegular, ArrowUpRegular, DeleteRegular } from '@fluentui/react-icons';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RubricCriterion } from '../../../shared/api/contract';
import type { AppErrorData } from '../../../shared/api/errors';
import type { DivisionCode } from '../../../shared/domain/divisions';
import { MAX_RUBRIC_CRITERIA } from '../../../shared/domain/stages';
import { useClient } from '../../api/ClientContext';
import { useQuery } from '../../api/hooks';
import { fieldIssues } from '../../components/fieldIssues';
import { FormDialog, FormDialogForm } from '../../components/FormDialog';
import { useNotify } from '../../components/Notify';
import { TEXT_LIMITS } from '../../../shared/api/text-limits';

/** The contract's maximum length of a criterion's name. */
const MAX_LABEL = TEXT_LIMITS.rubricLabel.max;

interface Props {
  open: boolean;
  campaignId: number;
  division: DivisionCode;
  onClose: () => void;
}

const useStyles = makeStyles({
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  row: { display: 'flex', alignItems: 'flex-start', columnGap: tokens.spacingHorizontalXS },
  field: { flexGrow: 1, minWidth: 0 },
  // The buttons line up with the input, below the field's label.
  buttons: { display: 'flex', columnGap: tokens.spacingHorizontalXXS, paddingTop: tokens.spacingVerticalXXL },
  muted: { margin: 0, color: tokens.colorNeutralForeground3 },
  add: { alignSelf: 'flex-start' },
});

/** A division's rubric: up to five criteria, named, added, removed and ordered by keyboard or mouse. */
export function RubricDialog({ open, campaignId, division, onClose }: Props) {
  return (
    <FormDialog open={open} onClose={onClose}>
      <RubricLoader campaignId={campaignId} division={division} onSaved={onClose} />
    </FormDialog>
  );
}

function RubricLoader({ campaignId, division, onSaved }: { campaignId: number; division: DivisionCode; onSaved: () => void }) {
  const { t } = useTranslation();
  const rubric = useQuery('triage.rubric', { campaignId, division });
  if (!rubric.data) {
    // The same frame while loading, so the dialog does not jump when the criteria arrive.
    return (
      <FormDialogForm title={t('triageDetail.rubric.title', { division })} submitLabel={t('triageDetail.rubric.save')} onSubmit={() => undefined} error={rubric.error} busy>
        {rubric.error ? null : <Spinner size="small" label={t('triageDetail.rubric.loading')} />}
      </FormDialogForm>
    );
  }
  // Mounted once the criteria are there: they seed the form, and later refreshes do not overwrite the officer's edits.
  return <RubricEditor campaignId={campaignId} division={division} initial={rubric.data} onSaved={onSaved} />;
}

interface Item {
  /** Stable across moves, for React and for focus. */
  key: string;
  /** The stored criterion's id; none for one added here. */
  id?: number;
  label: string;
}

type FocusPart = 'input' | 'up' | 'down';

function RubricEditor({ campaignId, division, initial, onSaved }: { campaignId: number; division: DivisionCode; initial: RubricCriterion[]; onSaved: () => void }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const client = useClient();
  const notify = useNotify();
  const [items, setItems] = useState<Item[]>(() => initial.map((c) => ({ key: `id${c.id}`, id: c.id, label: c.label })));
  const [tried, setTried] = useState(false);
  const [error, setError] = useState<AppErrorData | null>(null);
  const nextKey = useRef(0);
  const listRef = useRef<HTMLOListElement>(null);
  const addRef = useRef<HTMLButtonElement>(null);
  // Where focus goes once a move or a removal is rendered: the moved row's button, the next row,
  // or "Add". A moved element loses focus in the browser, and a removed one takes it away.
  const pendingFocus = useRef<{ key: string; part: FocusPart } | 'add' | null>(null);
  const setFocus = (target: { key: string; part: FocusPart } | 'add') => {
    pendingFocus.current = target;
  };
  useEffect(() => {
    const target = pendingFocus.current;
    if (target === null) return;
    pendingFocus.current = null;
    if (target === 'add') addRef.current?.focus();
    else listRef.current?.querySelector<HTMLElement>(`[data-focus="${target.key}:${target.part}"]`)?.focus();
  });

  const full = items.length >= MAX_RUBRIC_CRITERIA;
  const issues = fieldIssues(error);

  function update(next: Item[]) {
    setItems(next);
    setError(null);
  }

  function move(index: number, by: -1 | 1) {
    const target = index + by;
    const item = items[index];
    if (!item || target < 0 || target >= items.length) return;
    const next = [...items];
    next.splice(index, 1);
    next.splice(target, 0, item);
    update(next);
    // At either end the button just used is disabled: focus the other one.
    const atEnd = by === -1 ? target === 0 : target === items.length - 1;
    setFocus({ key: item.key, part: atEnd ? (by === -1 ? 'down' : 'up') : by === -1 ? 'up' : 'down' });
  }

  function remove(index: number) {
    const after = items[index + 1] ?? items[index - 1];
    update(items.filter((_, i) => i !== index));
    setFocus(after ? { key: after.key, part: 'input' } : 'add');
  }

  function add() {
    if (full) return;
    nextKey.current += 1;
    const item = { key: `new${nextKey.current}`, label: '' };
    update([...items, item]);
    setFocus({ key: item.key, part: 'input' });
  }

  async function submit() {
    setTried(true);
    if (items.some((item) => item.label.trim() === '')) return;
    const criteria = items.map((item) => (item.id === undefined ? { label: item.label.trim() } : { id: item.id, label: item.label.trim() }));
    const result = await client.tryCall('triage.setRubric', { campaignId, division, criteria });
    if (!result.ok) {
      setError(result.error);
      return;
    }
    notify.success(t('triageDetail.rubric.saved', { division }));
    onSaved();
  }

  const general = error && ![...issues.keys()].some((path) => path.startsWith('criteria')) ? error : null;

  return (
    <FormDialogForm title={t('triageDetail.rubric.title', { division })} submitLabel={t('triageDetail.rubric.save')} onSubmit={submit} error={general}>
      <p>{t('triageDetail.rubric.intro', { max: MAX_RUBRIC_CRITERIA })}</p>
      <p>{t('triageDetail.rubric.kept')}</p>
      {items.length === 0 ? <p className={styles.muted}>{t('triageDetail.rubric.none')}</p> : null}
      <ol className={styles.list} ref={listRef} aria-label={t('triageDetail.rubric.listLabel', { division })}>
        {items.map((item, index) => {
          const number = index + 1;
          const name = item.label.trim() === '' ? t('triageDetail.rubric.unnamed', { number }) : item.label.trim();
          const message = tried && item.label.trim() === '' ? t('triageDetail.rubric.emptyLabel') : issues.get(`criteria.${index}.label`);
          return (
            <li key={item.key} className={styles.row}>
              <Field className={styles.field} label={t('triageDetail.rubric.criterion', { number })} required validationMessage={message} validationState={message ? 'error' : 'none'}>
                <Input
                  value={item.label}
                  maxLength={MAX_LABEL}
                  data-focus={`${item.key}:input`}
                  onChange={(_e, data) => update(items.map((it) => (it.key === item.key ? { ...it, label: data.value } : it)))}
                />
              </Field>
              <span className={styles.buttons}>
                <Tooltip content={t('triageDetail.rubric.moveUp', { label: name })} relationship="label">
                  <Button appearance="subtle" icon={<ArrowUpRegular />} disabled={index === 0} data-focus={`${item.key}:up`} onClick={() => move(index, -1)} />
                </Tooltip>
                <Tooltip content={t('triageDetail.rubric.moveDown', { label: name })} relationship="label">
                  <Button appearance="subtle" icon={<ArrowDownRegular />} disabled={index === items.length - 1} data-focus={`${item.key}:down`} onClick={() => move(index, 1)} />
                </Tooltip>
                <Tooltip content={t('triageDetail.rubric.remove', { label: name })} relationship="label">
                  <Button appearance="subtle" icon={<DeleteRegular />} onClick={() => remove(index)} />
                </Tooltip>
              </span>
            </li>
          );
        })}
      </ol>
      <Button className={styles.add} ref={addRef} icon={<AddRegular />} disabled={full} onClick={add}>
        {t('triageDetail.rubric.add')}
      </Button>
      {full ? <p className={styles.muted}>{t('triageDetail.rubric.full', { max: MAX_RUBRIC_CRITERIA })}</p> : null}
    </FormDialogForm>
  );
}
