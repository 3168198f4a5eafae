import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app';
import { LanguageProvider } from './i18n/language-provider';
// Bundled (OFL) so taka signs and Bengali names look the same on every shop's machine, offline.
import '@fontsource/noto-sans-bengali/400.css';
import '@fontsource/noto-sans-bengali/600.css';
import './styles.css';

const container = document.getElementById('root');
if (!container) throw new Error('PayDesk: index.html has no #root element.');
createRoot(container).render(
  <StrictMode>
    <LanguageProvider>
      <App />
    </LanguageProvider>
  </StrictMode>,
);
