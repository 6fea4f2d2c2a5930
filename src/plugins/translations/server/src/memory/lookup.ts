import type { Core } from '@strapi/strapi';
import { keyOf, normalise, similarity, wordsOf } from './segments';

/**
 * Lookups in the translation memory: for a source text, the stored translations of the same
 * text (score 100) and of similar ones (a word-level similarity score, see segments.ts).
 *
 * Candidates come from an inverted index of the source texts' words, kept in this process's
 * memory (words as numbers; the texts stay in the database and are read for the few
 * candidates): a database scan per sentence would not answer a 40-sentence document in 100 ms.
 * The index is loaded on the first lookup and kept current by this process's own writes; a
 * revision counter in the plugin's store, bumped with every change, tells it when another
 * process (another instance, `npm run memory:rebuild`) or a rolled-back transaction changed the
 * table, and it then reloads.
 */

export type Match = { sourceText: string; targetText: string; score: number; published: boolean; contentType: string; documentId: string };
export type LookupOptions = {
  targetLocale: string;
  texts: string[];
  /** Also offer translations that exist only in a draft (never published in that state). */
  includeDrafts?: boolean;
  /** Leave out the document being translated (its own translation is not a suggestion). */
  exclude?: { contentType: string; documentId: string };
  /** Only translations from the content types the caller may read (in both locales). */
  readable?: (contentType: string) => boolean;
  /** Lowest score offered (default 70) and most matches per text (default 3). */
  minScore?: number;
  limit?: number;
};
export type IndexedEntry = { id: number; targetLocale: string; sourceText: string; published: boolean; contentType: string; entryDocumentId: string };

/**
 * One target locale's index. Entries are positions in flat arrays of numbers (no object per entry:
 * a lookup touches tens of thousands of entries, and reading them from flat arrays instead of
 * following a pointer per entry is what keeps a 40-sentence lookup within its budget).
 */
type LocaleIndex = {
  ids: number[];
  /** Distinct words of the entry's source text. */
  sizes: number[];
  /** 1 published, 0 draft only, -1 removed (postings skip it; a reload compacts). */
  states: number[];
  documents: number[];
  positions: Map<number, number>;
  postings: Map<number, number[]>;
  alive: number;
  /** Shared words per entry during one lookup (reset after it): cheaper than a Map per sentence. */
  counts: Uint16Array;
};

const REVISION_KEY = 'memory-revision';
const PAGE = 5000;

class MemoryIndex {
  private dictionary = new Map<string, number>();
  private documents = new Map<string, number>();
  private locales = new Map<string, LocaleIndex>();
  private revision: number | null = null;
  private loading: Promise<void> | null = null;

  constructor(private readonly strapi: Core.Strapi) {}

  private store() {
    return this.strapi.store({ type: 'plugin', name: 'translations' });
  }

  private async storedRevision(): Promise<number> {
    return Number((await this.store().get({ key: REVISION_KEY })) ?? 0);
  }

  private wordId(word: string): number {
    let id = this.dictionary.get(word);
    if (id === undefined) {
      id = this.dictionary.size;
      this.dictionary.set(word, id);
    }
    return id;
  }

  private documentId(contentType: string, documentId: string): number {
    const key = `${contentType}/${documentId}`;
    let id = this.documents.get(key);
    if (id === undefined) {
      id = this.documents.size;
      this.documents.set(key, id);
    }
    return id;
  }

  private add(entry: IndexedEntry): void {
    let index = this.locales.get(entry.targetLocale);
    if (!index) {
      index = { ids: [], sizes: [], states: [], documents: [], positions: new Map(), postings: new Map(), alive: 0, counts: new Uint16Array(1024) };
      this.locales.set(entry.targetLocale, index);
    }
    const words = [...new Set(wordsOf(entry.sourceText).map((word) => this.wordId(word)))];
    const position = index.ids.length;
    index.ids.push(entry.id);
    index.sizes.push(words.length);
    index.states.push(entry.published ? 1 : 0);
    index.documents.push(this.documentId(entry.contentType, entry.entryDocumentId));
    index.positions.set(entry.id, position);
    index.alive += 1;
    for (const word of words) {
      const list = index.postings.get(word);
      if (list) list.push(position);
      else index.postings.set(word, [position]);
    }
  }

