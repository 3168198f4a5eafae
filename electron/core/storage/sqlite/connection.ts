// One better-sqlite3 connection, shared by every repository of a book, as the async repositories use it.
// better-sqlite3 answers synchronously and a connection has one transaction at a time, so a transaction whose work
// awaits holds the connection for everyone: while it is open, a call from any other async context waits (it must
// never write into that transaction, nor read its uncommitted rows), and calls awaited inside it (the same async
// context, AsyncLocalStorage) join it, a nested `atomically` as a savepoint. A call made while no transaction is
// open runs at once, synchronously, inside its promise: the return path pays no event-loop turn for the seam.
import { AsyncLocalStorage } from 'node:async_hooks';
import type { Db } from './database';

/** An open `atomically`, the innermost first: calls made in its async context run in it. */
type Frame = { parent: Frame | null; depth: number; open: boolean; savepoint: string | null };

/** A call waiting for the connection to be free for its async context (its frame on top, or none open). */
type Waiter = { frame: Frame | null; enter(): void };

/** What a repository does as each outermost transaction ends (orders-repo.ts indexes the payments it recorded). */
export type TransactionHooks = { beforeCommit(): void; rolledBack(): void };

export type SqliteConnection = {
  db: Db;
  /**
   * Runs one synchronous step on the connection: at once when no transaction is open or this async context's is the
   * innermost one; otherwise as soon as the connection is free for it.
   */
  run<T>(step: () => T): Promise<T>;
  /** Runs `work` as one IMMEDIATE transaction (a savepoint inside another of the same async context). */
  atomically<T>(work: () => Promise<T>): Promise<T>;
  /** True while a step runs inside an `atomically` transaction (steps run only in their own context's). */
  inAtomically(): boolean;
  onTransactionEnd(hooks: TransactionHooks): void;
};

export function connect(db: Db): SqliteConnection {
  const context = new AsyncLocalStorage<Frame>();
  /** The innermost open frame: only its async context may use the connection now. */
  let holder: Frame | null = null;
  const waiting: Waiter[] = [];
  const hooks: TransactionHooks[] = [];
  const sql = {
    begin: db.prepare('BEGIN IMMEDIATE'),
    commit: db.prepare('COMMIT'),
    rollback: db.prepare('ROLLBACK'),
  };

  /** A frame that ended long ago (work that outlived its transaction) stands for the frame around it. */
  const live = (frame: Frame | null | undefined): Frame | null => {
    let open = frame ?? null;
    while (open && !open.open) open = open.parent;
    return open;
  };

  /** Lets in, in order, the waiters the connection is now free for; one that opens a transaction holds it. */
  const wake = () => {
    for (let i = 0; i < waiting.length;) {
      const waiter = waiting[i]!;
      if (live(waiter.frame) !== holder) {
        i++;
        continue;
      }
      waiting.splice(i, 1);
      waiter.enter();
    }
  };

  const begin = (parent: Frame | null): Frame => {
    const depth = parent ? parent.depth + 1 : 0;
    // A transaction opened by hand on the connection (a test's BEGIN) is joined as SQLite joins one: by a savepoint.
    const savepoint = parent || db.inTransaction ? `atomically_${depth}` : null;
    if (savepoint) db.exec(`SAVEPOINT ${savepoint}`);
    else sql.begin.run();
    const frame: Frame = { parent, depth, open: true, savepoint };
    holder = frame;
    return frame;
  };

  const rollback = (frame: Frame) => {
    // SQLite rolls a whole transaction back by itself after some failures (a full disk): nothing is left to undo.
    if (!db.inTransaction) return;
    if (frame.savepoint) db.exec(`ROLLBACK TO ${frame.savepoint}; RELEASE ${frame.savepoint}`);
    else sql.rollback.run();
  };

  const end = (frame: Frame, commit: boolean) => {
    frame.open = false;
    holder = frame.parent;
    // Node 20's AsyncLocalStorage, while enabled, has a hook run for every async resource and promise the process
    // makes (each socket write, each request): off while no transaction is open, so the listener between bursts runs
    // without it. No frame is open then, so no call needs its context; the next `atomically` turns it on again.
    if (holder === null) context.disable();
    let kept = false;
    try {
      if (!commit) rollback(frame);
      else {
        try {
          if (frame.parent === null) for (const hook of hooks) hook.beforeCommit();
          if (frame.savepoint) db.exec(`RELEASE ${frame.savepoint}`);
          else sql.commit.run();
          kept = true;
        } catch (error) {
          rollback(frame);
          throw error;
        }
      }
    } finally {
      if (frame.parent === null && !kept) for (const hook of hooks) hook.rolledBack();
      wake();
    }
  };

  /** Waits until the connection is free for `frame`'s context, then runs `enter` there (synchronously, in order). */
  const queue = <T>(frame: Frame | null, enter: () => T) =>
    new Promise<T>((resolve, reject) =>
      waiting.push({
        frame,
        enter: () => {
          try {
            resolve(enter());
          } catch (error) {
            reject(error);
          }
        },
      }),
    );

  return {
    db,
    run<T>(step: () => T): Promise<T> {
      const frame = live(context.getStore());
      if (frame !== holder) return queue(frame, step);
      try {
        return Promise.resolve(step());
      } catch (error) {
        return Promise.reject(error);
      }
    },

    async atomically<T>(work: () => Promise<T>): Promise<T> {
      const parent = live(context.getStore());
      const frame = parent === holder ? begin(parent) : await queue(parent, () => begin(parent));
      let result: T;
      try {
        result = await context.run(frame, work);
      } catch (error) {
        end(frame, false);
        throw error;
      }
      end(frame, true);
      return result;
    },

    inAtomically: () => holder !== null,

    onTransactionEnd: (added) => void hooks.push(added),
  };
}

/** A repository's methods as the synchronous steps its async methods run on the connection. */
export type Steps<R> = { [K in keyof R]: R[K] extends (...args: infer A) => Promise<infer T> ? (...args: A) => T : never };

/** The async repository whose every method runs its synchronous step on the connection. */
export function stepped<R extends object>(connection: SqliteConnection, steps: Steps<R>): R {
  return Object.fromEntries(
    Object.entries(steps).map(([name, step]) => [
      name,
      (...args: unknown[]) => connection.run(() => (step as (...args: unknown[]) => unknown)(...args)),
    ]),
  ) as R;
}
