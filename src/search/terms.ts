import { isKhmerTerm } from './normalise';

/**
 * What the search index matches on: a set of index terms per published version, served by an
 * inverted index (a GIN tsvector index on PostgreSQL, an FTS5 table on SQLite) that answers a query
 * without reading any text. Matching by scanning text (pg_trgm's LIKE recheck, instr) costs time for
 * every candidate, which is what made common words slow.
 *
 * - A word in another script (English, digits) is one term: a query word matches as a prefix.
 * - A Khmer run (Khmer is written without spaces) gives its trigrams, the run being padded with two
 *   PAD characters so that every position starts one. A Khmer query word of three characters is one
 *   trigram (exact); a longer one needs all its trigrams, and the text is checked for the whole word
 *   (`needsTextCheck`) since the trigrams may occur apart; a shorter one is a prefix of trigrams.
 */
const PAD = '_';
/** PostgreSQL refuses lexemes over 2 KB; no query word is longer than this anyway. */
const MAX_WORD = 200;

const trigrams = (word: string): string[] => {
  const chars = [...word, PAD, PAD];
  return Array.from({ length: chars.length - 2 }, (_, i) => chars.slice(i, i + 3).join(''));
};

/** The index terms of normalised texts (words separated by spaces). */
export const indexTerms = (normalisedTexts: string[]): string[] => {
  const terms = new Set<string>();
  for (const text of normalisedTexts) {
    for (const word of text.split(' ')) {
      if (word === '') continue;
      if (isKhmerTerm(word)) trigrams(word).forEach((trigram) => terms.add(trigram));
      else terms.add([...word].slice(0, MAX_WORD).join(''));
    }
  }
  return [...terms];
};

/** The Khmer words of normalised texts, space-separated: where a long Khmer query word is checked. */
export const khmerText = (normalisedTexts: string[]): string =>
  ` ${normalisedTexts.flatMap((text) => text.split(' ').filter((word) => word !== '' && isKhmerTerm(word))).join(' ')} `;

export type TermMatch =
  /** Some index term starts with this. */
  | { prefix: string }
  /** The version has all these index terms. */
  | { all: string[] };

/** How a query word (from `queryTerms`: a Khmer word, or another word after a space) is looked up. */
export const termMatch = (queryTerm: string): TermMatch => {
  const word = queryTerm.trimStart();
  const chars = [...word];
  if (!isKhmerTerm(word)) return { prefix: chars.slice(0, MAX_WORD).join('') };
  if (chars.length < 3) return { prefix: word };
  return { all: [...new Set(trigrams(word).filter((trigram) => !trigram.includes(PAD)))] };
};

/** A Khmer query word longer than a trigram: its trigrams may occur apart, so the text is checked. */
export const needsTextCheck = (queryTerm: string): boolean => isKhmerTerm(queryTerm) && [...queryTerm].length > 3;

/** One query word as an FTS5 (SQLite) or tsquery (PostgreSQL) expression; terms contain no quotes. */
export const ftsExpression = (match: TermMatch): string =>
  'prefix' in match ? `"${match.prefix}"*` : match.all.map((term) => `"${term}"`).join(' AND ');

export const tsqueryExpression = (match: TermMatch): string =>
  'prefix' in match ? `'${match.prefix}':*` : match.all.map((term) => `'${term}'`).join(' & ');

/** A tsvector literal: quoted lexemes, taken as they are (no parser, no stemming). */
export const tsvectorLiteral = (terms: string[]): string => terms.map((term) => `'${term}'`).join(' ');
