// The one object the preload puts on the page (electron/preload/index.ts); the UI's only way to the core.
import type { PaydeskApi } from '../../shared/contract';

declare global {
  interface Window {
    readonly paydesk: PaydeskApi;
  }
}

export {};
