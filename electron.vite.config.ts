import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';

const root = import.meta.dirname;

/**
 * The dev server needs an inline script (React Refresh preamble) and a websocket (HMR), both of which the
 * strict CSP in renderer/index.html forbids. Loosen it only while serving; the built page keeps it strict.
 */
function devServerCsp(): Plugin {
  return {
    name: 'paydesk:dev-server-csp',
    apply: 'serve',
    transformIndexHtml(html) {
      return html
        .replace("script-src 'self'", "script-src 'self' 'unsafe-inline'")
        .replace("connect-src 'none'", "connect-src 'self' ws://localhost:* ws://127.0.0.1:*");
    },
  };
}

export default defineConfig({
  main: {
    build: {
      outDir: resolve(root, 'out/main'),
      // Dependencies (better-sqlite3 with its native binding above all) stay in node_modules.
      externalizeDeps: true,
      rolldownOptions: {
        input: {
          index: resolve(root, 'electron/main/index.ts'),
          // Statement files are read in a worker thread (statement-reader.ts), which loads this file beside index.js.
          'statement-worker': resolve(root, 'electron/core/reconciliation/statement-worker.ts'),
          // The orders' totals are counted in a worker thread (totals-counter.ts), which loads this file beside index.js.
          'totals-worker': resolve(root, 'electron/core/storage/sqlite/totals-worker.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: resolve(root, 'out/preload'),
      // A sandboxed preload gets no module loader: everything but 'electron' must be inside one CommonJS file.
      externalizeDeps: false,
      isolatedEntries: true,
      rolldownOptions: {
        // The shopkeeper's window, and the customer view's narrower one.
        input: { index: resolve(root, 'electron/preload/index.ts'), customer: resolve(root, 'electron/preload/customer.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(root, 'renderer'),
    plugins: [react(), devServerCsp()],
    build: {
      outDir: resolve(root, 'out/renderer'),
      minify: true,
      rolldownOptions: {
        input: { index: resolve(root, 'renderer/index.html') },
      },
    },
  },
});
