// What a preload hands its page as `window.paydesk`: one method per channel it is given, and subscriptions to the
// events it is given, nothing else. The IpcRendererEvent stays here: it carries `sender`, which no page may hold.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { ipcChannel, ipcEvent, type Channel, type EventName } from '../../shared/contract';

export function exposePaydesk(channels: readonly Channel[], heard: readonly EventName[]): void {
  const methods = Object.fromEntries(channels.map((name) => [name, (request: unknown) => ipcRenderer.invoke(ipcChannel(name), request)]));
  const hears = (name: unknown): name is EventName => typeof name === 'string' && (heard as readonly string[]).includes(name);
  contextBridge.exposeInMainWorld('paydesk', {
    ...methods,
    on(event: EventName, listener: (payload: unknown) => void): () => void {
      if (!hears(event)) throw new TypeError(`PayDesk has no event called ${String(event)} here.`);
      if (typeof listener !== 'function') throw new TypeError('A PayDesk event listener must be a function.');
      const forward = (_event: IpcRendererEvent, payload: unknown) => listener(payload);
      const channel = ipcEvent(event);
      ipcRenderer.on(channel, forward);
      return () => {
        ipcRenderer.removeListener(channel, forward);
      };
    },
  });
}
