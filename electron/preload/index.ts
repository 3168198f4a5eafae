// The page's only door to the main process: one method per contract channel, plus event subscriptions.
// Bundled into one CommonJS file, because a sandboxed preload can require nothing but 'electron'.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { CHANNELS, events, ipcChannel, ipcEvent, type EventName, type PaydeskApi } from '../../shared/contract';

const isEventName = (name: unknown): name is EventName => typeof name === 'string' && Object.hasOwn(events, name);

const methods = Object.fromEntries(CHANNELS.map((name) => [name, (request: unknown) => ipcRenderer.invoke(ipcChannel(name), request)]));

const api = {
  ...methods,
  on(event: EventName, listener: (payload: unknown) => void): () => void {
    if (!isEventName(event)) throw new TypeError(`PayDesk has no event called ${String(event)}.`);
    if (typeof listener !== 'function') throw new TypeError('A PayDesk event listener must be a function.');
    // The IpcRendererEvent stays here: it carries `sender`, which the page must never hold.
    const forward = (_event: IpcRendererEvent, payload: unknown) => listener(payload);
    const channel = ipcEvent(event);
    ipcRenderer.on(channel, forward);
    return () => {
      ipcRenderer.removeListener(channel, forward);
    };
  },
} as PaydeskApi;

contextBridge.exposeInMainWorld('paydesk', api);
