// Writes the journal's entries to the order book once it answers again: in the order they arrived, each as the
// recording it would have been (at its own instant, through the orders service, so the book's unique constraints
// decide and a conflict is audited like any other), and deletes an entry only after the book committed it. Killed
// anywhere, the next start replays what is left: an entry the book already took is then a repeat, which changes
// nothing, so nothing is lost and nothing is paid twice. An entry the book refuses for a reason of its own (not for
// being away) is tried again with the others' backoff, and after `maxTries` set aside in the journal file, kept there
// for whoever looks into it, rather than retried forever and counted as a payment waiting.
import type { CoreEvents } from '../core-events';
import type { EventBus } from '../event-bus';
import { errorText, type Log } from '../log/log';
import type { OrdersService } from '../orders/orders-service';
import { OrderBookUnreachable } from '../storage/order-book-unreachable';
import { canonicalTransactionId } from '../values/transaction-id';
import type { JournalEntry, ReturnJournal } from './return-journal';

export type ReplayService = Pick<OrdersService, 'replayReturn' | 'replayCancel' | 'replayLinkFailure' | 'batch'>;

export type ReplayOptions = {
  journal: ReturnJournal;
  service: ReplayService;
  /** Hears of the book answering (orderChanged) and tells of the count waiting (waitingReturnsChanged). */
  events: Pick<EventBus<CoreEvents>, 'on' | 'emit'>;
  log: Log;
  /** Entries written in one transaction of the book's. */
  chunk?: number;
  /** The wait after the book did not answer, doubled each time it still does not, up to `maxDelayMs`. */
  firstDelayMs?: number;
  maxDelayMs?: number;
  /** How many times the book may refuse an entry before it is set aside. */
  maxTries?: number;
};

export type JournalReplay = {
  /** Entries were added: replays now, unless the book did not answer lately (a retry is due then anyway). */
  wake(): void;
  /** The book answered another write: a retry that was due later is made now, and the waits start again from the first. */
  bookAnswered(): void;
  /** Stops replaying, once the transaction in flight has ended. */
  close(): Promise<void>;
};

type Drained = 'done' | 'unreachable' | 'stuck';

/** With the backoff (up to 5 s between tries), a minute and a half of a book that answers and still refuses the entry. */
export const MAX_TRIES = 20;

/** What replaying one entry did, for the log. */
type Outcome = 'recorded' | 'unchanged' | 'unknown';

