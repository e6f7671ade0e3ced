import { FluentProvider, makeStaticStyles } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { Client } from '../shared/api/client';
import { ClientProvider } from './api/ClientContext';
import { NotifyProvider } from './components/Notify';
import { WorkspaceRoot } from './shell/WorkspaceRoot';
import type { FileSaver } from './transport/file-saver';
import type { FileToPath } from './transport/files';
import { useSystemTheme } from './theme/useSystemTheme';

const useGlobalStyles = makeStaticStyles({
  'html, body': { margin: 0, padding: 0, height: '100%' },
  '#root': { height: '100%' },
  // For text only assistive technology needs (table captions and the like).
  '.visually-hidden': {
    position: 'absolute',
    width: '1px',
    height: '1px',
    margin: '-1px',
    padding: 0,
    overflow: 'hidden',
    clip: 'rect(0 0 0 0)',
    whiteSpace: 'nowrap',
    border: 0,
  },
});

export function App({ client, fileToPath, fileSaver }: { client: Client; fileToPath: FileToPath; fileSaver: FileSaver }) {
  useGlobalStyles();
  const { theme } = useSystemTheme();
  const { i18n } = useTranslation();
  return (
    // No layout class on the provider: Fluent copies its classes onto every portal (toasts,
    // dialogs), and a full-height portal would cover the app. Pages size themselves.
    <FluentProvider theme={theme} dir={i18n.dir()}>
      <ClientProvider client={client} fileToPath={fileToPath} fileSaver={fileSaver}>
        <NotifyProvider>
          <WorkspaceRoot />
        </NotifyProvider>
      </ClientProvider>
    </FluentProvider>
  );
}
