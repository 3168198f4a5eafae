// What closing PayDesk's window, or quitting it, does. The return address is part of PayDesk and answers only while it
// runs, so closing the window hides it (the tray, or the Dock on macOS) unless the shopkeeper chose otherwise, and
// quitting while customers may still come back to pay asks first. Pure, so every path is tested under plain Node.
import type { Confirmation } from '../../core/platform';
import type { Preferences } from '../../../shared/contract';
import { render, say } from '../../../shared/messages/say';

/** Where a hidden PayDesk is found again: its icon by the clock (Windows, Linux) or in the Dock (macOS). */
export type HiddenIn = 'tray' | 'dock';

export type CloseDecision = { kind: 'hide'; in: HiddenIn } | { kind: 'quit' } | { kind: 'ask'; pending: number };

/**
 * Why PayDesk is already on its way out, if it is: 'chosen' once the shopkeeper quit (nothing pending, or Quit anyway),
 * 'system' when the computer shuts down or logs out, which a question must never hold up.
 */
export type Quitting = 'no' | 'chosen' | 'system';

export type CloseRequest = {
  /** The window's close button (Alt+F4, Cmd+W), or a quit of the whole app (the tray's Quit, the app menu, Cmd+Q, the Dock). */
  via: 'window' | 'quit';
  keepRunning: boolean;
  platform: NodeJS.Platform;
  /** How many payment links customers may still pay and come back from. */
  pending: number;
  quitting: Quitting;
};

export function closeDecision({ via, keepRunning, platform, pending, quitting }: CloseRequest): CloseDecision {
  // A window closing because PayDesk quits closes; a quit already decided is not asked again.
  if (quitting !== 'no') return { kind: 'quit' };
  if (via === 'window' && keepRunning) return { kind: 'hide', in: platform === 'darwin' ? 'dock' : 'tray' };
  return pending > 0 ? { kind: 'ask', pending } : { kind: 'quit' };
}

/** The question before quitting with links pending: keeping PayDesk running is the default, quitting has to be chosen. */
export function quitQuestion(pending: number, language: Preferences['language']): Confirmation {
  return {
    title: render(say('quit_pending_title'), language),
    message: render(say('quit_pending_message', { count: pending }), language),
    detail: render(say('quit_pending_detail'), language),
    confirmLabel: render(say('quit_anyway'), language),
    cancelLabel: render(say('quit_keep_running'), language),
  };
}

/** Said once, the first time the window closes and PayDesk keeps running: why, and where to find it again. */
export function keepRunningNotice(hiddenIn: HiddenIn, language: Preferences['language']): { title: string; body: string } {
  return {
    title: render(say('keep_running_title'), language),
    body: render(say('keep_running_body', { where: hiddenIn }), language),
  };
}