export function startJournalReplay({
  journal,
  service,
  events,
  log,
  chunk = 100,
  firstDelayMs = 250,
  maxDelayMs = 5_000,
  maxTries = MAX_TRIES,
}: ReplayOptions): JournalReplay {
  let closed = false;
  let running: Promise<void> | null = null;
  let again = false;
  let timer: NodeJS.Timeout | null = null;
  let delayMs = firstDelayMs;

  const replayOne = async (entry: JournalEntry): Promise<Outcome> => {
    switch (entry.kind) {
      case 'return': {
        const result = await service.replayReturn(entry.tokenHash, canonicalTransactionId(entry.transactionId)!, entry.at);
        return result.kind === 'unknown_token' ? 'unknown' : result.kind === 'repeat' ? 'unchanged' : 'recorded';
      }
      case 'cancel': {
        const result = await service.replayCancel(entry.tokenHash, entry.at);
        return result.kind === 'unknown_token' ? 'unknown' : result.kind === 'cancelled' ? 'recorded' : 'unchanged';
      }
      case 'link_failed':
        return (await service.replayLinkFailure(entry.orderId, entry.at)) ? 'recorded' : 'unchanged';
    }
  };

  /** Each entry the book took, or knows nothing of: the book's answer is final for it, so it leaves the journal. */
  const settled = (entries: JournalEntry[], outcomes: Outcome[], tally: Record<Outcome, number>) => {
    entries.forEach((entry, i) => {
      const outcome = outcomes[i]!;
      tally[outcome]++;
      // A token of no order of this book's (a made-up link, taken while the book could not judge it): nothing to write.
      if (outcome === 'unknown')
        log.warn('journal_unknown_token', `a journaled ${entry.kind} from ${entry.at} names no order of this book; dropped.`);
    });
    journal.remove(entries.map((entry) => entry.id));
  };

  /** Every entry, oldest first, a chunk per transaction; one that fails alone is left for the next time. */
  const drain = async (): Promise<Drained> => {
    const started = performance.now();
    const tally: Record<Outcome, number> = { recorded: 0, unchanged: 0, unknown: 0 };
    let cursor = 0;
    let stuck = 0;
    let setAside = 0;
    let lastRefusal = '';
    let result: Drained = 'done';
    // Bounded: each pass moves the cursor past at least one entry, and entries are capped (MAX_WAITING).
    while (!closed) {
      const entries = journal.after(cursor, chunk);
      if (entries.length === 0) break;
      cursor = entries.at(-1)!.id;
      try {
        settled(
          entries,
          await service.batch(async () => {
            const outcomes: Outcome[] = [];
            for (const entry of entries) outcomes.push(await replayOne(entry));
            return outcomes;
          }),
          tally,
        );
        continue;
      } catch (error) {
        if (error instanceof OrderBookUnreachable) {
          result = 'unreachable';
          break;
        }
      }
      // One of them could not be written: each on its own, so it does not hold the others back.
      for (const entry of entries) {
        try {
          settled([entry], [await service.batch(() => replayOne(entry))], tally);
        } catch (error) {
          if (error instanceof OrderBookUnreachable) {
            result = 'unreachable';
            break;
          }
          const tries = journal.refused(entry.id);
          lastRefusal = errorText(error);
          if (tries >= maxTries) {
            journal.setAside(entry.id, lastRefusal, new Date().toISOString());
            setAside++;
            continue;
          }
          stuck++;
          // Said once: the tries that follow are the backoff's, and the set-aside is said when it comes.
          if (tries === 1)
            log.error('journal_entry_not_replayed', `a journaled ${entry.kind} from ${entry.at} could not be written: ${lastRefusal}`);
        }
      }
      if (result === 'unreachable') break;
    }
    if (setAside > 0) {
      log.error(
        'journal_set_aside',
        `${setAside} journaled entries the order book refused ${maxTries} times are set aside in ${journal.file} (table set_aside), ` +
          `no longer waiting; the book's last word: ${lastRefusal}`,
      );
    }
    const written = tally.recorded + tally.unchanged + tally.unknown;
    if (written > 0) {
      log.info(
        'journal_replayed',
        `${written} journaled entries written to the order book in ${Math.round(performance.now() - started)} ms ` +
          `(${tally.recorded} recorded, ${tally.unchanged} already there, ${tally.unknown} for no order); ${journal.waiting()} waiting.`,
      );
    }
    return result === 'done' && stuck > 0 ? 'stuck' : result;
  };

  const schedule = (ms: number) => {
    if (closed || timer) return;
    timer = setTimeout(() => {
      timer = null;
      run();
    }, ms);
    timer.unref();
  };

  function run(): void {
    if (closed) return;
    if (running) {
      again = true;
      return;
    }
    running = drain()
      .then(
        (drained) => {
          if (drained === 'done') delayMs = firstDelayMs;
          else if (journal.size() > 0) {
            schedule(delayMs);
            delayMs = Math.min(delayMs * 2, maxDelayMs);
          }
        },
        (error: unknown) => {
          log.error('journal_replay_failed', `the journal could not be replayed: ${errorText(error)}`);
          schedule(maxDelayMs);
        },
      )
      .finally(() => {
        running = null;
        // Woken meanwhile: again now, unless a retry is due (the book did not answer), which will see the new entries.
        if (again) {
          again = false;
          if (!timer) run();
        }
      });
  }

  const wake = () => {
    if (!timer) run();
  };
  const bookAnswered = () => {
    if (!timer) return;
    clearTimeout(timer);
    timer = null;
    delayMs = firstDelayMs;
    run();
  };
  let shown = journal.waiting();
  let size = journal.size();
  const stopHearing = [
    journal.onChange((waiting) => {
      if (waiting !== shown) events.emit('waitingReturnsChanged', { waiting: (shown = waiting) });
      if (journal.size() > size) wake();
      size = journal.size();
    }),
    // Any write that went through (this counter's own, or another's it was told of) says the book answers again.
    events.on('orderChanged', bookAnswered),
  ];

  run();
  return {
    wake,
    bookAnswered,
    async close() {
      closed = true;
      for (const stop of stopHearing) stop();
      if (timer) clearTimeout(timer);
      timer = null;
      await running;
      const [waiting, aside] = [journal.size(), journal.setAsideCount()];
      if (waiting + aside > 0)
        log.warn(
          'journal_closed',
          `the journal keeps ${waiting} entries waiting for the order book and ${aside} set aside, in ${journal.file}.`,
        );
    },
  };
}
