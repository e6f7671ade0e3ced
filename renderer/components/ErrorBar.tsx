import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../i18n/format';
import { describeError } from './describeError';

/** An API error in plain words where it happened, with a Retry when the caller can retry. */
export function ErrorBar({
  error,
  onRetry,
  className,
  title: givenTitle,
}: {
  error: unknown;
  onRetry?: () => void;
  className?: string;
  /** Says what failed when the caller knows better than the error's code (e.g. "This file cannot be imported"). */
  title?: string;
}) {
  const { t } = useTranslation();
  // Times in the error's details (who changed an application, when) read in the interface's language.
  const format = useFormat();
  const described = describeError(t, error, format);
  const title = givenTitle ?? described.title;
  const { message } = described;
  return (
    <MessageBar intent="error" layout="multiline" className={className}>
      <MessageBarBody>
        <MessageBarTitle>{title}</MessageBarTitle>
        {message}
      </MessageBarBody>
      {onRetry ? (
        <MessageBarActions>
          <Button onClick={onRetry}>{t('common.retry')}</Button>
        </MessageBarActions>
      ) : null}
    </MessageBar>
  );
}
