import os from 'os';
import { Worker } from 'worker_threads';
import type { Core } from '@strapi/strapi';

/**
 * On SQLite every query runs on Node's one main thread (better-sqlite3 is synchronous), so while a
 * search ranks a thousand matches no other request moves, and a second CPU core sits idle. Searches
 * run instead on worker threads, each with its own read-only connection to the database file: the
 * main thread goes on serving requests, and searches use every core. They read what is committed,
 * as any reader does: a write is searchable once its transaction has committed, as before.
 *
 * SEARCH_SQLITE_READERS sets how many (default: one per core, at most 4; 0: search on the main
 * connection, as with an in-memory database).
 */
const WORKER = `
const { parentPort, workerData } = require('worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.filename, { readonly: true, fileMustExist: true, timeout: 5000 });
db.pragma('cache_size = -' + workerData.cacheKib);
const statements = new Map();
parentPort.on('message', ({ id, sql, bindings }) => {
  try {
    let statement = statements.get(sql);
    if (!statement) {
      statement = db.prepare(sql);
      if (statements.size < 500) statements.set(sql, statement);
    }
    parentPort.postMessage({ id, rows: statement.all(...bindings) });
  } catch (error) {
    parentPort.postMessage({ id, error: String(error && error.message) });
  }
});
`;

type Pending = { resolve: (rows: unknown[]) => void; reject: (error: Error) => void };
type Reader = { worker: Worker; pending: Map<number, Pending> };

interface SqliteReaders {
  all(sql: string, bindings: unknown[]): Promise<unknown[]>;
  close(): Promise<void>;
}

const readerCount = (): number => {
  const setting = process.env.SEARCH_SQLITE_READERS;
  if (setting !== undefined && setting !== '') return Math.max(0, Math.floor(Number(setting)) || 0);
  return Math.min(4, os.availableParallelism());
};

const startReader = (filename: string, cacheKib: number): Reader => {
  const worker = new Worker(WORKER, { eval: true, workerData: { driver: require.resolve('better-sqlite3'), filename, cacheKib } });
  const reader: Reader = { worker, pending: new Map() };
  worker.on('message', ({ id, rows, error }: { id: number; rows?: unknown[]; error?: string }) => {
    const pending = reader.pending.get(id);
    reader.pending.delete(id);
    if (error !== undefined) pending?.reject(new Error(error));
    else pending?.resolve(rows ?? []);
  });
  worker.on('error', (error) => {
    for (const pending of reader.pending.values()) pending.reject(error);
    reader.pending.clear();
  });
  // Idle readers must not keep a process (a test run, a script) alive.
  worker.unref();
  return reader;
};

/** Read-only search connections on worker threads; undefined where they do not apply. */
const startSqliteReaders = (strapi: Core.Strapi): SqliteReaders | undefined => {
  const filename = (strapi.db.config.connection.connection as { filename?: string } | undefined)?.filename;
  const count = readerCount();
  if (strapi.db.dialect.client !== 'sqlite' || !filename || filename === ':memory:' || count === 0) return undefined;
  const cacheKib = Math.max(2, Math.floor(Number(process.env.DATABASE_SQLITE_CACHE_MB) || 64)) * 1024;
  const readers = Array.from({ length: count }, () => startReader(filename, cacheKib));
  let nextId = 0;
  return {
    all: (sql, bindings) => {
      // The reader with the fewest queries in hand.
      const reader = readers.reduce((best, candidate) => (candidate.pending.size < best.pending.size ? candidate : best));
      const id = nextId++;
      return new Promise((resolve, reject) => {
        reader.pending.set(id, { resolve, reject });
        reader.worker.postMessage({ id, sql, bindings });
      });
    },
    close: async () => {
      await Promise.all(readers.map((reader) => reader.worker.terminate()));
    },
  };
};

const running = new WeakMap<Core.Strapi, SqliteReaders>();

/** Starts the readers of this app (at bootstrap, once the index exists). */
export const openSqliteReaders = (strapi: Core.Strapi): void => {
  const readers = startSqliteReaders(strapi);
  if (readers) running.set(strapi, readers);
};

export const closeSqliteReaders = async (strapi: Core.Strapi): Promise<void> => {
  await running.get(strapi)?.close();
  running.delete(strapi);
};

/**
 * Runs a read-only query on a reader when there are readers, else on the main connection; also
 * there if a reader fails (a search must not fail for want of a worker).
 */
export const readRows = async (strapi: Core.Strapi, sql: string, bindings: unknown[]): Promise<unknown[]> => {
  const readers = running.get(strapi);
  if (readers) {
    try {
      return await readers.all(sql, bindings);
    } catch (error) {
      strapi.log.warn(`Search reader failed, searching on the main connection: ${(error as Error).message}`);
    }
  }
  const result: unknown = await strapi.db.connection.raw(sql, bindings as never);
  // knex.raw answers `{ rows }` on PostgreSQL and the rows themselves on SQLite.
  return Array.isArray(result) ? result : (result as { rows: unknown[] }).rows;
};
