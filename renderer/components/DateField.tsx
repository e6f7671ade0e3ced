import { Input, type InputProps } from '@fluentui/react-components';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { datePattern, formatDateText, parseDateText } from '../i18n/date-text';
import { toLanguage } from '../i18n/languages';

interface Props extends Omit<InputProps, 'value' | 'onChange' | 'type'> {
  /** ISO: "2025-05-20", or "2025-05-20T23:59:59" with `withTime`; '' for none. */
  value: string;
  withTime?: boolean;
  /** The ISO value typed, or '' while what is typed is not a whole date (the form says so). */
  onValueChange: (iso: string) => void;
}

/** A date (and time) typed and shown day first, as the interface's language writes it. */
export function DateField({ value, withTime = false, onValueChange, ...rest }: Props) {
  const { i18n } = useTranslation();
  const language = toLanguage(i18n.resolvedLanguage ?? i18n.language);
  const [text, setText] = useState(() => formatDateText(value, withTime));
  // A value set from outside (a reset, a saved view) replaces what is shown; one being typed stays.
  const [shownFor, setShownFor] = useState(value);
  if (value !== shownFor) {
    setShownFor(value);
    if (parseDateText(text, withTime) !== value) setText(formatDateText(value, withTime));
  }
  const pattern = datePattern(language, withTime);
  return (
    <Input
      {...rest}
      value={text}
      placeholder={pattern}
      inputMode="numeric"
      onChange={(_e, data) => {
        setText(data.value);
        const iso = data.value.trim() === '' ? '' : (parseDateText(data.value, withTime) ?? '');
        setShownFor(iso);
        onValueChange(iso);
      }}
    />
  );
}
