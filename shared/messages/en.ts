// PayDesk's sentences in English: the source of every message code and its params, and the fallback text
// the core writes to logs. Each area keeps its own phrasebook; the codes are unique across them.
import { cli } from './en/cli';
import { closing } from './en/closing';
import { common } from './en/common';
import { about } from './en/about';
import { counter } from './en/counter';
import { desktop } from './en/desktop';
import { exports } from './en/exports';
import { gateway } from './en/gateway';
import { input } from './en/input';
import { listener } from './en/listener';
import { orders } from './en/orders';
import { reconciliation } from './en/reconciliation';
import { setup } from './en/setup';
import { share } from './en/share';
import { updates } from './en/updates';
import { orderBookSettings } from './en/order-book-settings';
import { storage } from './en/storage';
import { orderBook } from './en/order-book';
import { counters } from './en/counters';
import { journal } from './en/journal';

/** Each area's phrasebook, by area, so a test can tell that no code is claimed by two. */
export const englishAreas = {
  common,
  input,
  orders,
  exports,
  reconciliation,
  setup,
  listener,
  gateway,
  desktop,
  cli,
  closing,
  share,
  counter,
  about,
  updates,
  orderBookSettings,
  storage,
  orderBook,
  counters,
  journal,
};

export const en = {
  ...common,
  ...input,
  ...orders,
  ...exports,
  ...reconciliation,
  ...setup,
  ...listener,
  ...gateway,
  ...desktop,
  ...cli,
  ...closing,
  ...share,
  ...counter,
  ...about,
  ...updates,
  ...orderBookSettings,
  ...storage,
  ...orderBook,
  ...counters,
  ...journal,
};

export type MessageCode = keyof typeof en;
/** What a code's phrase needs; `undefined` for a code that needs nothing. */
export type ParamsOf<C extends MessageCode> = Parameters<(typeof en)[C]>[0];
export const MESSAGE_CODES = Object.keys(en) as [MessageCode, ...MessageCode[]];
