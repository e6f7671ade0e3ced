import { Field, MessageBar, MessageBarBody, MessageBarTitle, Select, makeStyles, tokens } from '@fluentui/react-components';
import type { ParseKeys } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { ImportInspection } from '../../../shared/api/contract';
import { isTextEncoding, TEXT_ENCODINGS, type TextEncoding } from '../../../shared/domain/text-encodings';
import { useFormat } from '../../i18n/format';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  select: { maxWidth: '24rem' },
  examples: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

/** Each encoding's name in the interface's language. */
export const ENCODING_NAME: Record<TextEncoding, ParseKeys> = {
  'utf-8': 'import.encoding.name.utf8',
  'windows-1252': 'import.encoding.name.windows1252',
  cp850: 'import.encoding.name.cp850',
  macintosh: 'import.encoding.name.macintosh',
  'utf-16le': 'import.encoding.name.utf16le',
  'utf-16be': 'import.encoding.name.utf16be',
};

export interface EncodingPickerProps {
  inspection: ImportInspection;
  /** Reads the file again in this encoding (a new inspection). */
  onChoose: (encoding: TextEncoding) => void;
}

/**
 * For delimited text: the encoding the file is read in, which the user can change, and a warning
 * when the first rows hold names that look garbled (a DOS or Mac export read as Windows-1252).
 * The examples of the mapping table then show whether the names read right.
 */
export function EncodingPicker({ inspection, onChoose }: EncodingPickerProps) {
  const { t } = useTranslation();
  const styles = useStyles();
  const format = useFormat();
  if (inspection.format !== 'csv' || inspection.encoding === null) return null;
  const current = inspection.encoding;
  return (
    <div className={styles.root}>
      {inspection.garbled.length > 0 ? (
        <MessageBar intent="warning" layout="multiline" data-testid="import-garbled">
          <MessageBarBody>
            <MessageBarTitle>{t('import.encoding.garbledTitle')}</MessageBarTitle>
            {t('import.encoding.garbled', { encoding: t(ENCODING_NAME[current]), examples: format.list(inspection.garbled.map((value) => t('import.encoding.quoted', { value }))) })}
          </MessageBarBody>
        </MessageBar>
      ) : null}
      <Field label={t('import.encoding.label')} hint={t('import.encoding.hint')}>
        <Select
          className={styles.select}
          value={current}
          onChange={(_e, data) => {
            if (isTextEncoding(data.value) && data.value !== current) onChoose(data.value);
          }}
        >
          {TEXT_ENCODINGS.map((encoding) => (
            <option key={encoding} value={encoding}>
              {t(ENCODING_NAME[encoding])}
            </option>
          ))}
        </Select>
      </Field>
    </div>
  );
}
