import type { NoticeTemplates } from '../../../../shared/api/notices';
import { DEFAULT_NOTICE_TEXTS } from '../../../../shared/domain/notice-default-texts';
import { NOTICE_OUTCOMES, type NoticeOutcome } from '../../../../shared/domain/notice-outcome';

/** A template the office edited, as stored on either engine. */
export interface TemplateRow {
  outcome: NoticeOutcome;
  language: 'en' | 'fr';
  subject: string;
  body: string;
}

/** Every outcome's texts in both languages: the office's own where it edited them, Cohort's otherwise. */
export function templatesOf(rows: readonly TemplateRow[]): NoticeTemplates {
  const stored = new Map(rows.map((t) => [`${t.outcome} ${t.language}`, t]));
  return Object.fromEntries(
    NOTICE_OUTCOMES.map((outcome) => [
      outcome,
      Object.fromEntries(
        (['en', 'fr'] as const).map((language) => {
          const own = stored.get(`${outcome} ${language}`);
          return [language, own ? { subject: own.subject, body: own.body, edited: true } : { ...DEFAULT_NOTICE_TEXTS[outcome][language], edited: false }];
        }),
      ),
    ]),
  ) as NoticeTemplates;
}
