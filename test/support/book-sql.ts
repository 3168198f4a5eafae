// A test's own SQL on a core's order book, whichever engine keeps it: the same statement (`?` placeholders, SQL both
// engines speak) on SQLite's connection or PostgreSQL's pool. Both schemas have the same tables and columns; what
// differs in kind is read alike by asking for it so: `CAST(detail AS TEXT)` for an event's JSON, counts as numbers.
import type { PaydeskCore } from '../../electron/core/paydesk-core';
import type { PostgresBook } from '../../electron/core/storage/postgres/postgres-book';
import { sqliteOf } from './sqlite-book';

export type BookSql = {
  all<T = Record<string, unknown>>(sql: string, ...params: unknown[]): Promise<T[]>;
  /** A statement that changes the book and returns no rows. */
  run(sql: string, ...params: unknown[]): Promise<void>;
  /** The first column of the first row. */
  value<T = unknown>(sql: string, ...params: unknown[]): Promise<T>;
};

export function bookSql(core: Pick<PaydeskCore, 'book'>): BookSql {
  const all = async <T>(sql: string, ...params: unknown[]): Promise<T[]> => {
    if (core.book.engine === 'sqlite')
      return sqliteOf(core.book)
        .prepare(sql)
        .all(...params) as T[];
    let n = 0;
    const { rows } = await (core.book as PostgresBook).db.query(
      sql.replace(/\?/g, () => `$${++n}`),
      params,
    );
    return rows as T[];
  };
  return {
    all,
    async run(sql: string, ...params: unknown[]) {
      if (core.book.engine === 'sqlite')
        sqliteOf(core.book)
          .prepare(sql)
          .run(...params);
      else await all(sql, ...params);
    },
    async value<T>(sql: string, ...params: unknown[]) {
      const [row] = await all<Record<string, unknown>>(sql, ...params);
      return (row ? Object.values(row)[0] : undefined) as T;
    },
  };
}
