import { LRUCache } from 'lru-cache';
import Redis from 'ioredis';

/** An answer as sent: its body, its ETag and its headers (CORS, security, caching…). */
export type CachedResponse = { etag: string; body: Buffer; headers: Record<string, string> };

/**
 * Taken when a lookup misses, before the answer is computed, and handed back to `save`: an
 * answer is only stored if nothing it depends on was invalidated since its ticket was taken (the
 * write could have happened after the answer read the database).
 */
export type Ticket = { generation: string; seq: number; at: number };

/** `ticket` is missing when the store cannot be used right now: answer without the cache. */
export type Lookup = { ticket?: Ticket; hit?: CachedResponse };

/**
 * Where cached answers live. Every answer is stored with its dependencies (tags, see
 * src/cache/dependencies.ts); invalidating a tag drops every answer stored with it. A new
 * generation drops everything.
 */
export interface CacheStore {
  lookup(key: string): Promise<Lookup>;
  save(key: string, ticket: Ticket, tags: readonly string[], response: CachedResponse): Promise<void>;
  /** Something these tags name changed: drop the answers that depend on it. */
  invalidate(tags: readonly string[]): Promise<void>;
  /** Something every answer may depend on changed (permissions, locales, a start): drop them all. */
  newGeneration(): Promise<void>;
  /** Resolves once the store can be used, or after a few seconds if it cannot. */
  connect(): Promise<void>;
  /** Whether the store can be used right now (reported by GET /_ready). */
  available(): boolean;
  close(): Promise<void>;
}

/** A ticket older than this is refused: the record of invalidations it is checked against is not kept longer. */
const TICKET_LIFETIME_MS = 5 * 60 * 1000;
const TAG_MEMORY_SECONDS = 2 * (TICKET_LIFETIME_MS / 1000);

const fresh = (ticket: Ticket) => Date.now() - ticket.at < TICKET_LIFETIME_MS;

type Stored = CachedResponse & { tags: readonly string[] };

/** One process: a bounded LRU (entries and bytes), with an index from each tag to its answers. */
export const createMemoryStore = ({ maxEntries, maxBytes }: { maxEntries: number; maxBytes: number }): CacheStore => {
  let generation = 0;
  let seq = 0;
  /** The last invalidation of each tag (seq and time), for tickets taken before it. */
  const invalidated = new Map<string, { seq: number; at: number }>();
  const keysByTag = new Map<string, Set<string>>();

  const unindex = (key: string, tags: readonly string[]) => {
    for (const tag of tags) {
      const keys = keysByTag.get(tag);
      keys?.delete(key);
      if (keys?.size === 0) keysByTag.delete(tag);
    }
  };
  const entries = new LRUCache<string, Stored>({
    max: maxEntries,
    maxSize: maxBytes,
    sizeCalculation: (entry) => entry.body.length + JSON.stringify(entry.headers).length + 64 + entry.tags.length * 48,
    dispose: (entry, key) => unindex(key, entry.tags),
  });

  const forgetOldInvalidations = () => {
    const horizon = Date.now() - TAG_MEMORY_SECONDS * 1000;
    for (const [tag, { at }] of invalidated) if (at < horizon) invalidated.delete(tag);
  };

  return {
    async lookup(key) {
      return { ticket: { generation: String(generation), seq, at: Date.now() }, hit: entries.get(key) };
    },
    async save(key, ticket, tags, response) {
      if (ticket.generation !== String(generation) || !fresh(ticket)) return;
      if (tags.some((tag) => (invalidated.get(tag)?.seq ?? 0) > ticket.seq)) return;
      entries.set(key, { ...response, tags });
      if (!entries.has(key)) return; // too large for the cache
      for (const tag of tags) {
        let keys = keysByTag.get(tag);
        if (!keys) keysByTag.set(tag, (keys = new Set()));
        keys.add(key);
      }
    },
    async invalidate(tags) {
      seq += 1;
      const at = Date.now();
      for (const tag of tags) {
        invalidated.set(tag, { seq, at });
        for (const key of [...(keysByTag.get(tag) ?? [])]) entries.delete(key);
      }
      if (invalidated.size > 10000) forgetOldInvalidations();
    },
    async newGeneration() {
      generation += 1;
      entries.clear();
      keysByTag.clear();
    },
    async connect() {},
    available: () => true,
    async close() {
      entries.clear();
      keysByTag.clear();
    },
  };
};

