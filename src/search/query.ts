import type { Core } from '@strapi/strapi';
import { TABLE, TERMS_TABLE, TEXTS_TABLE, isPostgres } from './index-store';
import { readRows } from './readers';
import { ftsExpression, khmerBytes, needsTextCheck, termMatch, tsqueryExpression } from './terms';
import { isKhmerTerm, normaliseWithMap, queryTerms } from './normalise';

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
const SNIPPET_CONTEXT = 80;
/** Up to this many matches, SQLite ranks by reading their normalised title and summary. */
const FEW_MATCHES = 500;

type Ranked = { id: number; type: string; document_id: string; locale: string; slug: string | null; score: number | string; title: string; summary: string; body: string };

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
 * chain it has a published version in, as on the other routes. The index terms find the matches
 * (`terms.ts`); only a long Khmer word is also checked against the Khmer text of its candidates.
 */
export const search = async (strapi: Core.Strapi, params: SearchParams): Promise<{ hits: SearchHit[]; total: number }> => {
  const terms = queryTerms(params.q);
  if (terms.length === 0) return { hits: [], total: 0 };
  const postgres = isPostgres(strapi);
  const matches = terms.map(termMatch);

  const where: string[] = [];
  const bindings: unknown[] = [];
  let from: string;
  if (postgres) {
    from = `${TABLE} e`;
    where.push('e.terms @@ ?::tsquery');
    bindings.push(matches.map((match) => `(${tsqueryExpression(match)})`).join(' & '));
  } else {
    // The index matches drive the query (CROSS JOIN fixes the order): its cost then follows the
    // number of matches, not the size of the table. This first binding is the FTS match.
    from = `(SELECT rowid AS id FROM ${TERMS_TABLE} WHERE ${TERMS_TABLE} MATCH ?) m CROSS JOIN ${TABLE} e ON e.id = m.id`;
    bindings.push(matches.map((match) => `(${ftsExpression(match)})`).join(' AND '));
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
  const whereSql = where.join(' AND ');
  const page = [params.pageSize, (params.page - 1) * params.pageSize];

  if (postgres) return searchPostgres(strapi, terms, whereSql, bindings, page);

  const scoreInText = {
    sql: terms.map(() => `CASE WHEN instr(e.title_n, ?) > 0 THEN ${TITLE} WHEN instr(e.summary_n, ?) > 0 THEN ${SUMMARY} ELSE ${BODY} END`).join(' + '),
    bindings: terms.flatMap((term) => [term, term]),
  };
  const rank = async (score: { sql: string; bindings: unknown[] }): Promise<Ranked[]> =>
    (await readRows(
      strapi,
      withTexts(`SELECT e.id, e.type, e.document_id, e.locale, e.slug, e.published_at, (${score.sql}) AS score
       FROM ${from} WHERE ${whereSql}
       ORDER BY score DESC, e.published_at DESC, e.document_id
       LIMIT ? OFFSET ?`),
      [...score.bindings, ...bindings, ...page]
    )) as Ranked[];
  const count = async (): Promise<number> =>
    Number(((await readRows(strapi, `SELECT COUNT(*) AS total FROM ${from} WHERE ${whereSql}`, bindings)) as Array<{ total: number | string }>)[0].total);

  // SQLite: counted first, since how best to rank depends on how many match.
  const total = await count();
  if (total <= (params.page - 1) * params.pageSize) return answer([], total, terms);

  // One query word: every match with it in the title (score 100) comes before all others, so a page
  // that lies within those needs only them ranked (the title column's matches, usually few).
  if (terms.length === 1 && total > FEW_MATCHES) {
    const titled = (await readRows(
      strapi,
      withTexts(`SELECT e.id, e.type, e.document_id, e.locale, e.slug, e.published_at, ${TITLE} AS score
       FROM ${from} WHERE ${whereSql}
       ORDER BY e.published_at DESC, e.document_id
       LIMIT ? OFFSET ?`),
      [`title : (${ftsExpression(matches[0])})`, ...bindings.slice(1), ...page]
    )) as Ranked[];
    if (titled.length === params.pageSize) return answer(titled, total, terms);
  }

  // A few matches: their normalised title and summary are checked directly. Many: each word's
  // title and summary matches come from the index, which costs the same however many match.
  const inField = `e.id IN (SELECT rowid FROM ${TERMS_TABLE} WHERE ${TERMS_TABLE} MATCH ?)`;
  const score =
    total <= FEW_MATCHES
      ? scoreInText
      : {
          sql: matches.map(() => `CASE WHEN ${inField} THEN ${TITLE} WHEN ${inField} THEN ${SUMMARY} ELSE ${BODY} END`).join(' + '),
          bindings: matches.flatMap((match) => [`title : (${ftsExpression(match)})`, `summary : (${ftsExpression(match)})`]),
        };
  return answer(await rank(score), total, terms);
};

/**
 * PostgreSQL: one statement finds the matches (the terms index, then the row of each), checks long
 * Khmer words in the row's Khmer words, ranks, counts, and reads the page's texts. A query word's
 * score comes from the row: its Khmer words per field, or the other words of its title and summary.
 */
const searchPostgres = async (strapi: Core.Strapi, terms: string[], whereSql: string, bindings: unknown[], page: number[]): Promise<{ hits: SearchHit[]; total: number }> => {
  const scores = terms.map((term): { sql: string; bindings: unknown[] } => {
    if (!isKhmerTerm(term)) {
      return { sql: `CASE WHEN strpos(e.title_n, ?) > 0 THEN ${TITLE} WHEN strpos(e.summary_n, ?) > 0 THEN ${SUMMARY} ELSE ${BODY} END`, bindings: [term, term] };
    }
    const bytes = khmerBytes(term);
    const inField = (column: string) => `position(?::bytea IN e.${column}) > 0`;
    // A word that needs no check is in the row somewhere: if not in the title or summary, in the body.
    return needsTextCheck(term)
      ? { sql: `CASE WHEN ${inField('title_k')} THEN ${TITLE} WHEN ${inField('summary_k')} THEN ${SUMMARY} WHEN ${inField('body_k')} THEN ${BODY} ELSE 0 END`, bindings: [bytes, bytes, bytes] }
      : { sql: `CASE WHEN ${inField('title_k')} THEN ${TITLE} WHEN ${inField('summary_k')} THEN ${SUMMARY} ELSE ${BODY} END`, bindings: [bytes, bytes] };
  });
  // Materialised: each row's scores are computed once, then filtered (a score of 0 is a long Khmer
  // word that is not in the row), counted and ranked.
  const rows = (await readRows(
    strapi,
    `WITH m AS MATERIALIZED (
       SELECT e.id, e.published_at, e.document_id, ${scores.map((score, i) => `(${score.sql}) AS s${i}`).join(', ')}
       FROM ${TABLE} e WHERE ${whereSql}),
     r AS (SELECT id, published_at, document_id, ${scores.map((_, i) => `s${i}`).join(' + ')} AS score FROM m WHERE ${scores.map((_, i) => `s${i} > 0`).join(' AND ')})
     SELECT c.total, p.id, p.score, p.published_at, p.document_id, e.type, e.locale, e.slug, t.title, t.summary, t.body
     FROM (SELECT COUNT(*) AS total FROM r) c
     LEFT JOIN (SELECT * FROM r ORDER BY score DESC, published_at DESC, document_id LIMIT ? OFFSET ?) p ON true
     LEFT JOIN ${TABLE} e ON e.id = p.id
     LEFT JOIN ${TEXTS_TABLE} t ON t.id = p.id
     ORDER BY p.score DESC, p.published_at DESC, p.document_id`,
    [...scores.flatMap((score) => score.bindings), ...bindings, ...page]
  )) as Array<Ranked & { total: string | number }>;
  return answer(rows[0].id === null ? [] : rows, Number(rows[0].total), terms);
};

/** A page of ranked rows with their texts, read for these rows only, in the same order. */
const withTexts = (pageSql: string): string =>
  `SELECT p.*, t.title, t.summary, t.body FROM (${pageSql}) p JOIN ${TEXTS_TABLE} t ON t.id = p.id ORDER BY p.score DESC, p.published_at DESC, p.document_id`;

/** The page of results, with snippets. */
const answer = (ranked: Ranked[], total: number, terms: string[]): { hits: SearchHit[]; total: number } => ({
  total,
  hits: ranked.map((row) => ({
    type: row.type,
    documentId: row.document_id,
    slug: row.slug,
    title: row.title,
    snippet: snippetOf([row.title, row.summary, row.body], terms),
    locale: row.locale,
    score: Number(row.score),
  })),
});
