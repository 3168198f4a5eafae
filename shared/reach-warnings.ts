// What a shopkeeper handing out a link must know about where its customer can come back from, for the link
// panel and `paydesk link` alike.
import type { Message, ReturnReach } from './contract';
import { say } from './messages/say';

/**
 * The warning to say before a link is handed out; null when any customer comes back. A sandbox on this computer
 * only cannot even show its checkout page to a phone, so it says so.
 */
export function reachWarning(reach: ReturnReach, sandbox: boolean): Message | null {
  switch (reach) {
    case 'this_computer':
      return say('reach_this_computer', { sandbox });
    case 'shop_network':
      return say('reach_shop_network');
    case 'unreachable':
      return say('reach_unreachable');
    case 'anywhere':
      return null;
  }
}
