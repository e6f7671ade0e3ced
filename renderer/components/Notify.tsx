import {
  Toast,
  ToastBody,
  ToastTitle,
  Toaster,
  ToastTrigger,
  Link,
  useId,
  useToastController,
  type ToastIntent,
} from '@fluentui/react-components';
import { createContext, useContext, useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from './describeError';

interface Notify {
  /** Shows an API error (or any thrown value) in plain words. */
  error(error: unknown): void;
  /** `action`: one thing to do about it (e.g. "Show in folder"), a link in the notice. */
  success(title: string, body?: string, action?: NotifyAction): void;
  info(title: string, body?: string): void;
}

export interface NotifyAction {
  label: string;
  run: () => void;
}

const NotifyContext = createContext<Notify | null>(null);

export function NotifyProvider({ children }: { children: ReactNode }) {
  const toasterId = useId('toaster');
  const { dispatchToast } = useToastController(toasterId);
  const { t } = useTranslation();

  const notify = useMemo<Notify>(() => {
    const show = (intent: ToastIntent, title: string, body?: string, action?: NotifyAction) =>
      dispatchToast(
        <Toast>
          <ToastTitle
            action={
              intent === 'error' ? (
                <ToastTrigger>
                  <Link>{t('common.dismiss')}</Link>
                </ToastTrigger>
              ) : action ? (
                <Link onClick={action.run}>{action.label}</Link>
              ) : undefined
            }
          >
            {title}
          </ToastTitle>
          {body ? <ToastBody>{body}</ToastBody> : null}
        </Toast>,
        // Errors stay until read: the officer may need to act on them.
        { intent, timeout: intent === 'error' ? -1 : 5000, politeness: intent === 'error' ? 'assertive' : 'polite' },
      );
    return {
      error(error) {
        const { title, message } = describeError(t, error);
        show('error', title, message);
      },
      success: (title, body, action) => show('success', title, body, action),
      info: (title, body) => show('info', title, body),
    };
  }, [dispatchToast, t]);

  return (
    <NotifyContext.Provider value={notify}>
      {children}
      <Toaster
        toasterId={toasterId}
        position="bottom-end"
        pauseOnHover
        pauseOnWindowBlur
        // Ctrl+M moves focus into the notifications, so they can be read and dismissed by keyboard.
        shortcuts={{ focus: (event) => event.ctrlKey && event.key === 'm' }}
      />
    </NotifyContext.Provider>
  );
}

export function useNotify(): Notify {
  const value = useContext(NotifyContext);
  if (!value) throw new Error('useNotify() needs a <NotifyProvider> above it.');
  return value;
}