// A stored value is "<generation>\n<etag>\n<headers as JSON>\n<body>", so that one MGET reads
// both the current generation and the answer.
const encode = (generation: string, { etag, headers, body }: CachedResponse) =>
  Buffer.concat([Buffer.from(`${generation}\n${etag}\n${JSON.stringify(headers)}\n`), body]);

const decode = (value: Buffer): (CachedResponse & { generation: string }) | undefined => {
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

// Both scripts run atomically in Redis, so a save and an invalidation never interleave: either
// the save comes first and the invalidation deletes the answer, or the invalidation comes first
// and the save sees the tag's newer sequence number and stores nothing.
// KEYS: generation, entry, then n tag keys, then n tag sets. ARGV: ticket generation, ticket seq, ttl, value, n.
const SAVE = `
local n = tonumber(ARGV[5])
if (redis.call('GET', KEYS[1]) or '0') ~= ARGV[1] then return 0 end
for i = 1, n do
  local last = redis.call('GET', KEYS[2 + i])
  if last and tonumber(last) > tonumber(ARGV[2]) then return 0 end
end
redis.call('SET', KEYS[2], ARGV[4], 'EX', ARGV[3])
for i = 1, n do
  redis.call('SADD', KEYS[2 + n + i], KEYS[2])
  redis.call('EXPIRE', KEYS[2 + n + i], ARGV[3])
end
return 1`;

// KEYS: seq, then n tag keys, then n tag sets. ARGV: n, how long a tag's last invalidation is kept.
const INVALIDATE = `
local n = tonumber(ARGV[1])
local seq = redis.call('INCR', KEYS[1])
for i = 1, n do
  redis.call('SET', KEYS[1 + i], seq, 'EX', ARGV[2])
  local keys = redis.call('SMEMBERS', KEYS[1 + n + i])
  for j = 1, #keys, 500 do redis.call('DEL', unpack(keys, j, math.min(j + 499, #keys))) end
  redis.call('DEL', KEYS[1 + n + i])
end
return seq`;

/**
 * Several instances: answers, their tag index and the counters live in Redis, shared by all of
 * them (one Redis server; the scripts touch keys of several slots, so not a Redis Cluster).
 * While Redis cannot be reached, requests are answered without the cache (never from it); an
 * invalidation made meanwhile could not reach Redis, so coming back starts a new generation.
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
  const seqKey = `${prefix}seq`;
  const entryKey = (key: string) => `${prefix}entry:${key}`;
  const tagKey = (tag: string) => `${prefix}tag:${tag}`;
  const tagSetKey = (tag: string) => `${prefix}keys:${tag}`;
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
      const at = Date.now();
      const [generation, seq, value] = await redis.mgetBuffer(generationKey, seqKey, entryKey(key));
      const current = generation?.toString() ?? '0';
      const stored = value ? decode(value) : undefined;
      return {
        ticket: { generation: current, seq: Number(seq?.toString() ?? 0), at },
        hit: stored?.generation === current ? stored : undefined,
      };
    },
    async save(key, ticket, tags, response) {
      if (!usable() || !fresh(ticket)) return;
      await redis.eval(
        SAVE,
        2 + 2 * tags.length,
        generationKey,
        entryKey(key),
        ...tags.map(tagKey),
        ...tags.map(tagSetKey),
        ticket.generation,
        ticket.seq,
        ttlSeconds,
        encode(ticket.generation, response),
        tags.length
      );
    },
    async invalidate(tags) {
      if (tags.length === 0) return;
      if (!usable()) {
        missedWrites = true;
        return;
      }
      await redis
        .eval(INVALIDATE, 1 + 2 * tags.length, seqKey, ...tags.map(tagKey), ...tags.map(tagSetKey), tags.length, TAG_MEMORY_SECONDS)
        .catch(() => {
          missedWrites = true;
        });
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