  private remove(id: number): void {
    for (const index of this.locales.values()) {
      const position = index.positions.get(id);
      if (position === undefined) continue;
      index.states[position] = -1;
      index.positions.delete(id);
      index.alive -= 1;
    }
  }

  private async load(): Promise<void> {
    const revision = await this.storedRevision();
    this.dictionary = new Map();
    this.documents = new Map();
    this.locales = new Map();
    const knex = this.strapi.db.connection;
    let last = 0;
    for (;;) {
      const rows: Array<Record<string, unknown>> = await knex('translation_memory')
        .select('id', 'target_locale', 'source_text', 'published', 'content_type', 'entry_document_id')
        .where('id', '>', last)
        .orderBy('id')
        .limit(PAGE);
      for (const row of rows) {
        this.add({
          id: Number(row.id),
          targetLocale: String(row.target_locale),
          sourceText: String(row.source_text),
          published: row.published === true || row.published === 1,
          contentType: String(row.content_type),
          entryDocumentId: String(row.entry_document_id),
        });
      }
      if (rows.length < PAGE) break;
      last = Number(rows[rows.length - 1].id);
    }
    this.revision = revision;
  }

  /** Loaded and current. */
  async ready(): Promise<void> {
    if (this.loading) await this.loading;
    if (this.revision !== null && this.revision === (await this.storedRevision())) return;
    this.loading ??= this.load().finally(() => {
      this.loading = null;
    });
    await this.loading;
  }

  /** After a write of the table by this process: apply it here and tell other processes. */
  async changed(removed: number[], inserted: IndexedEntry[] | null): Promise<void> {
    const next = (await this.storedRevision()) + 1;
    await this.store().set({ key: REVISION_KEY, value: next });
    if (this.revision === null || this.loading || inserted === null) {
      this.revision = null;
      return;
    }
    for (const id of removed) this.remove(id);
    for (const entry of inserted) this.add(entry);
    this.revision = this.revision + 1 === next ? next : null;
  }

  /** After the table was emptied (rebuild): reload on the next lookup. */
  forget(): void {
    this.revision = null;
  }

  /** Candidate entry ids per text, best first by shared words. */
  candidates(options: LookupOptions): number[][] {
    const index = this.locales.get(options.targetLocale);
    const minScore = options.minScore ?? 70;
    const exclude = options.exclude ? this.documents.get(`${options.exclude.contentType}/${options.exclude.documentId}`) : undefined;
    return options.texts.map((text) => {
      if (!index) return [];
      const words = [...new Set(wordsOf(text))];
      if (words.length === 0) return [];
      const known = words
        .map((word) => this.dictionary.get(word))
        .filter((id): id is number => id !== undefined)
        .map((id) => index.postings.get(id) ?? [])
        .sort((a, b) => a.length - b.length);
      // Words in a large share of the memory ("the", "of", "community") are counted as if every
      // candidate had them (an optimistic estimate; the score is then computed from the texts): they
      // are where most of the work would be, and they find nothing the rarer words do not.
      const common = Math.max(1000, index.alive / 50);
      const lists = known.filter((list, rank) => list.length <= common || rank < 2);
      const skipped = known.length - lists.length;
      // The estimate below (Dice coefficient of the word sets) reaches `threshold` only for entries of
      // a similar number of words, sharing at least `needed` of the counted ones; such an entry is in
      // one of the first lists.length - needed + 1 lists (the rarest), so the longer lists only count
      // entries already seen.
      const threshold = minScore * 0.8;
      const n = words.length;
      const shortest = (threshold * n) / (200 - threshold);
      const longest = (n * (200 - threshold)) / threshold;
      const needed = Math.max(1, Math.ceil((threshold * (n + shortest)) / 200) - skipped);
      const opening = lists.length - needed + 1;
      if (index.counts.length < index.ids.length) index.counts = new Uint16Array(index.ids.length * 2);
      const { counts, sizes, states, documents, ids } = index;
      const touched: number[] = [];
      lists.forEach((list, rank) => {
        if (rank < opening) {
          for (const position of list) {
            if (counts[position] === 0) {
              const size = sizes[position];
              if (size < shortest || size > longest) continue;
              touched.push(position);
            }
            counts[position] += 1;
          }
        } else {
          for (const position of list) if (counts[position] > 0) counts[position] += 1;
        }
      });
      const scored: Array<[number, number]> = [];
      for (const position of touched) {
        const count = counts[position];
        counts[position] = 0;
        const state = states[position];
        if (state < 0 || (state === 0 && !options.includeDrafts) || documents[position] === exclude) continue;
        const estimate = (200 * (count + skipped)) / (n + sizes[position]);
        if (estimate >= threshold) scored.push([ids[position], estimate]);
      }
      return scored
        .sort((a, b) => b[1] - a[1])
        .slice(0, 12)
        .map(([id]) => id);
    });
  }
}

