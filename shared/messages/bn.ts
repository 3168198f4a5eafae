// PayDesk's sentences in Bengali, code for code the English ones (a missing or extra code fails the typecheck).
// The words follow GLOSSARY.md beside this file.
import type { Translation } from './catalog';
import { cli } from './bn/cli';
import { closing } from './bn/closing';
import { common } from './bn/common';
import { about } from './bn/about';
import { counter } from './bn/counter';
import { desktop } from './bn/desktop';
import { exports } from './bn/exports';
import { gateway } from './bn/gateway';
import { input } from './bn/input';
import { listener } from './bn/listener';
import { orders } from './bn/orders';
import { reconciliation } from './bn/reconciliation';
import { setup } from './bn/setup';
import { share } from './bn/share';
import { updates } from './bn/updates';
import { orderBookSettings } from './bn/order-book-settings';
import { storage } from './bn/storage';
import { orderBook } from './bn/order-book';
import { counters } from './bn/counters';
import { journal } from './bn/journal';
import type { en } from './en';

export const bn: Translation<typeof en> = {
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
  ...counter,
  ...about,
  ...share,
  ...updates,
  ...orderBookSettings,
  ...storage,
  ...orderBook,
  ...counters,
  ...journal,
};
