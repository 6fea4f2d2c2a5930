import { createMemoryStore, type CachedResponse } from '../../src/cache/store';

/** The in-process response cache (cache/store.ts): tags, tickets, generations, bounds. */
const answer = (text: string): CachedResponse => ({ etag: `"${text}"`, body: Buffer.from(text), headers: { 'content-type': 'application/json' } });
const store = () => createMemoryStore({ maxEntries: 3, maxBytes: 1024 });

describe('the memory store', () => {
  it('serves what was saved with a fresh ticket', async () => {
    const cache = store();
    const { ticket, hit } = await cache.lookup('/api/projects');
    expect(hit).toBeUndefined();
    await cache.save('/api/projects', ticket!, ['type:project'], answer('projects'));
    expect((await cache.lookup('/api/projects')).hit?.body.toString()).toBe('projects');
  });

  it('drops the answers of an invalidated tag, and only those', async () => {
    const cache = store();
    for (const [key, tag] of [['/a', 'type:project'], ['/b', 'type:country']]) {
      const { ticket } = await cache.lookup(key);
      await cache.save(key, ticket!, [tag], answer(key));
    }
    await cache.invalidate(['type:project']);
    expect((await cache.lookup('/a')).hit).toBeUndefined();
    expect((await cache.lookup('/b')).hit?.body.toString()).toBe('/b');
  });

  it('refuses an answer computed before a write it depends on (its ticket predates the invalidation)', async () => {
    const cache = store();
    const { ticket } = await cache.lookup('/a');
    await cache.invalidate(['type:project']);
    await cache.save('/a', ticket!, ['type:project'], answer('stale'));
    expect((await cache.lookup('/a')).hit).toBeUndefined();
    // An answer that does not depend on what changed is kept.
    const { ticket: other } = await cache.lookup('/b');
    await cache.invalidate(['type:project']);
    await cache.save('/b', other!, ['type:country'], answer('fresh'));
    expect((await cache.lookup('/b')).hit?.body.toString()).toBe('fresh');
  });

  it('a new generation drops everything, and answers computed before it', async () => {
    const cache = store();
    const { ticket } = await cache.lookup('/a');
    await cache.save('/a', ticket!, [], answer('a'));
    const { ticket: before } = await cache.lookup('/b');
    await cache.newGeneration();
    await cache.save('/b', before!, [], answer('b'));
    expect((await cache.lookup('/a')).hit).toBeUndefined();
    expect((await cache.lookup('/b')).hit).toBeUndefined();
  });

  it('keeps at most maxEntries answers, dropping the least recently used', async () => {
    const cache = store();
    for (const key of ['/1', '/2', '/3']) {
      const { ticket } = await cache.lookup(key);
      await cache.save(key, ticket!, [], answer(key));
    }
    await cache.lookup('/1');
    const { ticket } = await cache.lookup('/4');
    await cache.save('/4', ticket!, [], answer('/4'));
    expect((await cache.lookup('/2')).hit).toBeUndefined();
    expect((await cache.lookup('/1')).hit).toBeDefined();
  });
});
