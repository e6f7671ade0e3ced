import { webDarkTheme, webLightTheme, type Theme } from '@fluentui/react-components';
import { useEffect, useSyncExternalStore } from 'react';

const QUERY = '(prefers-color-scheme: dark)';

function subscribe(onChange: () => void): () => void {
  const media = window.matchMedia(QUERY);
  media.addEventListener('change', onChange);
  return () => media.removeEventListener('change', onChange);
}

const prefersDark = () => window.matchMedia(QUERY).matches;

/** The Fluent theme matching the operating system's light/dark setting, following live changes. */
export function useSystemTheme(): { theme: Theme; dark: boolean } {
  const dark = useSyncExternalStore(subscribe, prefersDark);
  useEffect(() => {
    // Native parts (scroll bars, date pickers, <select> lists) follow this, not the Fluent theme.
    document.documentElement.style.colorScheme = dark ? 'dark' : 'light';
  }, [dark]);
  return { theme: dark ? webDarkTheme : webLightTheme, dark };
}
