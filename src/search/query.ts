import type { Core } from '@strapi/strapi';
import { TABLE, isPostgres } from './index-store';
import { normaliseWithMap, queryTerms } from './normalise';

export interface SearchParams {
  q: string;
  /** The locale asked for, then its fallbacks. */
  chain: string[];
  types: string[];
  page: number;
  pageSize: number;
}

export interface SearchHit {
  type: string;
  documentId: string;
  slug: string | null;
  title: string;
  snippet: string;
  locale: string;
  score: number;
}

/**
 * Ranking: a word in the title outranks any number of words in the summary, which outrank words
 * only in the body. A matching row has every word somewhere, so a word in neither the title nor
 * the summary is in the body: the long body is never read to rank.
 */
const TITLE = 100;
const SUMMARY = 10;
const BODY = 1;
/** FTS5 trigram MATCH finds nothing for shorter strings: those are checked with instr() instead. */
const MIN_TRIGRAM = 3;
const SNIPPET_CONTEXT = 80;

type Row = { id: number; type: string; document_id: string; locale: string; slug: string | null; title: string; summary: string; body: string; score: number | string };

const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char] as string);

/**
 * The passage of the first field (title, summary, body) where a query word occurs, HTML-escaped,
 * with every occurrence of the query words in it wrapped in <mark>…</mark>.
 */
export const snippetOf = (fields: string[], terms: string[]): string => {
  for (const field of fields) {
    const { text, sourceStart, sourceEnd } = normaliseWithMap(field);
    const ranges: Array<[number, number]> = [];
    for (const term of terms) {
      const needle = term.trimStart();
      for (let at = text.indexOf(term); at !== -1; at = text.indexOf(term, at + 1)) {
        const from = at + term.length - needle.length;
        ranges.push([sourceStart[from], sourceEnd[from + needle.length - 1]]);
      }
    }
    if (ranges.length === 0) continue;
    ranges.sort((a, b) => a[0] - b[0]);
    const start = Math.max(0, ranges[0][0] - SNIPPET_CONTEXT);
    const end = Math.min(field.length, ranges[0][1] + 2 * SNIPPET_CONTEXT);
    let snippet = start > 0 ? '…' : '';
    let cursor = start;
    for (const [from, to] of ranges) {
      if (from < cursor || to > end) continue;
      snippet += `${escapeHtml(field.slice(cursor, from))}<mark>${escapeHtml(field.slice(from, to))}</mark>`;
      cursor = to;
    }
    snippet += escapeHtml(field.slice(cursor, end)) + (end < field.length ? '…' : '');
    return snippet;
  }
  return '';
};

/**
 * Runs a search: every query word must occur in the version served (a Khmer word anywhere, other
 * words at a word start); with a fallback chain each document is served in the first locale of the
 * chain it has a published version in, as on the other routes.
 */
export const search = async (strapi: Core.Strapi, params: SearchParams): Promise<{ hits: SearchHit[]; total: number }> => {
  const terms = queryTerms(params.q);
  if (terms.length === 0) return { hits: [], total: 0 };
  const knex = strapi.db.connection;
  const postgres = isPostgres(strapi);
  const contains = postgres ? 'strpos' : 'instr';

  const where: string[] = [];
  const bindings: unknown[] = [];
  let from = `${TABLE} e`;
  if (postgres) {
    for (const term of terms) {
      where.push('e.all_n LIKE ?');
      bindings.push(`%${term}%`);
    }
  } else {
    // The FTS matches drive the query (CROSS JOIN fixes the order): its cost then follows the number
    // of matches, not the size of the table, and only rowids are read from the FTS table.
    const ftsWhere: string[] = [];
    const indexed = terms.filter((term) => [...term].length >= MIN_TRIGRAM);
    if (indexed.length > 0) {
      ftsWhere.push('all_n MATCH ?');
      bindings.push(indexed.map((term) => `"${term.replace(/"/g, '""')}"`).join(' AND '));
    }
    for (const term of terms.filter((t) => !indexed.includes(t))) {
      ftsWhere.push('instr(all_n, ?) > 0');
      bindings.push(term);
    }
    from = `(SELECT rowid AS id FROM search_entries_fts WHERE ${ftsWhere.join(' AND ')}) m CROSS JOIN ${TABLE} e ON e.id = m.id`;
  }
  where.push(`e.type IN (${params.types.map(() => '?').join(', ')})`);
  bindings.push(...params.types);

  const served = params.chain.map((locale, index) => {
    const earlier = params.chain.slice(0, index);
    bindings.push(locale, ...earlier);
    return earlier.length === 0
      ? 'e.locale = ?'
      : `(e.locale = ? AND NOT EXISTS (SELECT 1 FROM ${TABLE} x WHERE x.document_id = e.document_id AND x.type = e.type AND x.locale IN (${earlier.map(() => '?').join(', ')})))`;
  });
  where.push(`(${served.join(' OR ')})`);

  const score = terms
    .map(() => `CASE WHEN ${contains}(e.title_n, ?) > 0 THEN ${TITLE} WHEN ${contains}(e.summary_n, ?) > 0 THEN ${SUMMARY} ELSE ${BODY} END`)
    .join(' + ');
  const scoreBindings = terms.flatMap((term) => [term, term]);
  const whereSql = where.join(' AND ');

  const [{ total }] = (await knex.raw(`SELECT COUNT(*) AS total FROM ${from} WHERE ${whereSql}`, bindings).then(rowsOf)) as Array<{ total: number | string }>;
  // Ranks without the long texts (SQLite would carry every match's body through the sort), then
  // reads them for the page only.
  const ranked = (await knex
    .raw(
      `SELECT e.id, (${score}) AS score
       FROM ${from} WHERE ${whereSql}
       ORDER BY score DESC, e.published_at DESC, e.document_id
       LIMIT ? OFFSET ?`,
      [...scoreBindings, ...bindings, params.pageSize, (params.page - 1) * params.pageSize]
    )
    .then(rowsOf)) as Array<{ id: number; score: number | string }>;
  const texts = new Map(
    ((await knex(TABLE).select('id', 'type', 'document_id', 'locale', 'slug', 'title', 'summary', 'body').whereIn('id', ranked.map((row) => row.id))) as Row[]).map((row) => [row.id, row])
  );
  const rows = ranked.map((row) => ({ ...(texts.get(row.id) as Row), score: row.score }));

  return {
    total: Number(total),
    hits: rows.map((row) => ({
      type: row.type,
      documentId: row.document_id,
      slug: row.slug,
      title: row.title,
      snippet: snippetOf([row.title, row.summary, row.body], terms),
      locale: row.locale,
      score: Number(row.score),
    })),
  };
};

/** knex.raw answers `{ rows }` on PostgreSQL and the rows themselves on SQLite. */
const rowsOf = (result: unknown): unknown[] => (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows);
