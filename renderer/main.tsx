import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createClient } from '../shared/api/client';
import { App } from './App';
import { initI18n } from './i18n';
import { createPlatform } from './transport';

// The platform first: on the web host it takes the access token out of the address at once.
const platform = createPlatform();
const client = createClient(platform.transport);

void initI18n().then(() => {
  const container = document.getElementById('root');
  if (!container) throw new Error('index.html has no #root element.');
  createRoot(container).render(
    <StrictMode>
      <App client={client} fileToPath={platform.fileToPath} fileSaver={platform.fileSaver} />
    </StrictMode>,
  );
});
