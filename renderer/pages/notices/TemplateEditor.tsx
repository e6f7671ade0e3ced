import {
  Badge,
  Button,
  Dropdown,
  Field,
  Input,
  Option,
  Radio,
  RadioGroup,
  Spinner,
  Textarea,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { NoticeTemplates } from '../../../shared/api/notices';
import { NOTICE_OUTCOMES, type NoticeOutcome } from '../../../shared/domain/notice-outcome';
import { PLACEHOLDERS_OF, type TemplateProblem } from '../../../shared/domain/notice-templates';
import { useApiMutation, useQuery } from '../../api/hooks';
import { ErrorBar } from '../../components/ErrorBar';
import { useNotify } from '../../components/Notify';
import { useNoticeWords } from './noticeWords';

const useStyles = makeStyles({
  root: { display: 'grid', gridTemplateColumns: 'minmax(0, 1fr) minmax(0, 1fr)', columnGap: tokens.spacingHorizontalXL, alignItems: 'start' },
  editor: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM },
  choice: { display: 'flex', flexWrap: 'wrap', alignItems: 'end', columnGap: tokens.spacingHorizontalL, rowGap: tokens.spacingVerticalS },
  body: { fontFamily: tokens.fontFamilyMonospace, minHeight: '18rem' },
  placeholders: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS },
  actions: { display: 'flex', columnGap: tokens.spacingHorizontalS, alignItems: 'center' },
  preview: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalL,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    position: 'sticky',
    top: tokens.spacingVerticalL,
  },
  previewTitle: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  whose: { margin: 0, color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  subject: { margin: 0, fontWeight: tokens.fontWeightSemibold },
  text: { margin: 0, whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', fontFamily: tokens.fontFamilyBase, maxHeight: '32rem', overflowY: 'auto' },
  problems: { margin: 0, paddingLeft: tokens.spacingHorizontalL, color: tokens.colorPaletteRedForeground1 },
});

type Language = 'en' | 'fr';
type Draft = { subject: string; body: string };

/** What was typed, once typing pauses: the preview follows without a request per key. */
function useSettled<T>(value: T, ms = 300): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

/**
 * The notices' texts, per outcome and language, with the placeholders each may use and a preview
 * on a real person owed that notice, updated as you type. A mistake in a placeholder is shown
 * where it is, and the text cannot be saved until it is corrected.
 */
export function TemplateEditor({ campaignId }: { campaignId: number }) {
  const { t } = useTranslation();
  const templates = useQuery('notices.templates', { campaignId });
  if (templates.error) return <ErrorBar error={templates.error} onRetry={templates.refetch} />;
  if (!templates.data) return <Spinner label={t('notices.loading')} />;
  return <Editor campaignId={campaignId} templates={templates.data} />;
}

