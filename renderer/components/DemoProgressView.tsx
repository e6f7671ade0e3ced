import { Field, ProgressBar, Spinner } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { DemoProgress } from '../api/useDemoLoad';
import { useFormat } from '../i18n/format';

/** A progress bar once the generator reports how far it is; a spinner before that. */
export function DemoProgressView({ progress }: { progress: DemoProgress }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (!progress.running) return null;
  if (progress.total === 0) return <Spinner size="small" label={t('demo.preparing')} />;
  return (
    <Field
      label={t('demo.progressLabel')}
      hint={t('demo.progress', { done: format.number(progress.done), total: format.number(progress.total) })}
    >
      <ProgressBar value={progress.done} max={progress.total} thickness="large" />
    </Field>
  );
}
