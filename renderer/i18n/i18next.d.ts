import 'i18next';
import type en from './en.json';

// Types t('…') against the English catalogue: a key that does not exist fails the typecheck.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof en };
  }
}
