import { LRUCache } from 'lru-cache';
import Redis from 'ioredis';

/** An answer as sent: its body, its ETag and its headers (CORS, security, caching…). */
export type CachedResponse = { etag: string; body: Buffer; headers: Record<string, string> };
/** `generation` is missing when the store cannot be used right now: answer without the cache. */
export type Lookup = { generation?: string; hit?: CachedResponse };

/**
 * Where cached answers live. Every answer is stored with the content generation it was computed
 * in; any write to content starts a new generation, so an answer from an older one is never served.
 */
export interface CacheStore {
  lookup(key: string): Promise<Lookup>;
  save(key: string, generation: string, response: CachedResponse): Promise<void>;
  /** A write happened: every answer stored so far is out of date. */
  newGeneration(): Promise<void>;
  /** Resolves once the store can be used, or after a few seconds if it cannot. */
  connect(): Promise<void>;
  /** Whether the store can be used right now (reported by GET /_ready). */
  available(): boolean;
  close(): Promise<void>;
}

type Stored = CachedResponse & { generation: string };

/** One process: a bounded LRU (entries and bytes). */
export const createMemoryStore = ({ maxEntries, maxBytes }: { maxEntries: number; maxBytes: number }): CacheStore => {
  let generation = 0;
  const entries = new LRUCache<string, Stored>({
    max: maxEntries,
    maxSize: maxBytes,
    sizeCalculation: (entry) => entry.body.length + JSON.stringify(entry.headers).length + 64,
  });
  return {
    async lookup(key) {
      const current = String(generation);
      const stored = entries.get(key);
      return { generation: current, hit: stored?.generation === current ? stored : undefined };
    },
    async save(key, storedGeneration, response) {
      if (storedGeneration === String(generation)) entries.set(key, { ...response, generation: storedGeneration });
    },
    async newGeneration() {
      generation += 1;
      entries.clear();
    },
    async connect() {},
    available: () => true,
    async close() {
      entries.clear();
    },
  };
};

// A stored value is "<generation>\n<etag>\n<headers as JSON>\n<body>", so that one MGET reads
// both the current generation and the answer.
const encode = (generation: string, { etag, headers, body }: CachedResponse) =>
  Buffer.concat([Buffer.from(`${generation}\n${etag}\n${JSON.stringify(headers)}\n`), body]);

const decode = (value: Buffer): Stored | undefined => {
  const first = value.indexOf(10);
  const second = value.indexOf(10, first + 1);
  const third = value.indexOf(10, second + 1);
  if (first < 0 || second < 0 || third < 0) return undefined;
  return {
    generation: value.subarray(0, first).toString(),
    etag: value.subarray(first + 1, second).toString(),
    headers: JSON.parse(value.subarray(second + 1, third).toString()) as Record<string, string>,
    body: value.subarray(third + 1),
  };
};

/**
 * Several instances: answers and the generation counter live in Redis, shared by all of them.
 * While Redis cannot be reached, requests are answered without the cache (never from it); a write
 * made meanwhile could not reach Redis, so coming back starts a new generation.
 */
export const createRedisStore = ({
  url,
  prefix,
  ttlSeconds,
  log,
}: {
  url: string;
  prefix: string;
  ttlSeconds: number;
  log: (message: string) => void;
}): CacheStore => {
  const redis = new Redis(url, { maxRetriesPerRequest: 1, connectTimeout: 2000 });
  const generationKey = `${prefix}generation`;
  const entryKey = (key: string) => `${prefix}entry:${key}`;
  const usable = () => redis.status === 'ready';

  // Set when Redis could not be told about a write (or may not have been): the next connection
  // starts a new generation.
  let missedWrites = false;
  redis.on('error', (error: Error) => {
    if (!missedWrites) log(`Response cache: Redis unavailable, answering without the cache (${error.message})`);
    missedWrites = true;
  });
  redis.on('ready', () => {
    if (!missedWrites) return;
    missedWrites = false;
    log('Response cache: Redis is back; starting a new generation');
    redis.incr(generationKey).catch(() => {
      missedWrites = true;
    });
  });

  return {
    async lookup(key) {
      if (!usable()) return {};
      const [generation, value] = await redis.mgetBuffer(generationKey, entryKey(key));
      const current = generation?.toString() ?? '0';
      const stored = value ? decode(value) : undefined;
      return { generation: current, hit: stored?.generation === current ? stored : undefined };
    },
    async save(key, generation, response) {
      if (usable()) await redis.set(entryKey(key), encode(generation, response), 'EX', ttlSeconds);
    },
    async newGeneration() {
      if (!usable()) {
        missedWrites = true;
        return;
      }
      await redis.incr(generationKey).catch(() => {
        missedWrites = true;
      });
    },
    async connect() {
      if (usable()) return;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, 5000);
        redis.once('ready', () => {
          clearTimeout(timer);
          resolve();
        });
      });
    },
    available: usable,
    async close() {
      redis.disconnect();
    },
  };
};
