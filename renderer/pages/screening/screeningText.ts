import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { CriterionView, ScreeningVerdict } from '../../../shared/api/contract';
import { EXPLANATION_KEYS, type ExplanationKey } from '../../../shared/domain/eligibility/explanation-keys';
import { REASON_CODES, type ReasonCode } from '../../../shared/domain/eligibility/types';
import { useFormat } from '../../i18n/format';

function isExplanationKey(key: string): key is ExplanationKey {
  return (EXPLANATION_KEYS as readonly string[]).includes(key);
}

export function isReasonCode(code: string): code is ReasonCode {
  return (REASON_CODES as readonly string[]).includes(code);
}

/** Dates and instants the rules hand over as ISO text; shown in the reader's language. */
const ISO_DATE = /^\d{4}-\d{2}-\d{2}([T ][\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/;
const ALPHA2 = /^[A-Z]{2}$/;

export interface ScreeningText {
  verdict(verdict: ScreeningVerdict): string;
  /** A reason code in plain words; an unknown code (a newer rules version) as itself. */
  reason(code: string): string;
  /** A criterion's explanation in the UI language, with dates and countries in that language too. */
  explain(explanation: CriterionView['explanation']): string;
}

export function useScreeningText(): ScreeningText {
  const { t } = useTranslation();
  const format = useFormat();
  return useMemo(() => {
    const regions = new Intl.DisplayNames([format.locale], { type: 'region', fallback: 'code' });
    const param = (name: string, value: string | number): string | number => {
      if (typeof value === 'number') return format.number(value);
      // Seconds shown: a submission at 23:59:59 is on time, one second later is not.
      if (ISO_DATE.test(value)) return format.dateTimeSeconds(value.replace(' ', 'T'));
      if (name === 'country' && ALPHA2.test(value)) return regions.of(value) ?? value;
      return value;
    };
    return {
      verdict: (verdict) => t(`screening.verdict.${verdict}`),
      reason: (code) => (isReasonCode(code) ? t(`screening.reason.${code}`) : code),
      explain({ key, params }) {
        if (!isExplanationKey(key)) return key;
        const values = Object.fromEntries(Object.entries(params).map(([name, value]) => [name, param(name, value)]));
        return t(`screening.explain.${key}`, values);
      },
    };
  }, [t, format]);
}
