import os from 'os';
import { Worker } from 'worker_threads';
import type { Core } from '@strapi/strapi';
import type { SearchReaders } from './readers';

/**
 * On SQLite every query runs on Node's one main thread (better-sqlite3 is synchronous), so while a
 * search ranks a thousand matches no other request moves, and a second CPU core sits idle. Searches
 * run instead on worker threads, each with its own read-only connection to the database file: the
 * main thread goes on serving requests, and searches use every core. They read what is committed,
 * as any reader does: a write is searchable once its transaction has committed, as before.
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

/** Worker threads with read-only connections (by default one per core, at most 4); none for an in-memory database. */
export const startSqliteReaders = (strapi: Core.Strapi, count: number | undefined): SearchReaders | undefined => {
  const filename = (strapi.db.config.connection.connection as { filename?: string } | undefined)?.filename;
  const threads = count ?? Math.min(4, os.availableParallelism());
  if (!filename || filename === ':memory:' || threads === 0) return undefined;
  const cacheKib = strapi.config.get<number>('sqlite.cacheMegabytes') * 1024;
  const readers = Array.from({ length: threads }, () => startReader(filename, cacheKib));
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
