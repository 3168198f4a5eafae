// Wires every contract channel to the core's router. The router checks the sender and validates the payload;
// this module only says, truthfully, who sent it.
import type { IpcMain } from 'electron';
import { CHANNELS, ipcChannel } from '../../shared/contract';
import type { Router, Sender } from '../core/router';

type Frame = { url: string; processId: number; routingId: number };

/**
 * Who sent an invoke: the frame's URL, and whether it is the top frame of its page. Electron may hand out
 * distinct wrapper objects for one frame, so identity is confirmed by process and routing id as well.
 */
export function senderOf(event: { senderFrame: Frame | null; sender: { mainFrame: Frame } }): Sender {
  const frame = event.senderFrame;
  if (!frame) return { url: '', isMainFrame: false };
  const main = event.sender.mainFrame;
  const isMainFrame = frame === main || (frame.processId === main.processId && frame.routingId === main.routingId);
  return { url: frame.url, isMainFrame };
}

export function registerIpc(ipcMain: Pick<IpcMain, 'handle'>, router: Pick<Router, 'handle'>): void {
  for (const name of CHANNELS) {
    ipcMain.handle(ipcChannel(name), (event, payload: unknown) => router.handle(name, payload, senderOf(event)));
  }
}