const indexes = new WeakMap<Core.Strapi, MemoryIndex>();
export const memoryIndex = (strapi: Core.Strapi): MemoryIndex => {
  let index = indexes.get(strapi);
  if (!index) indexes.set(strapi, (index = new MemoryIndex(strapi)));
  return index;
};

/** Matches for each text, best first: exact (100) and near ones, each translation once. */
export const lookupMemory = async (strapi: Core.Strapi, options: LookupOptions): Promise<Match[][]> => {
  const index = memoryIndex(strapi);
  await index.ready();
  const candidates = index.candidates(options);
  // Exact matches also by their key (indexed): a short sentence of common words only ("The city of
  // the district") has no rare word for the word index to find it by.
  const keys = [...new Set(options.texts.map(keyOf))];
  const exact: Array<{ id: number; sourceKey: string }> = await strapi.db.query('plugin::translations.memory-entry').findMany({
    select: ['id', 'sourceKey'],
    where: {
      targetLocale: options.targetLocale,
      sourceKey: { $in: keys },
      ...(options.includeDrafts ? {} : { published: true }),
      ...(options.exclude ? { $not: { contentType: options.exclude.contentType, entryDocumentId: options.exclude.documentId } } : {}),
    },
    limit: keys.length * 10,
  });
  options.texts.forEach((text, n) => {
    const key = keyOf(text);
    for (const row of exact) if (row.sourceKey === key && !candidates[n].includes(row.id)) candidates[n].unshift(row.id);
  });
  const ids = [...new Set(candidates.flat())];
  const rows = new Map<number, { sourceText: string; targetText: string; published: boolean; contentType: string; entryDocumentId: string }>();
  for (let start = 0; start < ids.length; start += 500) {
    const found: Array<{ id: number; sourceText: string; targetText: string; published: boolean; contentType: string; entryDocumentId: string }> = await strapi.db
      .query('plugin::translations.memory-entry')
      .findMany({ select: ['id', 'sourceText', 'targetText', 'published', 'contentType', 'entryDocumentId'], where: { id: { $in: ids.slice(start, start + 500) } } });
    for (const row of found) rows.set(row.id, row);
  }
  const minScore = options.minScore ?? 70;
  return options.texts.map((text, n) => {
    const words = wordsOf(text);
    const best = new Map<string, Match>();
    for (const id of candidates[n]) {
      const row = rows.get(id);
      if (!row || (options.readable && !options.readable(row.contentType))) continue;
      const score = normalise(row.sourceText) === normalise(text) ? 100 : Math.min(99, similarity(words, wordsOf(row.sourceText)));
      if (score < minScore) continue;
      const match: Match = { sourceText: row.sourceText, targetText: row.targetText, score, published: Boolean(row.published), contentType: row.contentType, documentId: row.entryDocumentId };
      const key = `${normalise(row.sourceText)}\n${row.targetText}`;
      const seen = best.get(key);
      if (!seen || (match.published && !seen.published)) best.set(key, match);
    }
    return [...best.values()].sort((a, b) => b.score - a.score || Number(b.published) - Number(a.published)).slice(0, options.limit ?? 3);
  });
};
