// Must stay the first import: configures zod before any contract schema is created.
import './lib/zod-csp';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import { createQueryClient } from './app/providers';
import { createBrowserI18n } from './lib/i18n/i18n';
import './styles/index.css';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');

createRoot(container).render(
  <StrictMode>
    <App i18n={createBrowserI18n()} queryClient={createQueryClient()} />
  </StrictMode>,
);
