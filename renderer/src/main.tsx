import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { CUSTOMER_VIEW_HASH } from '../../shared/contract';
import { App } from './app';
import { CustomerView } from './customer-view/customer-view';
import { LanguageProvider } from './i18n/language-provider';
// Bundled (OFL) so taka signs and Bengali names look the same on every shop's machine, offline.
import '@fontsource/noto-sans-bengali/400.css';
import '@fontsource/noto-sans-bengali/600.css';
import './styles.css';

const container = document.getElementById('root');
if (!container) throw new Error('PayDesk: index.html has no #root element.');

// The taka sign is drawn from the bundled Bengali face, which the browser fetches only once a page needs it: an
// English page would draw its first ৳ (the chart's axis, in SVG, is not redrawn when the face arrives) as a box.
// Fetched before the first frame; should it fail, the page still starts, with the system's fonts.
void Promise.allSettled(['400', '600'].map((weight) => document.fonts.load(`${weight} 1em 'Noto Sans Bengali'`, '৳'))).then(() =>
  createRoot(container).render(
    <StrictMode>
      <LanguageProvider>
        {/* One built page serves both windows: the shopkeeper's, and at #customer the one turned to the customer. */}
        {location.hash === CUSTOMER_VIEW_HASH ? <CustomerView /> : <App />}
      </LanguageProvider>
    </StrictMode>,
  ),
);
