// Placeholder entry so the app builds and opens; the real UI replaces this file.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';

const container = document.getElementById('root');
if (container) {
  createRoot(container).render(
    <StrictMode>
      <main>
        <h1>PayDesk</h1>
      </main>
    </StrictMode>,
  );
}