function Editor({ campaignId, templates }: { campaignId: number; templates: NoticeTemplates }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const words = useNoticeWords();
  const notify = useNotify();
  const save = useApiMutation('notices.setTemplate');
  const [outcome, setOutcome] = useState<NoticeOutcome>('ineligible');
  const [language, setLanguage] = useState<Language>('en');
  // Edits not saved yet, per outcome and language: switching to another text keeps them.
  const [drafts, setDrafts] = useState<Record<string, Draft>>({});
  const bodyRef = useRef<HTMLTextAreaElement>(null);
  const key = `${outcome}.${language}`;
  const saved = templates[outcome][language];
  const draft = drafts[key] ?? { subject: saved.subject, body: saved.body };
  const unsaved = drafts[key] !== undefined && (draft.subject !== saved.subject || draft.body !== saved.body);
  const settled = useSettled({ campaignId, outcome, language, subject: draft.subject, body: draft.body });
  const preview = useQuery('notices.preview', settled);

  const edit = (change: Partial<Draft>) => setDrafts((all) => ({ ...all, [key]: { ...draft, ...change } }));

  function insert(placeholder: string) {
    const area = bodyRef.current;
    const text = `{${placeholder}}`;
    const at = area?.selectionStart ?? draft.body.length;
    const end = area?.selectionEnd ?? at;
    edit({ body: draft.body.slice(0, at) + text + draft.body.slice(end) });
    requestAnimationFrame(() => {
      area?.focus();
      area?.setSelectionRange(at + text.length, at + text.length);
    });
  }

  async function submit() {
    const result = await save.run({ campaignId, outcome, language, subject: draft.subject, body: draft.body });
    if (!result.ok) return;
    setDrafts(({ [key]: _saved, ...rest }) => rest);
    notify.success(t('notices.templateSaved', { outcome: words.outcome(outcome), language: t(`notices.language.${language}`) }));
  }

  const problems = preview.data?.problems ?? { subject: [], body: [] };
  const problemList = (list: TemplateProblem[]) =>
    list.length > 0 ? (
      <ul className={styles.problems}>
        {list.map((p) => (
          <li key={`${p.index}${p.written}`}>{p.message}</li>
        ))}
      </ul>
    ) : undefined;
  return (
    <div className={styles.root}>
      <section className={styles.editor} aria-label={t('notices.editorLabel')}>
        <div className={styles.choice}>
          <Field label={t('notices.outcomeHeader')}>
            <Dropdown value={words.outcome(outcome)} selectedOptions={[outcome]} onOptionSelect={(_e, d) => d.optionValue && setOutcome(d.optionValue as NoticeOutcome)}>
              {NOTICE_OUTCOMES.map((o) => (
                <Option key={o} value={o}>
                  {words.outcome(o)}
                </Option>
              ))}
            </Dropdown>
          </Field>
          <Field label={t('notices.languageLabel')}>
            <RadioGroup layout="horizontal" value={language} onChange={(_e, d) => setLanguage(d.value === 'fr' ? 'fr' : 'en')}>
              <Radio value="en" label={t('notices.language.en')} />
              <Radio value="fr" label={t('notices.language.fr')} />
            </RadioGroup>
          </Field>
          {saved.edited ? <Badge appearance="tint">{t('notices.edited')}</Badge> : <Badge appearance="outline">{t('notices.cohortText')}</Badge>}
        </div>
        <Field label={t('notices.subject')} validationMessage={problemList(problems.subject)} validationState={problems.subject.length > 0 ? 'error' : 'none'}>
          <Input value={draft.subject} maxLength={300} onChange={(_e, d) => edit({ subject: d.value })} />
        </Field>
        <Field label={t('notices.body')} validationMessage={problemList(problems.body)} validationState={problems.body.length > 0 ? 'error' : 'none'}>
          <Textarea ref={bodyRef} className={styles.body} resize="vertical" value={draft.body} maxLength={20_000} onChange={(_e, d) => edit({ body: d.value })} />
        </Field>
        <div>
          <p className={styles.whose}>{t('notices.placeholdersHint')}</p>
          <div className={styles.placeholders}>
            {PLACEHOLDERS_OF[outcome].map((p) => (
              <Button key={p} size="small" appearance="outline" onClick={() => insert(p)}>{`{${p}}`}</Button>
            ))}
          </div>
        </div>
        {save.error ? <ErrorBar error={save.error} /> : null}
        <div className={styles.actions}>
          <Button appearance="primary" disabled={!unsaved || save.pending || problems.subject.length + problems.body.length > 0} onClick={() => void submit()}>
            {t('notices.saveTemplate')}
          </Button>
          <Button disabled={!unsaved} onClick={() => setDrafts(({ [key]: _dropped, ...rest }) => rest)}>
            {t('notices.discard')}
          </Button>
          {unsaved ? <span className={styles.whose}>{t('notices.unsaved')}</span> : null}
        </div>
      </section>
      <section className={styles.preview} aria-labelledby="notice-preview-title" data-testid="notice-preview">
        <h2 className={styles.previewTitle} id="notice-preview-title">
          {t('notices.previewTitle')}
        </h2>
        <p className={styles.whose}>
          {preview.data?.person
            ? t('notices.previewFor', { name: preview.data.person.name, applications: preview.data.person.applicationIds.join(', ') })
            : t('notices.previewNobody')}
        </p>
        {preview.data ? (
          <>
            <p className={styles.subject}>{preview.data.subject}</p>
            <p className={styles.text}>{preview.data.body}</p>
          </>
        ) : (
          <Spinner size="tiny" />
        )}
      </section>
    </div>
  );
}
